/**
 * Search terms for plan retrieval: folded syllable unigrams and bigrams.
 *
 * Vietnamese words are mostly two syllables ("lễ hội", "quan họ"), so bigrams of adjacent syllables carry most of
 * the meaning while unigrams keep partial matches. Everything is folded first, so "le hoi" and "lễ hội" give the
 * same terms.
 *
 * @example planTerms("Lớp Quan họ ở đâu?") // ["lop", "quan", "ho", "lop quan", "quan ho", "ho o"]
 */
import { fold } from "../../../nlu/fold.js";

// ===  Stop syllables  ===

/**
 * Folded syllables that say nothing about content on their own (question words, pronouns, particles).
 * They are dropped as unigrams only: "co quan" (cơ quan) survives as a bigram although "co" (có) is here.
 * "hoi" is deliberately absent: folded, "hỏi" (ask) and "hội" (festival, association) are the same.
 */
const STOP = new Set(
  (
    "a ah ak ai anh ban bao cho chi chu co cua cung da dang dau de den do duoc em gi gio hay hoac khi khong " +
    "la lam ma minh mot muon nao nay nhe nhi nhieu nhu nhung o oi ra rat sao se the thi toi tu va vao vay ve voi xin"
  ).split(" "),
);

// ===  Terms  ===

/** Folded syllables of a text, in order (letters and digits; "25/10" gives "25" and "10"). */
export function syllables(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Unigrams (minus stop syllables) and bigrams (unless both syllables are stop syllables) of a text. */
export function planTerms(text: string): string[] {
  const s = syllables(text);
  const terms = s.filter((w) => !STOP.has(w));
  for (let i = 0; i + 1 < s.length; i++) {
    if (STOP.has(s[i]) && STOP.has(s[i + 1])) continue;
    terms.push(`${s[i]} ${s[i + 1]}`);
  }
  return terms;
}
