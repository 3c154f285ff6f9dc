import type { Store } from "../store/store.js";

/**
 * Ticket codes for records a person is given a number for: PA-<year>-<seq> (reports), LH-<year>-<seq>
 * (class registrations). The sequence is the store's durable counter, one per prefix and year, so a code is
 * never handed out twice, even after a crash between taking the number and saving the record.
 *
 * @example await nextTicketCode(store, "PA", "2026-11-25") // "PA-2026-0007"
 */
export async function nextTicketCode(store: Store, prefix: "PA" | "LH", today: string): Promise<string> {
  const year = today.slice(0, 4);
  const sequence = await store.nextSequence(`${prefix}-${year}`);
  // At least 4 digits; the 10,000th code of a year simply grows a digit.
  return `${prefix}-${year}-${String(sequence).padStart(4, "0")}`;
}

/**
 * Canonical form of a code a person typed ("pa-2026-7" → "PA-2026-0007"), or undefined if it is not one.
 *
 * @example canonicalCode("pa 2026 12") // "PA-2026-0012"
 */
export function canonicalCode(text: string): string | undefined {
  const match = /^(pa|lh)[\s\-_.]?((?:19|20)\d\d)[\s\-_.]?(\d{1,6})$/i.exec(text.trim());
  if (!match) return undefined;
  return `${match[1].toUpperCase()}-${match[2]}-${match[3].padStart(4, "0")}`;
}
