/**
 * The one way the app picks its own wording by the person's language. Our texts are maps per language
 * (`{ vi, en, zh?, ko? }`), kept in each feature's texts file; Vietnamese and English are always written, and a
 * missing Chinese or Korean text falls back to English (never an empty string). Content text goes through the
 * answers' speaker (zh/ko → en → vi, and it says so), or `inLanguage` where a feature only needs the name.
 *
 * Texts live in a JSON file per feature or dialog (e.g. src/features/reports/report-texts.json); a `{name}` in a
 * text is filled from `values`.
 *
 * @example say("en", { vi: "Đã hủy.", en: "Cancelled." })                  // "Cancelled."
 * @example say("zh", { vi: "Lễ hội", en: "Festivals", zh: "节日庙会" })      // "节日庙会"
 * @example say("ko", { vi: "Đã hủy.", en: "Cancelled." })                  // "Cancelled." (no Korean yet)
 * @example say("vi", { vi: "Mã: {code}.", en: "Code: {code}." }, { code: "PA-2026-0001" }) // "Mã: PA-2026-0001."
 * @example ctx.say(texts.cancelled)                                        // in the person's language
 */

/** The languages the bot speaks. */
export type Language = "vi" | "en" | "zh" | "ko";

/** A text of ours: Vietnamese and English always, Chinese and Korean where written. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
  readonly zh?: string;
  readonly ko?: string;
}

/** Values for the `{name}` places of a text. */
export type TextValues = Readonly<Record<string, string | number>>;

/** `text` in `language` (English for a missing zh/ko), its `{name}` places filled from `values`. */
export function say(language: Language, text: Bilingual, values?: TextValues): string {
  const chosen = language === "vi" ? text.vi : language === "en" ? text.en : (text[language] ?? text.en);
  return values ? chosen.replace(/\{(\w+)\}/g, (place, name: string) => (name in values ? String(values[name]) : place)) : chosen;
}

/** Whether `say(language, text)` had to fall back to English. */
export function fellBackToEnglish(language: Language, text: Bilingual): boolean {
  return (language === "zh" || language === "ko") && text[language] === undefined;
}

/**
 * Content text (a festival's name, a place) in `language`: Chinese and Korean fall back to English, then to
 * Vietnamese, so a missing translation never leaves a field empty.
 * @example inLanguage({ vi: "Hội Lim", en: "Lim Festival" }, "ko") // "Lim Festival"
 */
export function inLanguage(text: { readonly vi: string; readonly en?: string; readonly zh?: string; readonly ko?: string }, language: Language): string {
  if (language === "vi") return text.vi;
  return (language === "en" ? undefined : text[language]) ?? text.en ?? text.vi;
}

/**
 * Vietnamese or English, for the parts of the bot that speak only those (reports, class registration):
 * Chinese and Korean speakers get English there.
 * @example viOrEn("ko") // "en"
 */
export function viOrEn(language: Language): "vi" | "en" {
  return language === "vi" ? "vi" : "en";
}
