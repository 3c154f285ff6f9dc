import { createHash, randomUUID } from "node:crypto";
import type { Recipient, SendOptions } from "../core/channel.js";
import type { InboundMessage, Reply } from "../core/message.js";

/** The name of the BullMQ queue every instance sends through. */
export const OUTBOUND_QUEUE = "outbound";

/**
 * One job of the outbound queue: the replies to one handled message (a "reply" job), or one message sent
 * outside an answer (a "notice" job: status change, staff reply, staff alert). The replies are sent in
 * order; the job's progress `{ sent: n }` records how many went, so a retry starts at reply n.
 */
export interface OutboundJobData {
  to: Recipient;
  replies: Reply[];
  options?: SendOptions;
  /** The inbound message answered (reply jobs): names the dead letters. Absent on notices. */
  messageId?: string;
}

/** What a job's progress holds: how many of its replies were delivered. */
export interface OutboundProgress {
  sent: number;
}

/**
 * The job id of the replies to one inbound message: fixed by (channel, account, message id), so queueing
 * them again (a retried webhook that got past the seen-id check, a handler run twice) finds the existing
 * job instead of sending twice. Each reply inside is then known by its index (the job's progress).
 * BullMQ forbids ":" in custom ids and integer-looking ids, hence a hash with a letter prefix.
 *
 * @example replyJobId({ channel: "zalo", accountId: "579…", id: "msg-1" } as InboundMessage) // "reply-3f0c…"
 */
export function replyJobId(message: Pick<InboundMessage, "channel" | "accountId" | "id">): string {
  const digest = createHash("sha256").update(`${message.channel}\u0000${message.accountId}\u0000${message.id}`).digest("base64url");
  return `reply-${digest.slice(0, 32)}`;
}

/** A fresh id for a notice: nothing upstream retries it, so there is nothing to deduplicate. */
export function noticeJobId(): string {
  return `notice-${randomUUID()}`;
}

/** How many replies of a job were already delivered, from its progress (0 for a fresh job). */
export function sentSoFar(progress: unknown): number {
  const sent = (progress as Partial<OutboundProgress> | undefined)?.sent;
  return typeof sent === "number" && sent > 0 ? Math.floor(sent) : 0;
}
