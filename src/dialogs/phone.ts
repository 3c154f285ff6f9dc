/**
 * Vietnamese phone numbers as people type them: "0912 345 678", "091.234.5678", "+84 912345678", "84912345678".
 * Mobiles (0[35789] + 8 digits) and landlines (02x + 8 digits) are accepted, kept in national form, and
 * only ever shown masked.
 *
 * @example normalizePhone("+84 912.345.678") // "0912345678"
 * @example maskPhone("0912345678")           // "09******78"
 */

// A run of digits with spaces, dots or dashes between them, optionally after "+".
const CANDIDATE = /\+?\d[\d\s.\-()]{7,16}\d/g;

/** The number in national form, or undefined when it is not a Vietnamese mobile or landline number. */
export function normalizePhone(text: string): string | undefined {
  let digits = text.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.startsWith("84") && (digits.length === 11 || digits.length === 12)) digits = "0" + digits.slice(2);
  if (digits.length === 10 && /^0[35789]\d{8}$/.test(digits)) return digits;
  if (digits.length === 11 && /^02\d{9}$/.test(digits)) return digits;
  return undefined;
}

/**
 * Finds a phone number in a message and returns it with the rest of the text (the name, usually).
 * `invalid` is set when the message holds digits that look like a phone but are not a valid one.
 *
 * @example splitPhone("Nguyễn Văn An, sđt 0912345678") // { phone: "0912345678", rest: "Nguyễn Văn An" }
 */
export function splitPhone(text: string): { phone?: string; rest: string; invalid?: boolean } {
  let invalid = false;
  for (const match of text.matchAll(CANDIDATE)) {
    const phone = normalizePhone(match[0]);
    if (phone) return { phone, rest: cleanRest(text.replace(match[0], " ")) };
    if (match[0].replace(/\D/g, "").length >= 8) invalid = true;
  }
  return { rest: cleanRest(text), invalid: invalid || undefined };
}

// Labels people put around their name and number ("Tên tôi là Lan, sđt: 0912…").
const LABELS =
  /(?<=^|[\s,;:])(?:số điện thoại|so dien thoai|điện thoại|dien thoai|sđt|sdt|đt|dt|phone|tel|họ và tên|ho va ten|họ tên|ho ten|tên tôi là|tên mình là|tên em là|ten toi la|ten minh la|ten em la|tôi là|mình là|em là|toi la|minh la|em la|tên|ten|my name is|name|i am|i'm)(?=$|[\s,;:])\s*[:：]?/giu;

function cleanRest(text: string): string {
  return text
    .replace(LABELS, " ")
    .replace(/[,;:/|–]+|(?<=\s|^)-+(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The number with all but the first and last two digits hidden. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 2)}${"*".repeat(Math.max(0, phone.length - 4))}${phone.slice(-2)}`;
}

/**
 * A plausible person's name: letters (any script), spaces, dots, apostrophes and hyphens, 2–80 characters,
 * at least one letter, no digits. Normalised to NFC with single spaces.
 *
 * @example personName("  nguyễn   văn an ") // "nguyễn văn an"
 */
export function personName(text: string): string | undefined {
  const name = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (name.length < 2 || name.length > 80) return undefined;
  if (!/^[\p{L}\p{M}][\p{L}\p{M} .'\-]*$/u.test(name)) return undefined;
  return name;
}
