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

/** Lower-case and strip every diacritic; "đ" becomes "d" (it is a letter, not a mark, so NFD alone keeps it). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .normalize("NFC");
}
