import { maskPhones } from "../logger.js";

/**
 * One handled message, for the console's analytics and the yearly report (`events` collection).
 * The text is kept only for messages the bot did not answer well (content gaps), with phone numbers masked.
 */
export interface MessageEvent {
  id: string;
  at: number;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  day: string;
  channel: string;
  packId: string;
  /** "dialog": typed as the answer to a dialog step (a name, a place, "xong"): handled, but not a question. */
  kind: "text" | "choice" | "other" | "dialog";
  intent?: string;
  confidence?: number;
  /** false when the bot fell back (out of scope, not understood). */
  answered: boolean;
  text?: string;
}

/** Keeps a text for the content-gap list: phone numbers masked, length bounded. */
export function gapText(text: string | undefined): string | undefined {
  return text ? maskPhones(text).slice(0, 300) : undefined;
}
