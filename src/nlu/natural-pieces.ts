/**
 * The pieces of `natural` the understanding layer uses, imported file by file (see natural-modules.d.ts for why).
 *
 * @example similarity("hoi lim", "hoi lym") // ≈ 0.94
 */

import JaroWinklerDistance from "natural/lib/natural/distance/jaro-winkler_distance.js";
import AggressiveTokenizerVi from "natural/lib/natural/tokenizers/aggressive_tokenizer_vi.js";

const tokenizer = new AggressiveTokenizerVi();

/** Split NFC, lower-cased text into words with natural's Vietnamese tokenizer ("được" stays whole). */
export function tokenizeVi(text: string): string[] {
  return tokenizer.tokenize(text);
}

/** Jaro–Winkler similarity of two strings, 0..1. */
export function similarity(a: string, b: string): number {
  return JaroWinklerDistance(a, b);
}
