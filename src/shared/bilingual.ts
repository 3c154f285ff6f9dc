/**
 * The one way the app picks its own wording by the person's language. Our texts are written as pairs
 * (`{ vi, en }`), kept in each feature's texts file; content text (which may lack English) goes through the
 * answers' speaker instead, which falls back to Vietnamese and says so.
 *
 * Texts live in a JSON file per feature or dialog (e.g. src/features/reports/report-texts.json); a `{name}` in a
 * text is filled from `values`.
 *
 * @example say("en", { vi: "Đã hủy.", en: "Cancelled." })                  // "Cancelled."
 * @example say("vi", { vi: "Mã: {code}.", en: "Code: {code}." }, { code: "PA-2026-0001" }) // "Mã: PA-2026-0001."
 * @example ctx.say(texts.cancelled)                                        // in the person's language
 */

/** The two languages the bot speaks. */
export type Language = "vi" | "en";

/** A text of ours in both languages. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** Values for the `{name}` places of a text. */
export type TextValues = Readonly<Record<string, string | number>>;

/** `text` in `language`, its `{name}` places filled from `values`. */
export function say(language: Language, text: Bilingual, values?: TextValues): string {
  const chosen = language === "en" ? text.en : text.vi;
  return values ? chosen.replace(/\{(\w+)\}/g, (place, name: string) => (name in values ? String(values[name]) : place)) : chosen;
}
