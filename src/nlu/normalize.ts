/**
 * Normalisation of a chat message: NFC, lower case, emoji and punctuation dropped, repeated letters squeezed,
 * teencode expanded, and a folded (diacritic-free) copy so "lễ hội" and "le hoi" meet. Chinese is mapped to
 * Simplified and split per character, Korean split per syllable after its particle is dropped (src/nlu/cjk.ts).
 *
 * @example
 * normalize("Cho e đk 1 suất học Quan Họ đc ko ạaa 😀").expanded
 * // "cho em đăng ký 1 suất học quan họ được không ạ"
 */

import { fold } from "./fold.js";
import { detectLanguage, type Language } from "./language.js";
import { tokenize } from "./cjk.js";
import { expandEnglishToken, expandToken } from "./teencode.js";

/** The forms of one message, from raw to fully normalised. */
export interface Normalized {
  /** Unicode NFC of the input. */
  nfc: string;
  /** NFC, lower case (punctuation and emoji still there). */
  lower: string;
  /** Tokens joined by one space, after squeezing and teencode expansion, diacritics kept. */
  expanded: string;
  /** `expanded` without diacritics ("đ" → "d"). */
  folded: string;
  /** Syllables of `expanded`. */
  tokens: string[];
  /** Syllables of `folded`, aligned with `tokens`. */
  foldedTokens: string[];
  /** The language the expansion assumed. */
  language: Language;
}

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** Force the language (otherwise detected, with `previousLanguage` breaking ties). */
  language?: Language;
  /** The person's language so far, used when the message itself gives no evidence ("ok"). */
  previousLanguage?: Language;
}

// Emoji that carry meaning in this chat; every other symbol is dropped by the tokenizer.
const EMOJI_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/[👍👌]/gu, " ok "],
  [/[🙏❤♥💕😘🥰]/gu, " cảm ơn "],
  [/👋/gu, " chào "],
];
const HAS_SYMBOL = /[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/u;
const RUN_OF_THREE = /(\p{L})\1{2,}/gu;
// "kkkkk", "jjjjjjj": one letter typed over and over is noise, not a stretched word, and must stay unknown.
const ONE_LETTER_RUN = /^(\p{L})\1{2,}$/u;

/** Normalise one message. Pure and fast (a few microseconds); safe to call on every incoming text. */
export function normalize(text: string, options: NormalizeOptions = {}): Normalized {
  const nfc = text.normalize("NFC");
  const lower = nfc.toLowerCase();
  let words = lower;
  if (HAS_SYMBOL.test(words)) for (const [pattern, word] of EMOJI_WORDS) words = words.replace(pattern, word);
  const raw = tokenize(words).map((token) => (ONE_LETTER_RUN.test(token) ? token : token.replace(RUN_OF_THREE, "$1")));
  const language = options.language ?? detectLanguage(raw, options.previousLanguage);

  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (language === "vi" && !ONE_LETTER_RUN.test(raw[i])) raw[i] = squeezeWordEnd(raw[i]);
  }
  for (let i = 0; i < raw.length; i++) {
    const expansion = language === "vi" ? expandToken(raw, i) : expandEnglishToken(raw[i]); // zh/ko: only their Latin words
    if (expansion.includes(" ")) tokens.push(...expansion.split(" "));
    else tokens.push(expansion);
  }
  const expanded = tokens.join(" ");
  const folded = fold(expanded);
  return { nfc, lower, expanded, folded, tokens, foldedTokens: folded.split(" ").filter((t) => t !== ""), language };
}

const baseCache = new Map<string, string>();
function base(char: string): string {
  let folded = baseCache.get(char);
  if (folded === undefined) baseCache.set(char, (folded = fold(char)));
  return folded;
}

/**
 * Drop letters stretched at the end of a Vietnamese word: "chàoo" → "chào", "ạaa" → "ạ", "nhéee" → "nhé".
 * No Vietnamese word ends in a doubled letter except "ưu" ("lưu", "hữu"), which folds to "uu" and is kept; so this
 * is safe for Vietnamese (English "too", "fee" never get here).
 */
export function squeezeWordEnd(token: string): string {
  if (token.length < 3) return token;
  let end = token.length;
  while (end >= 2 && /\p{L}/u.test(token[end - 1]) && base(token[end - 2]) === token[end - 1]) {
    // "luu", "huu", "cuu" are "lưu", "hữu", "cừu" typed without diacritics: "ưu" is the one doubled ending.
    if (token[end - 1] === "u" && base(token[end - 2]) === "u" && end === token.length && (end < 3 || base(token[end - 3]) !== "u")) break;
    end--;
  }
  return end === token.length ? token : token.slice(0, end);
}
