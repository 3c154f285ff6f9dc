/**
 * The platforms echo every message the account sends — the bot's through the API and a staff member's from the
 * platform's own inbox (the Zalo OA chat, the Facebook Page inbox) alike. To tell them apart, a channel records the id
 * the platform gives each message the bot sends; an echo whose id is recorded is the bot's own, any other is a human's.
 *
 * Ids are kept in memory (the last 50,000: echoes come within seconds) on one instance; scaled out (REDIS_URL), in the
 * store's shared seen list (Store.markSeen, under a prefix of their own) so the instance receiving the echo sees them
 * — not by default, where they would crowd the inbound ids out of that bounded list. An echo can arrive before the
 * send's answer: it first waits (briefly) for the sends to that person still in flight on this instance.
 *
 * @example
 * const own = new OwnSends(store, "zalo");
 * const result = await own.track(userId, () => api.sendMessage(userId, message), (r) => r.message_id);
 * if (!(await own.isOwn(echo.recipientId, echo.msgId))) receive(staffEcho);
 */
export class OwnSends {
  #inFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(
    private readonly seen: { markSeen(id: string): Promise<boolean> } = new RecentIds(),
    private readonly channel: string = "",
    /** How long an echo waits for sends still in flight to the same person. */
    private readonly waitMs = 3_000,
  ) {}

  /** Runs one send to `userId` and records the id of the message it made. */
  async track<T>(userId: string, send: () => Promise<T>, idOf: (result: T) => string | undefined): Promise<T> {
    const running = send().then(async (result) => {
      const id = idOf(result);
      if (id) await this.seen.markSeen(this.#key(id));
      return result;
    });
    const pending = this.#inFlight.get(userId) ?? new Set();
    pending.add(running);
    this.#inFlight.set(userId, pending);
    try {
      return await running;
    } finally {
      pending.delete(running);
      if (pending.size === 0) this.#inFlight.delete(userId);
    }
  }

  /** Records an id the bot sent by another way (the echo of it is the bot's own). */
  async record(messageId: string): Promise<void> {
    await this.seen.markSeen(this.#key(messageId));
  }

  /** Whether the echo of `messageId`, sent to `userId`, is of a message the bot sent. */
  async isOwn(userId: string, messageId: string): Promise<boolean> {
    const pending = this.#inFlight.get(userId);
    if (pending?.size) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => (timer = setTimeout(resolve, this.waitMs)))]);
      clearTimeout(timer);
    }
    // markSeen is true the first time: an id nobody recorded is not ours (and a repeat of that echo reads as ours,
    // which is harmless: the pipeline drops repeated deliveries anyway).
    return !(await this.seen.markSeen(this.#key(messageId)));
  }

  #key(messageId: string): string {
    return `sent:${this.channel}:${messageId}`;
  }
}

/** A bounded set of recent ids in memory, with the store's markSeen contract (true the first time). */
export class RecentIds {
  #ids = new Set<string>();

  constructor(private readonly limit = 50_000) {}

  async markSeen(id: string): Promise<boolean> {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    // A Set keeps insertion order: the oldest goes first.
    if (this.#ids.size > this.limit) this.#ids.delete(this.#ids.values().next().value!);
    return true;
  }
}
