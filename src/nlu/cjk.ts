/**
 * Chinese and Korean text for the classifier and the catalogue matcher: Traditional characters are mapped to
 * Simplified (opencc-js, Taiwan/Hong Kong variants included), Han characters become one token each (Chinese has no
 * spaces; a character is a syllable, like a Vietnamese syllable), and Hangul words lose a trailing particle or polite
 * ending ("림축제는" → "림축제", "언제예요" → "언제") before they are split into syllables, so "림 축제", "림축제"
 * and "림 축제는" give the same tokens. The classifier then reads character n-grams (src/nlu/features.ts).
 *
 * @example tokenize("林會什麼時候") // ["林","会","什","么","时","候"]
 * @example tokenize("림 축제는 언제예요") // ["림","축","제","언","제"]
 */
import { Converter } from "opencc-js/t2cn";
import { tokenizeVi } from "./natural-pieces.js";

const HAN = /\p{Script=Han}/u;
const CJK = /[\p{Script=Han}\p{Script=Hangul}]/u;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hangul}]$/u;
const SEGMENTS = /(\p{Script=Han})|(\p{Script=Hangul}+)|([^\p{Script=Han}\p{Script=Hangul}]+)/gu;

let traditionalToSimplified: ((text: string) => string) | undefined;

/** Traditional Chinese → Simplified ("林會" → "林会"); text without Han characters is returned as it is. */
export function simplify(text: string): string {
  if (!HAN.test(text)) return text;
  // Built on first use (~20 ms): Vietnamese and English traffic never pays for the dictionaries.
  const convert = (traditionalToSimplified ??= Converter({ from: "tw", to: "cn" }));
  return convert(text);
}

/** Whether the text has Han or Hangul characters. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Whether a token is one Han character or one Hangul syllable (or jamo). */
export function isCjkToken(token: string): boolean {
  return CJK_CHAR.test(token);
}

// Particles and polite endings written onto a Korean word, longest first. A one-syllable one is only dropped from
// a word of 3+ syllables ("축제는" → "축제", but "문의" and "사과" stay whole).
const KOREAN_ENDINGS = [
  "에서는", "이에요", "인가요", "인데요", "입니다", "이었나요", "였나요", "에서", "에게", "한테", "으로", "이랑", "까지",
  "부터", "예요", "이요", "처럼", "보다", "하고", "는요", "은요", "에는", "으로는", "로는",
].sort((a, b) => b.length - a.length);
const KOREAN_PARTICLES = new Set(["은", "는", "이", "가", "을", "를", "에", "의", "도", "로", "와", "과", "랑", "만", "요"]);

/** A Hangul word without its trailing particle or polite ending. */
export function stripKoreanEnding(word: string): string {
  for (const ending of KOREAN_ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  const last = word.at(-1)!;
  return word.length >= 3 && KOREAN_PARTICLES.has(last) ? word.slice(0, -1) : word;
}

/**
 * Split lower-cased NFC text into tokens: Vietnamese/English words by natural's Vietnamese tokenizer, Han
 * characters one by one, Hangul words (particle dropped) syllable by syllable.
 */
export function tokenize(text: string): string[] {
  if (!CJK.test(text)) return tokenizeVi(text);
  const tokens: string[] = [];
  for (const [, han, hangul, other] of simplify(text).matchAll(SEGMENTS)) {
    if (han) tokens.push(han);
    else if (hangul) tokens.push(...stripKoreanEnding(hangul));
    else if (other) tokens.push(...tokenizeVi(other));
  }
  return tokens;
}
