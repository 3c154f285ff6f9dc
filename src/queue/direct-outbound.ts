import type { ChannelRegistry } from "../core/channel.js";
import { type DeliveryOutcome, type Outbound, type OutboxEntry } from "../core/outbound.js";
import { backoffMs } from "../core/retry.js";
import { OutboxBook, type OutboxDeps } from "./outbox-book.js";

/**
 * The Outbound of a single instance (no REDIS_URL): sends an entry's replies in order through the channel registry,
 * with the policy's quick retries while the person's turn waits; what still fails stays in the outbox for the
 * sweeper (src/queue/outbox-sweeper.ts) until it is sent or too old.
 *
 * @example const outbound = new DirectOutbound({ ...deps, channels }); await outbound.deliver(entry);
 */
export class DirectOutbound implements Outbound {
  readonly book: OutboxBook;
  #sending = new Map<string, Promise<DeliveryOutcome>>();
  /** When this process started sending: an entry written before was left by an earlier one (a crash, a stop). */
  readonly #startedAt: number;
  /** Entries left by an earlier process that were checked with their channel (once each). */
  #checked = new Set<string>();

  constructor(private readonly deps: OutboxDeps & { channels: ChannelRegistry; sleep?: (ms: number) => Promise<void> }) {
    this.book = new OutboxBook(deps);
    this.#startedAt = deps.now();
  }

  busy(id: string): boolean {
    return this.#sending.has(id);
  }

  async resume(entry: OutboxEntry): Promise<void> {
    await this.deliver(entry);
  }

  /** Sends the entry; a second call for an entry being sent waits for the first instead of sending again. */
  deliver(entry: OutboxEntry): Promise<DeliveryOutcome> {
    const running = this.#sending.get(entry.id);
    if (running) return running;
    const sending = this.#deliver(entry)
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error, entry: entry.id }, "outbox entry not updated; the sweeper will try again");
        return "retrying" as const;
      })
      .finally(() => this.#sending.delete(entry.id));
    this.#sending.set(entry.id, sending);
    return sending;
  }

  async #deliver(given: OutboxEntry): Promise<DeliveryOutcome> {
    const { book, deps } = this;
    // From the stored copy, read under this entry's lock (#sending): the given one may be behind a delivery that
    // ended meanwhile (the sweeper's list, the pipeline's repeat), and would send again what it sent.
    const entry = await book.current(given);
    if (!entry) return "sent";
    // Left by an earlier process, which may have been sending it when it died: what already arrived is not sent again.
    if (entry.createdAt < this.#startedAt && !this.#checked.has(entry.id)) {
      this.#checked.add(entry.id);
      if (await book.settleLeftBehind(entry, deps.channels)) return "sent";
    }
    if (book.stale(entry)) {
      await book.giveUp(entry, "stale", new Error(`not sent within ${Math.round(deps.policy.maxAgeMs / 3_600_000)} h`));
      return "stale";
    }
    const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    // Quick retries only on the first delivery, while the person's turn waits; the sweeper's tries are one each.
    const quickTries = entry.attempts === 0 ? deps.policy.attempts : 1;
    for (let quick = 1; ; quick++) {
      let since = deps.now();
      try {
        while (entry.sent < entry.replies.length) {
          since = deps.now();
          await deps.channels.sendNow(entry.to, entry.replies[entry.sent]!, entry.options);
          entry.sent++;
          // Recorded between replies, so a restart does not send the first ones again; the last is recorded by `done`.
          if (entry.sent < entry.replies.length) await book.progress(entry);
        }
        await book.done(entry);
        return "sent";
      } catch (error) {
        entry.attempts++;
        const failure = await book.failure(error, entry, deps.channels, since);
        if (failure === "sent") {
          // The platform shows it arrived after all: on with the next reply.
          entry.sent++;
          quick--;
          continue;
        }
        if (failure !== "transient") {
          await book.giveUp(entry, failure, error);
          return failure;
        }
        if (quick < quickTries) {
          await sleep(backoffMs(deps.policy, quick));
          continue;
        }
        deps.logger.warn({ err: error, channel: entry.to.channel, attempts: entry.attempts }, "reply not sent yet; kept in the outbox for a later try");
        await book.later(entry, error);
        return "retrying";
      }
    }
  }
}
