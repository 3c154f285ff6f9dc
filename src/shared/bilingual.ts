/**
 * The one way the app picks its own wording by the person's language. Our texts are written as pairs
 * (`{ vi, en }`), kept in each feature's texts file; content text (which may lack English) goes through the
 * answers' speaker instead, which falls back to Vietnamese and says so.
 *
 * @example say("en", { vi: "Đã hủy.", en: "Cancelled." }) // "Cancelled."
 * @example ctx.say(texts.cancelled)                       // the same, in the person's language
 */

/** The two languages the bot speaks. */
export type Language = "vi" | "en";

/** A text of ours in both languages. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** `text` in `language`. */
export function say(language: Language, text: Bilingual): string {
  return language === "en" ? text.en : text.vi;
}
