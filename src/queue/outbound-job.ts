import { createHash } from "node:crypto";

/** The name of the BullMQ queue every instance sends through. */
export const OUTBOUND_QUEUE = "outbound";

/**
 * The job id of an outbox entry: fixed by the entry, so handing the entry over again (the sweeper after a crash, a
 * redelivered message) finds the existing job instead of sending twice. BullMQ forbids ":" in custom ids and
 * integer-looking ids, hence a hash with a letter prefix.
 *
 * @example outboxJobId("zalo:579…:msg-1") // "out-3f0c…"
 */
export function outboxJobId(entryId: string): string {
  return `out-${createHash("sha256").update(entryId).digest("base64url").slice(0, 32)}`;
}
