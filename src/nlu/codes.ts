/**
 * Ticket codes (PA-<year>-<digits> for reports, LH-<year>-<digits> for class registrations) and Vietnamese phone
 * numbers, found in the raw text before anything else touches it.
 *
 * @example findTicketCodes("mã pa 2026 12 sao rồi") // ["PA-2026-12"]
 * @example findPhones("gọi +84 912.345.678")      // ["0912345678"]
 */

// "PA-2026-0012", "pa 2026 0012", "PA2026-0012", "lh-2026-5".
const TICKET = /(?<![\p{L}\d])(pa|lh)[\s\-_.]?((?:19|20)\d\d)[\s\-_.]?(\d{1,6})(?![\p{L}\d])/giu;
// 0 or +84/84 then 9–10 more digits, optionally grouped by spaces, dots or dashes.
const PHONE = /(?<![\d\p{L}+])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)/gu;

/** Ticket codes in canonical form ("PA-2026-0012"), in order, without repeats. */
export function findTicketCodes(text: string): string[] {
  const codes: string[] = [];
  for (const m of text.matchAll(TICKET)) {
    const code = `${m[1].toUpperCase()}-${m[2]}-${m[3]}`;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** Vietnamese phone numbers in national form ("0912345678"), in order, without repeats. */
export function findPhones(text: string): string[] {
  const phones: string[] = [];
  for (const m of text.matchAll(PHONE)) {
    let digits = m[0].replace(/\D/g, "");
    if (digits.startsWith("84")) digits = "0" + digits.slice(2);
    // Mobiles have 10 digits (0 + 9), landlines 11 (02x + 8).
    const valid = (digits.length === 10 && /^0[35789]/.test(digits)) || (digits.length === 11 && digits.startsWith("02"));
    if (valid && !phones.includes(digits)) phones.push(digits);
  }
  return phones;
}

/**
 * The text with codes and phones replaced by words of their kind, so the classifier reads "mã phản ánh"
 * instead of digits (and "LH" is not taken for "liên hệ").
 */
export function maskCodes(text: string): string {
  return text
    .replace(TICKET, (_m, kind: string) => (kind.toLowerCase() === "pa" ? " mã phản ánh " : " mã đăng ký "))
    .replace(PHONE, (m) => (/\d{9}/.test(m.replace(/\D/g, "")) ? " số điện thoại " : m));
}
