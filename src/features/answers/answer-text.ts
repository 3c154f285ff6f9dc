/**
 * Small pieces every answer shares: content text in the reply's language with its fallbacks (Chinese and Korean →
 * English → Vietnamese), our own wording as a map per language (src/shared/bilingual.ts), the "chưa cập nhật" wording
 * for unknown facts, the staff choice, and cutting long text to a short card.
 *
 * @example
 * const say = speaker("zh");
 * say.text({ vi: "Hội Lim", en: "Lim Festival" })   // "Lim Festival" (and say.fallbackNote() says why it is English)
 * say.phrase({ vi: "Lễ hội", en: "Festivals", zh: "节日" }) // "节日"
 * say.unknown                                       // "尚未更新"
 */
import type { Choice, Reply } from "../../core/message.js";
import type { Text } from "../../content/index.js";
import { MENU } from "../../shared/menu.js";
import { fellBackToEnglish, say as sayIn, type Bilingual } from "../../shared/bilingual.js";
import type { AnswerLanguage } from "./answer-input.js";

// ===  Speaker: language-aware wording for one reply  ===

/** Picks content text in the reply's language and remembers whether it had to fall back to another language. */
export interface Speaker {
  readonly lang: AnswerLanguage;
  /** English reply (sentence shapes differ from Vietnamese). */
  readonly en: boolean;
  /** Content text in the reply's language: zh/ko → en → vi; en → vi. */
  text(text: Text): string;
  /** Like `text`, for optional fields. */
  maybe(text: Text | undefined): string | undefined;
  /** A phrase of ours in the reply's language (the app's one helper, src/shared/bilingual.ts; English when a zh/ko one is not written). */
  phrase(text: Bilingual): string;
  /** A field's label with the colon the language writes: "Địa điểm: ", "地点：". */
  label(texts: Bilingual): string;
  /** "chưa cập nhật" / "not yet updated" / "尚未更新" / "아직 업데이트되지 않음". */
  readonly unknown: string;
  /** A line telling the reader that some content is only in English or Vietnamese for now, or "" when none was. */
  fallbackNote(): string;
}

/**
 * A speaker for one reply.
 * @example speaker("vi").phrase({ vi: "Lễ hội", en: "Festivals" }) // "Lễ hội"
 */
export function speaker(lang: AnswerLanguage): Speaker {
  let toEnglish = false;
  let toVietnamese = false;
  const text = (t: Text): string => {
    if (lang === "vi") return t.vi;
    if (lang !== "en" && t[lang]) return t[lang];
    if (t.en) {
      if (lang !== "en") toEnglish = true;
      return t.en;
    }
    toVietnamese = true;
    return t.vi;
  };
  const phrase = (texts: Bilingual) => {
    if (fellBackToEnglish(lang, texts)) toEnglish = true;
    return sayIn(lang, texts);
  };
  return {
    lang,
    en: lang === "en",
    text,
    maybe: (t) => (t ? text(t) : undefined),
    phrase,
    label: (texts) => `${phrase(texts)}${lang === "zh" ? "：" : ": "}`,
    unknown: sayIn(lang, { vi: "chưa cập nhật", en: "not yet updated", zh: "尚未更新", ko: "아직 업데이트되지 않음" }),
    fallbackNote: () => {
      if (toVietnamese) {
        return sayIn(lang, {
          vi: "",
          en: "(Some of this is only available in Vietnamese for now.)",
          zh: "（部分内容目前只有越南语或英语版本。）",
          ko: "(일부 내용은 아직 베트남어나 영어로만 제공됩니다.)",
        });
      }
      if (toEnglish) return sayIn(lang, { vi: "", en: "", zh: "（部分内容暂时只有英文版本。）", ko: "(일부 내용은 아직 영어로만 제공됩니다.)" });
      return "";
    },
  };
}

// ===  Choices  ===

/**
 * The "talk to staff" choice (the main menu's handoff payload).
 * @example staffChoice("vi") // { title: "Gặp cán bộ", payload: "menu:handoff" }
 */
export function staffChoice(lang: AnswerLanguage): Choice {
  return { title: sayIn(lang, { vi: "Gặp cán bộ", en: "Talk to staff", zh: "人工客服", ko: "직원 연결" }), payload: MENU.handoff };
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
  return lang === "zh" ? `来源：${s}。` : `${sayIn(lang, { vi: "Nguồn", en: "Source", zh: "来源", ko: "출처" })}: ${s}.`;
}

/** How many items a list or a set of choices shows. */
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
