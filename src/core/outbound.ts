import { DeliveryRefused, type Recipient, type SendOptions } from "./channel.js";
import type { InboundMessage, Reply } from "./message.js";

/**
 * The way out: every reply and notice is first written to the store's outbox (in the same commit as the state that
 * produced it), then handed to the deployment's one {@link Outbound}, which sends it and takes it out of the outbox.
 * What it cannot send yet stays there, and the outbox sweeper (src/queue/outbox-sweeper.ts) hands it back later.
 */

/** The store collection of the outbox. */
export const OUTBOX = "outbox";

/** The replies to one message, or one notice, waiting in the outbox. */
export interface OutboxEntry {
  /** `<channel>:<account>:<message id>` for replies (a redelivery finds it), `notice:<uuid>` for a notice. */
  id: string;
  to: Recipient;
  replies: Reply[];
  options?: SendOptions;
  /** The message answered (replies only). */
  messageId?: string;
  /** How many replies were delivered (a retry starts after them). */
  sent: number;
  /** When it was written (epoch ms): its age decides when it is stale. */
  createdAt: number;
  /** Tries so far, and when the next may happen. */
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  /** The reply (index) sent again after a timed-out try the platform did not show: it is not sent a third time. */
  resentAfterCheck?: number;
  /** Counts writes (Collection.setIfRevision): the store keeps the newest after a crash. */
  revision: number;
}

/** How handing an entry to the Outbound ended. */
export type DeliveryOutcome =
  /** every reply delivered */
  | "sent"
  /** not yet: kept in the outbox for a later try */
  | "retrying"
  /** the platform refused (window closed, blocked…): a dead letter */
  | "refused"
  /** a try timed out after the platform may have taken it: not repeated, a "maybe sent" dead letter */
  | "maybe_sent"
  /** older than the policy's maximum age: dropped and counted */
  | "stale";

/**
 * Sends what the outbox holds: direct sending in the process (src/queue/direct-outbound.ts) or, with REDIS_URL, the
 * BullMQ queue shared by the instances (src/queue/outbound-queue.ts). Both update or remove the entry in the store.
 */
export interface Outbound {
  /** Sends an entry already in the outbox; never rejects (failures are kept, dead-lettered and logged). */
  deliver(entry: OutboxEntry): Promise<DeliveryOutcome>;
  /** Hands back an entry the sweeper found due (kept through an outage, or left by a crash); one try, no waiting. */
  resume(entry: OutboxEntry): Promise<void>;
  /** Whether this instance is sending the entry now (the sweeper leaves it alone). */
  busy(id: string): boolean;
  close?(): Promise<void>;
}

/**
 * Where the outbox records when an entry's last reply went, by entry id: written in the commit that takes the entry out
 * of the outbox, so every instance, and the process after a restart, knows it (the pipeline compares it with when the
 * person wrote their next message). Dropped once the person's next step is stored, or after `SENT_MARKS_KEPT_MS`.
 */
export const OUTBOX_SENT = "outbox_sent";

/** When an outbox entry was sent whole (see {@link OUTBOX_SENT}). */
export interface SentMark {
  id: string;
  at: number;
}

/** How long a sent mark is kept for a person who does not write again (a mark matters for minutes). */
export const SENT_MARKS_KEPT_MS = 60 * 60_000;

/** The outbox id of the replies to one message. */
export function replyEntryId(message: Pick<InboundMessage, "channel" | "accountId" | "id">): string {
  return `${message.channel}:${message.accountId}:${message.id}`;
}

/**
 * A new outbox entry.
 *
 * @example const entry = outboxEntry(replyEntryId(message), message, ctx.replies, now, { messageId: message.id });
 */
export function outboxEntry(id: string, to: Recipient, replies: Reply[], now: number, extra: { options?: SendOptions; messageId?: string } = {}): OutboxEntry {
  return {
    id,
    to: { channel: to.channel, accountId: to.accountId, userId: to.userId },
    replies,
    ...(extra.options ? { options: extra.options } : {}),
    ...(extra.messageId ? { messageId: extra.messageId } : {}),
    sent: 0,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    revision: 1,
  };
}

/** A send that timed out once the request may have reached the platform: it may have been delivered. */
export class DeliveryUncertain extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DeliveryUncertain";
  }
}

/**
 * What a failed send means for the next try: `refused` (never again), `maybe_sent` (the request timed out waiting for
 * the answer: the platform may have taken it, and repeating could deliver twice — unless the channel can tell,
 * OutboundChannel.wasDelivered), or `transient` (nothing reached the platform, it answered 5xx/429, or the connection
 * broke — mostly a kept-alive socket the other side had just closed: try again later).
 */
export function sendFailure(error: unknown): "refused" | "maybe_sent" | "transient" {
  if (error instanceof DeliveryRefused) return "refused";
  for (let cause: unknown = error, depth = 0; cause && depth < 6; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof DeliveryUncertain) return "maybe_sent";
    // AbortSignal.timeout(): the request was written, its answer did not come in time.
    if ((cause as { name?: unknown }).name === "TimeoutError") return "maybe_sent";
    const { code, syscall } = cause as { code?: unknown; syscall?: unknown };
    // A connect that timed out never carried the request.
    if ((code === "ECONNABORTED" || code === "ETIMEDOUT") && syscall !== "connect") return "maybe_sent";
    if (code === undefined && cause instanceof Error && /\btimeout of \d+ms exceeded\b/i.test(cause.message)) return "maybe_sent";
  }
  return "transient";
}
