import type { Logger } from "pino";
import type { ChannelRegistry } from "../core/channel.js";
import { OUTBOX, OUTBOX_SENT, sendFailure, type OutboxEntry, type SentMark } from "../core/outbound.js";
import { backoffMs, type RetryPolicy } from "../core/retry.js";
import type { CommitWrite, Store } from "../store/store.js";
import type { DeadLetterKind, FailedReplies } from "./dead-letters.js";

/** What both Outbounds need to keep the outbox: the store, the policy, the dead letters, the metrics. */
export interface OutboxDeps {
  store: Store;
  policy: RetryPolicy;
  logger: Logger;
  now: () => number;
  /** Writes the dead letters of what was given up and tells staff (src/queue/dead-letters.ts). */
  onDeadLetter: (failed: FailedReplies) => Promise<void>;
  /** Counts what was given up, by kind (/metrics: bot_outbound_given_up_total). */
  onGivenUp?: (kind: DeadLetterKind, channel: string) => void;
  /** How long after a send timed out the channel is asked whether it arrived (DELIVERY_CHECK_DELAY_MS; default 0). */
  checkDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** A notice the channel refused (its window closed): kept for the person's next message instead (person-outbox.ts). */
  onRefusedNotice?: (entry: OutboxEntry) => Promise<void>;
}

/**
 * The outbox entries' bookkeeping, shared by the direct Outbound and the queue: each change is a commit (durable, and
 * at the entry's revision, so a crash never brings back an older copy that would send a reply twice).
 *
 * @example const book = new OutboxBook(deps); await book.progress(entry); await book.done(entry);
 */
export class OutboxBook {
  constructor(readonly deps: OutboxDeps) {}

  /** Whether the entry is older than the policy allows: never sent days late. */
  stale(entry: OutboxEntry): boolean {
    return this.deps.now() - entry.createdAt > this.deps.policy.maxAgeMs;
  }

  /** Records how many replies went (a retry, or a restart, starts after them). */
  async progress(entry: OutboxEntry): Promise<void> {
    await this.#write(entry, { ...entry });
  }

  /**
   * Every reply went (or it was given up): out of the outbox. Sent whole, the same commit stores when (OUTBOX_SENT):
   * the pipeline compares it with when the person wrote their next message — one written before the question reached
   * them is not an answer to it, even when another delivery (the sweeper after a restart, another instance) sent it.
   * The time is taken after the last send returned, not when it began: a send call may hold the client's own retries,
   * so one begun before the person wrote can deliver after; an early time would make their repeat the answer (a wrong
   * field), a late one only keeps a misfit from being asked again.
   */
  async done(entry: OutboxEntry): Promise<void> {
    const whole = entry.sent >= entry.replies.length;
    const mark: SentMark = { id: entry.id, at: this.deps.now() };
    await this.#write(entry, undefined, whole ? [{ collection: OUTBOX_SENT, id: entry.id, value: mark }] : []);
  }

  /** Drops the sent marks older than `before` (a person who never wrote again); how many. */
  async pruneSent(before: number): Promise<number> {
    const stale = (await this.deps.store.collection<SentMark>(OUTBOX_SENT).find()).filter((mark) => mark.at < before);
    // One commit (one disk sync) for all of them, not one per mark.
    if (stale.length > 0) await this.deps.store.commit(stale.map((mark) => ({ collection: OUTBOX_SENT, id: mark.id, value: undefined })));
    return stale.length;
  }

  /** Not now: tried again after the policy's backoff (by the sweeper or the queue). */
  async later(entry: OutboxEntry, error: unknown): Promise<void> {
    const attempts = entry.attempts;
    await this.#write(entry, { ...entry, attempts, nextAttemptAt: this.deps.now() + backoffMs(this.deps.policy, attempts), lastError: errorText(error) });
  }

  /** Given up: the replies not sent become dead letters of `kind` (staff are told), and the entry leaves the outbox. */
  async giveUp(entry: OutboxEntry, kind: DeadLetterKind, error: unknown): Promise<void> {
    if (kind === "refused" && entry.messageId === undefined && this.deps.onRefusedNotice) {
      await this.deps.onRefusedNotice(entry);
      return this.done(entry);
    }
    const left = entry.replies.slice(entry.sent).map((reply, offset) => ({ reply, index: entry.sent + offset }));
    this.deps.onGivenUp?.(kind, entry.to.channel);
    this.deps.logger[kind === "refused" ? "warn" : "error"]({ err: error, channel: entry.to.channel, kind, entry: entry.id }, "outbound message given up");
    try {
      await this.deps.onDeadLetter({ recipient: entry.to, messageId: entry.messageId ?? entry.id, replies: left, error, attempts: entry.attempts, kind });
    } catch (nested) {
      this.deps.logger.error({ err: nested, entry: entry.id }, "dead letter not recorded");
    }
    await this.done(entry);
  }

