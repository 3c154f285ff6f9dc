/**
 * Features of a normalised message for the intent classifier: the message's language (a per-language prior),
 * syllables (accented and folded), folded syllable bigrams (with start and end) and character trigrams of the folded
 * text. Chinese and Korean arrive one character (syllable) per token, so the same features are their character
 * unigrams and bigrams, plus character trigrams.
 *
 * Character trigrams are taken inside a syllable for Vietnamese ("nhieu" → "nhi","hie","ieu": they survive a typo or
 * a teencode spelling such as "nhiu"), across the whole text for English (word parts: "festival"/"festivals") and
 * for Chinese/Korean. Trigrams across Vietnamese syllables ("e h" of "le hoi") only repeat what the syllable bigrams
 * say and dilute the words: dropping them raised Vietnamese cross-validation by about one point (docs/nlu.md).
 *
 * @example messageFeatures(normalize("lễ hội")) // ["Lvi","wlễ","fle","b^_le","whội","fhoi","ble_hoi","hoi","bhoi_$"]
 */

import { isCjkToken } from "./cjk.js";
import type { Normalized } from "./normalize.js";

const DIGITS = /^\d+$/;

/** Numbers carry their shape, not their value: a year (4 digits) reads differently from "1 suất". */
function foldedWord(token: string): string {
  if (!DIGITS.test(token)) return token;
  return token.length === 4 ? "#year" : "#num";
}

/** The feature strings of one message (repeats kept: a word said twice counts twice). */
export function messageFeatures(n: Pick<Normalized, "tokens" | "foldedTokens" | "language">): string[] {
  // The language as a feature: the classifier's bias is shared by all languages, and the Chinese and Korean rows
  // (tourist intents, many out of scope) would otherwise pull it for everyone.
  const features: string[] = ["L" + n.language];
  const vietnamese = n.language === "vi";
  let previous = "^";
  let text = " ";
  for (let i = 0; i < n.foldedTokens.length; i++) {
    const folded = foldedWord(n.foldedTokens[i]);
    const accented = n.tokens[i];
    if (accented !== undefined && accented !== n.foldedTokens[i]) features.push("w" + accented);
    features.push("f" + folded, "b" + previous + "_" + folded);
    // Chinese characters and Korean syllables: character trigrams too (unigrams and bigrams are the two above).
    if (i >= 2 && isCjkToken(folded) && isCjkToken(previous) && isCjkToken(n.foldedTokens[i - 2])) features.push("t" + n.foldedTokens[i - 2] + previous + folded);
    if (vietnamese) for (let j = 0; j + 3 <= folded.length; j++) features.push(folded.slice(j, j + 3));
    else text += folded + " ";
    previous = folded;
  }
  if (previous !== "^") features.push("b" + previous + "_$");
  if (!vietnamese) for (let i = 0; i + 3 <= text.length; i++) features.push(text.slice(i, i + 3));
  return features;
}
