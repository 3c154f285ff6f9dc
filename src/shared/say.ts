/**
 * The app's one language helper: our own wording as a map per language. Vietnamese and English are always written;
 * Chinese and Korean where we have them, and a missing one falls back to English (never an empty string).
 *
 * @example say("zh", { vi: "Lễ hội", en: "Festivals", zh: "节日庙会" }) // "节日庙会"
 * @example say("ko", { vi: "Lễ hội", en: "Festivals" })                  // "Festivals"
 */
import type { Language } from "../nlu/index.js";

export type { Language };

/** One phrase in the bot's languages: vi and en required, zh and ko optional. */
export interface Texts {
  vi: string;
  en: string;
  zh?: string;
  ko?: string;
}

/** The phrase in `lang`, English when a Chinese or Korean one is missing. */
export function say(lang: Language, texts: Texts): string {
  if (lang === "vi") return texts.vi;
  if (lang === "en") return texts.en;
  return texts[lang] ?? texts.en;
}

/** Whether `say(lang, texts)` had to fall back to English. */
export function fellBackToEnglish(lang: Language, texts: Texts): boolean {
  return (lang === "zh" || lang === "ko") && texts[lang] === undefined;
}

/**
 * Vietnamese or English, for the parts of the bot that speak only those (reports, class registration):
 * Chinese and Korean speakers get English there.
 * @example viOrEn("ko") // "en"
 */
export function viOrEn(lang: Language): "vi" | "en" {
  return lang === "vi" ? "vi" : "en";
}
