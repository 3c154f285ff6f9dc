/**
 * Vietnamese text folding: the one place that knows how to drop diacritics.
 *
 * @example fold("Lễ hội Đền Đô") // "le hoi den do"
 */

// ===  Folding  ===

/** NFC-normalise and lower-case, keeping diacritics ("Lễ Hội" → "lễ hội"). */
export function lower(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

const NOT_ASCII = /[^\x00-\x7f]/;
const RECENT_MAX = 4096;
const recent = new Map<string, string>();

/** Lower-case and strip every diacritic; "đ" becomes "d" (it is a letter, not a mark, so NFD alone keeps it). */
export function fold(text: string): string {
  // Plain ASCII ("hoi lim", English, text folded before) has nothing to strip: lower-casing it is the whole fold.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  // A message's text is folded by the understanding, the routing and the plans, a passage's clause by every question
  // that reaches it: the recent results are kept (bounded; strings, so sharing them is safe).
  const known = recent.get(text);
  if (known !== undefined) return known;
  if (recent.size >= RECENT_MAX) recent.clear();
  const folded = foldNow(text);
  recent.set(text, folded);
  return folded;
}

function foldNow(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .normalize("NFC");
}

/** A message folded for matching question patterns: punctuation as spaces, one space between words, no ends. */
export function foldQuestion(text: string): string {
  return fold(text).replace(/[?!.,;:]+/g, " ").replace(/\s+/g, " ").trim();
}
