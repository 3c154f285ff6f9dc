/**
 * Calendar days in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as epoch ranges, for the console's date filters.
 *
 * @example dayStart("2026-11-25") // 1764003600000 (00:00 in Vietnam)
 */

/** Whether a string is a real YYYY-MM-DD date. */
export function isIsoDay(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** 00:00 of the day in Vietnam, epoch ms. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+07:00`);
}

/** 23:59:59.999 of the day in Vietnam, epoch ms. */
export function dayEnd(day: string): number {
  return dayStart(day) + 86_400_000 - 1;
}

/** The day `n` days after `day` (n may be negative). */
export function addDaysIso(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, inclusive (at most `limit`). */
export function daysBetween(from: string, to: string, limit = 400): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < limit; day = addDaysIso(day, 1)) days.push(day);
  return days;
}
