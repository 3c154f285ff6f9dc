/**
 * Features of a normalised message for the intent classifier, chosen for Vietnamese: syllables (accented and
 * folded), folded syllable bigrams and character trigrams of the folded text (which survive typos and missing
 * diacritics: "le hoi", "lễ hội", "lee hoi" share most of them). Chinese and Korean arrive one character (syllable)
 * per token, so the same features are their character unigrams and bigrams, plus character trigrams.
 *
 * @example messageFeatures(normalize("lễ hội")) // ["wlễ","fle","b^_le","whội","fhoi","ble_hoi"," le","le ",...]
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
export function messageFeatures(n: Pick<Normalized, "tokens" | "foldedTokens">): string[] {
  const features: string[] = [];
  let previous = "^";
  let text = " ";
  for (let i = 0; i < n.foldedTokens.length; i++) {
    const folded = foldedWord(n.foldedTokens[i]);
    const accented = n.tokens[i];
    if (accented !== undefined && accented !== n.foldedTokens[i]) features.push("w" + accented);
    features.push("f" + folded, "b" + previous + "_" + folded);
    // Chinese characters and Korean syllables: character trigrams too (unigrams and bigrams are the two above).
    if (i >= 2 && isCjkToken(folded) && isCjkToken(previous) && isCjkToken(n.foldedTokens[i - 2])) features.push("t" + n.foldedTokens[i - 2] + previous + folded);
    previous = folded;
    text += folded + " ";
  }
  if (previous !== "^") features.push("b" + previous + "_$");
  for (let i = 0; i + 3 <= text.length; i++) features.push(text.slice(i, i + 3));
  return features;
}
