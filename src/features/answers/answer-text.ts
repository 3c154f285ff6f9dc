/**
 * Small pieces every answer shares: bilingual content text with the English → Vietnamese fallback, the
 * "chưa cập nhật" wording for unknown facts, the staff choice, and cutting long text to a short card.
 *
 * @example
 * const say = speaker("en");
 * say.text({ vi: "Hội Lim" })      // "Hội Lim" (and say.fallbackNote() now explains why it is Vietnamese)
 * say.unknown                       // "not yet updated"
 */
import { MENU } from "../../shared/menu.js";
import type { Choice, Reply } from "../../core/message.js";
import type { Text } from "../../content/index.js";
import { say, type Bilingual } from "../../shared/bilingual.js";
import type { AnswerLanguage } from "./answer-input.js";

// ===  Speaker: language-aware wording for one reply  ===

/** Picks content text in the reply's language and remembers whether it had to fall back to Vietnamese. */
export interface Speaker {
  readonly lang: AnswerLanguage;
  readonly en: boolean;
  /** `text.en` in English replies when present, else `text.vi`. */
  text(text: Text): string;
  /** Like `text`, for optional fields. */
  maybe(text: Text | undefined): string | undefined;
  /** A phrase of ours in the reply's language (the app's one bilingual helper, src/shared/bilingual.ts). */
  phrase(text: Bilingual): string;
  /** "chưa cập nhật" / "not yet updated". */
  readonly unknown: string;
  /** A line telling an English reader that some content is only in Vietnamese, or "" when none was. */
  fallbackNote(): string;
}

/**
 * A speaker for one reply.
 * @example speaker("vi").phrase({ vi: "Lễ hội", en: "Festivals" }) // "Lễ hội"
 */
export function speaker(lang: AnswerLanguage): Speaker {
  const en = lang === "en";
  let fellBack = false;
  const text = (t: Text): string => {
    if (!en) return t.vi;
    if (t.en) return t.en;
    fellBack = true;
    return t.vi;
  };
  return {
    lang,
    en,
    text,
    maybe: (t) => (t ? text(t) : undefined),
    phrase: (phrase) => say(lang, phrase),
    unknown: say(lang, { vi: "chưa cập nhật", en: "not yet updated" }),
    fallbackNote: () => (en && fellBack ? "(Some of this is only available in Vietnamese for now.)" : ""),
  };
}

// ===  Choices  ===

/**
 * The "talk to staff" choice (the main menu's handoff payload).
 * @example staffChoice("vi") // { title: "Gặp cán bộ", payload: "menu:handoff" }
 */
export function staffChoice(lang: AnswerLanguage): Choice {
  return { title: say(lang, { vi: "Gặp cán bộ", en: "Talk to staff" }), payload: MENU.handoff };
}

// ===  Text shaping  ===

/**
 * Join the non-empty lines of a reply.
 * @example lines("a", "", undefined, "b") // "a\nb"
 */
export function lines(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join("\n");
}

/**
 * The first sentences of `text` that fit in `maxChars` (at least one, cut at a word when even that is too long),
 * so a card stays short on a phone screen.
 * @example shorten("Câu một. Câu hai dài hơn.", 12) // "Câu một."
 */
export function shorten(text: string, maxChars = 400): string {
  if (text.length <= maxChars) return text;
  const sentences = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d“"])/u);
  let out = "";
  for (const s of sentences) {
    if ((out ? out.length + 1 : 0) + s.length > maxChars) break;
    out = out ? `${out} ${s}` : s;
  }
  if (out) return out;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * "Nguồn: …" / "Source: …", one short line.
 * @example sourceLine("vnexpress; vtcnews", "vi") // "Nguồn: vnexpress; vtcnews."
 */
export function sourceLine(source: string, lang: AnswerLanguage): string {
  const s = source.trim().replace(/[.;,\s]+$/, "");
  return `${say(lang, { vi: "Nguồn", en: "Source" })}: ${s}.`;
}

// ===  One of several  ===

/** How many items a list or a "which one?" question shows at most. */
export const LIST_MAX = 8;

/**
 * The answer about items named in a message: one → its card; several → "which one?" with a choice for each; none
 * (or none known) → the list of them all.
 *
 * @example oneOf(contacts, lang, { card, choice: contactChoice, which: { vi: "Bạn muốn hỏi cơ quan nào?", en: "Which office do you mean?" }, list })
 */
export function oneOf<T>(found: readonly T[], lang: AnswerLanguage, cases: { card(item: T): Reply; choice(item: T, say: Speaker): Choice; which: Bilingual; list(): Reply }): Reply {
  if (found.length === 1) return cases.card(found[0]);
  if (found.length === 0) return cases.list();
  const say = speaker(lang);
  return { text: say.phrase(cases.which), choices: found.slice(0, LIST_MAX).map((item) => cases.choice(item, say)) };
}