  /**
   * What a failed try of `entry`'s next reply means: `sendFailure`, except that a try which timed out is checked with
   * the channel where it can tell (OutboundChannel.wasDelivered), after `checkDelayMs` so that a send the platform
   * was still finishing shows: "sent" when it arrived (go on); "transient" when it did not (sent again — once per
   * reply: a second timeout of the same reply that the platform still does not show is "maybe_sent", so a platform
   * that lists late never gets it more than twice); "maybe_sent" when the channel cannot tell (staff are told).
   */
  async failure(error: unknown, entry: OutboxEntry, channels: ChannelRegistry, since: number): Promise<"sent" | "refused" | "maybe_sent" | "transient"> {
    const failure = sendFailure(error);
    if (failure !== "maybe_sent") return failure;
    const { checkDelayMs = 0, sleep = defaultSleep, logger } = this.deps;
    if (checkDelayMs > 0) await sleep(checkDelayMs);
    const delivered = await this.#delivered(entry, entry.sent, since, channels);
    const resendable = delivered === false && entry.resentAfterCheck !== entry.sent;
    // "partly": its first parts arrived; sending it again would repeat them, so it is "maybe sent" (staff told).
    logger.info({ channel: entry.to.channel, entry: entry.id, reply: entry.sent, delivered: delivered ?? "unknown", resend: resendable }, "send timed out; delivery checked");
    if (delivered === true) return "sent";
    if (!resendable) return "maybe_sent";
    entry.resentAfterCheck = entry.sent;
    return "transient";
  }

  /**
   * The entry as stored now, or undefined when it left the outbox (sent, given up). A copy read earlier — the
   * sweeper's list, the pipeline's repeat or replay — may be behind: sending from it would send again what another
   * delivery just sent.
   */
  async current(entry: OutboxEntry): Promise<OutboxEntry | undefined> {
    return this.deps.store.collection<OutboxEntry>(OUTBOX).get(entry.id);
  }

  /**
   * For an entry an earlier process left (it may have been sending when it died, and its record lags the platform):
   * skips the replies the channel shows as already delivered since the entry was written (wasDelivered), so a crash
   * does not send them twice. A reply only partly there (the crash came between its parts) is skipped too: the person
   * has its start — the question — and may have answered it; asking it again is what put answers in the wrong fields.
   * Where the channel cannot tell, nothing is skipped (at least once). Records the skip.
   */
  async skipDelivered(entry: OutboxEntry, channels: ChannelRegistry): Promise<void> {
    const before = entry.sent;
    const arrived = async (index: number) => {
      const delivered = await this.#delivered(entry, index, entry.createdAt, channels);
      return delivered === true || delivered === "partly";
    };
    while (entry.sent < entry.replies.length && (await arrived(entry.sent))) entry.sent++;
    if (entry.sent === before) return;
    this.deps.logger.info({ channel: entry.to.channel, entry: entry.id, skipped: entry.sent - before }, "replies left by a crash already delivered: not sent again");
    if (entry.sent < entry.replies.length) await this.progress(entry);
  }

  /**
   * For an entry a sender may have been sending when it died (an earlier process on the direct path; a queue job whose
   * worker stopped mid-run): skips what the channel shows as arrived (skipDelivered). True when nothing is left to
   * send — the entry is then out of the outbox. The one crash rule of both Outbounds.
   */
  async settleLeftBehind(entry: OutboxEntry, channels: ChannelRegistry): Promise<boolean> {
    await this.skipDelivered(entry, channels);
    if (entry.sent < entry.replies.length) return false;
    await this.done(entry);
    return true;
  }

  /** The channel's answer for one reply; a template send (a transaction message, ZNS) is listed otherwise: cannot tell. */
  async #delivered(entry: OutboxEntry, index: number, since: number, channels: ChannelRegistry): Promise<boolean | "partly" | undefined> {
    if (entry.options?.reach?.kind === "template") return undefined;
    return channels.wasDelivered(entry.to, entry.replies[index]!, since);
  }

  /** Entries whose next try is due, oldest first (the sweeper). */
  async due(): Promise<OutboxEntry[]> {
    const now = this.deps.now();
    const entries = await this.deps.store.collection<OutboxEntry>(OUTBOX).find();
    return entries.filter((entry) => entry.nextAttemptAt <= now).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Writes at the entry's revision; a lost race (another instance changed it) is logged and left to that one. */
  async #write(entry: OutboxEntry, next: OutboxEntry | undefined, also: CommitWrite[] = []): Promise<void> {
    const expected = entry.revision;
    const value = next && { ...next, revision: expected + 1 };
    if (await this.deps.store.commit([{ collection: OUTBOX, id: entry.id, value, expectedRevision: expected }, ...also])) {
      if (value) Object.assign(entry, value);
      return;
    }
    this.deps.logger.debug({ entry: entry.id }, "outbox entry changed elsewhere; left as it is");
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 300);
}
