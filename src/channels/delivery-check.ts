/**
 * After a send that timed out, whether the reply reached the person, judged from the conversation as the platform
 * lists it (Zalo OA: GET /v2.0/oa/conversation; Messenger: the page's Conversations API). Neither platform takes an
 * idempotency key, and the message id of a send comes only in the answer that timed out, so delivery receipts
 * (Zalo's user_received_message `msg_ids`, Messenger's `delivery.mids` / watermark) cannot name it: reading the
 * conversation back is the way the platforms offer. Each channel maps its rows to {@link SeenMessage}.
 */

/** A message of the conversation as the platform lists it, newest first or in any order. */
export interface SeenMessage {
  /** Sent by the OA / page (the bot or staff), not by the person. */
  fromUs: boolean;
  /** When the platform took it (epoch ms; Messenger's are whole seconds). */
  at: number;
  /** Its text, when it has one. */
  text?: string;
}

/** What a conversation listing says of a reply: arrived (true), not (false), only its first parts, or cannot tell. */
export type Delivered = boolean | "partly" | undefined;

/** How far the platform's clock may be from ours, and its timestamps rounded (Messenger: seconds). */
export const CLOCK_MARGIN_MS = 2_000;

/**
 * True: every part of the reply is there (it arrived; do not send it again). False: none of it is there, and
 * whatever else the OA sent since the try began has a text of its own (another reply, a staff message): it did not
 * arrive, and sending it again cannot double it. "partly": some parts are there, not all (the person saw its start).
 * Undefined: anything else — the OA sent something without text meanwhile (it could be this reply's image or card),
 * or the listing does not reach back to the try (`covered` false): staff are told instead.
 *
 * @example judgeDelivery(["Chào bạn"], [{ fromUs: true, at: 1_764_000_000_500, text: "Chào bạn" }], 1_764_000_000_000, true) // true
 */
export function judgeDelivery(parts: (string | undefined)[], seen: SeenMessage[], since: number, covered: boolean): Delivered {
  if (parts.length === 0) return undefined;
  const ours = seen.filter((message) => message.fromUs && message.at >= since - CLOCK_MARGIN_MS).map((message) => normalize(message.text ?? ""));
  const expected = parts.map((part) => (part === undefined ? undefined : normalize(part)));
  const found = expected.filter((part) => part !== undefined && ours.includes(part)).length;
  if (found === parts.length) return true;
  if (found > 0) return "partly";
  const othersOnly = ours.every((text) => text !== "" && !expected.includes(text));
  if (found === 0 && othersOnly && covered) return false;
  return undefined;
}

/** Whitespace as the platforms may store it (line ends, trailing blanks). */
function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
