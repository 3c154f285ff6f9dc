import type { Recipient } from "../core/channel.js";
import type { Reply } from "../core/message.js";
import type { StaffNotifier } from "../domain/staff-event.js";
import type { Store } from "../store/store.js";

/**
 * A reply that could not be delivered after every retry: kept in the store's `dead_letters` collection
 * for staff (GET /api/dead-letters, the console) and told to them as a "dead_letter" notice.
 */
export interface DeadLetter {
  /** `<channel>:<message id>:<at>` on the in-process path (`…:<at>-2` for a second one in the same ms); `<channel>:<message id>:r<reply index>` from the queue. */
  id: string;
  /** When it was given up (epoch ms). */
  at: number;
  recipient: Recipient;
  reply: Reply;
  /** The last error, as text. */
  error: string;
  /** How many times it was tried. */
  attempts?: number;
  /**
   * Why it was given up: `refused` by the platform; `maybe_sent` — a try timed out after the platform may have taken
   * it, so it was not repeated (staff check with the person); `stale` — not sent within OUTBOUND_MAX_AGE_HOURS.
   * Absent on letters from before (read as refused).
   */
  kind?: DeadLetterKind;
}

/** Why a reply was given up. */
export type DeadLetterKind = "refused" | "maybe_sent" | "stale";

/** The words staff see for a kind (console, alerts). */
export const DEAD_LETTER_KIND_TEXT: Record<DeadLetterKind, string> = {
  refused: "nền tảng từ chối",
  maybe_sent: "có thể đã gửi (hết thời gian chờ, không gửi lại)",
  stale: "quá hạn, đã bỏ",
};

/** The store collection dead letters are kept in. */
export const DEAD_LETTERS = "dead_letters";

/** What {@link recordDeadLetters} needs; `notifier` is read at call time (tests swap services.notifier). */
export interface DeadLetterDeps {
  store: Store;
  notifier: () => StaffNotifier;
  /** The content pack id of an OA or page, for the notice's routing. */
  packFor: (accountId: string) => string;
  now: () => number;
}

/** Replies of one handled message that were given up. */
export interface FailedReplies {
  recipient: Recipient;
  messageId: string;
  /** The replies not delivered, in order, with their index among the message's replies (queue path). */
  replies: { reply: Reply; index?: number }[];
  error: unknown;
  attempts?: number;
  kind?: DeadLetterKind;
}

/**
 * Writes one `dead_letters` document per undelivered reply, then tells staff once. With an index the id is
 * fixed by (message, reply index), so a queue job that runs its last attempt twice (a stalled worker)
 * overwrites the same documents instead of adding new ones.
 *
 * @example await recordDeadLetters(deps, { recipient, messageId: "m-1", replies: [{ reply, index: 0 }], error });
 */
export async function recordDeadLetters(deps: DeadLetterDeps, failed: FailedReplies): Promise<DeadLetter[]> {
  const at = deps.now();
  const { recipient } = failed;
  const error = String(failed.error);
  const collection = deps.store.collection<DeadLetter>(DEAD_LETTERS);
  const letters: DeadLetter[] = [];
  for (const { reply, index } of failed.replies) {
    let id = index === undefined ? `${recipient.channel}:${failed.messageId}:${at}` : `${recipient.channel}:${failed.messageId}:r${index}`;
    // Without an index (the in-process path), two replies of one message refused in the same millisecond
    // would share an id and the second would overwrite the first: a taken id gets a suffix (-2, -3…).
    for (let n = 2; index === undefined && (letters.some((letter) => letter.id === id) || (await collection.get(id))); n++) {
      id = `${recipient.channel}:${failed.messageId}:${at}-${n}`;
    }
    letters.push({
      id,
      at,
      recipient: { channel: recipient.channel, accountId: recipient.accountId, userId: recipient.userId },
      reply,
      error,
      ...(failed.attempts === undefined ? {} : { attempts: failed.attempts }),
      ...(failed.kind === undefined ? {} : { kind: failed.kind }),
    });
  }
  for (const letter of letters) await collection.set(letter.id, letter, { durable: true });
  if (letters.length === 0) return letters;
  const more = letters.length > 1 ? ` (${letters.length} tin)` : "";
  await deps.notifier().notify({
    type: "dead_letter",
    ref: letters[0]!.id,
    packId: deps.packFor(recipient.accountId),
    summary: `${failed.kind === "maybe_sent" ? "Có thể đã gửi (không chắc) trả lời" : "Không gửi được trả lời"} qua ${recipient.channel}${more}: ${errorText(failed.error).slice(0, 120)}`,
    consolePath: "/admin/dead-letters",
    at,
  });
  return letters;
}

/**
 * Dead letters, newest first (the staff list).
 *
 * @example const latest = await listDeadLetters(store, { limit: 50 });
 */
export async function listDeadLetters(store: Store, options: { limit?: number; channel?: string } = {}): Promise<DeadLetter[]> {
  // The channel sits inside `recipient`, which a top-level Match cannot reach: filtered here.
  const all = await store.collection<DeadLetter>(DEAD_LETTERS).find();
  const filtered = options.channel ? all.filter((letter) => letter.recipient?.channel === options.channel) : all;
  return filtered.sort((a, b) => b.at - a.at || b.id.localeCompare(a.id)).slice(0, options.limit ?? 100);
}

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error);
}
