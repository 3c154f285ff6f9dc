// Deadlines counted in working days (ngày làm việc): weekends, public holidays (./holidays.ts) and announced
// closures do not count. A deadline of n working days for a matter received on day D ends when the office closes
// on the n-th working day after D (D itself is not counted, as administrative time limits are counted in Vietnam:
// from the next working day), whatever time of D it arrived.

import { isWorkingDay, OFFICE_SESSIONS, type OfficeOptions } from "./office-hours.js";
import { addDays, VIETNAM_OFFSET_MS, vietnamDateOf } from "./vietnam-date.js";

/**
 * The n-th working day after `isoDate` (n ≥ 0; 0 gives `isoDate` itself when it is a working day, else the next one).
 * @example addWorkingDays("2026-12-04", 1) // "2026-12-07": Friday + 1 working day is Monday
 */
export function addWorkingDays(isoDate: string, n: number, options: OfficeOptions = {}): string {
  let day = isoDate;
  if (n === 0) {
    while (!isWorkingDay(day, options)) day = addDays(day, 1);
    return day;
  }
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, options)) counted++;
  }
  return day;
}

/**
 * The n-th working day before `isoDate` (the day itself not counted).
 * @example subtractWorkingDays("2026-12-07", 1) // "2026-12-04": the working day before Monday is Friday
 */
export function subtractWorkingDays(isoDate: string, n: number, options: OfficeOptions = {}): string {
  let day = isoDate;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, options)) counted++;
  }
  return day;
}

/** Minutes after local midnight when the office opens and closes for the day. */
export const OFFICE_OPENS_MINUTE = OFFICE_SESSIONS[0][0];
export const OFFICE_CLOSES_MINUTE = OFFICE_SESSIONS[OFFICE_SESSIONS.length - 1][1];

/** The instant of a local (UTC+7) date and minute of the day. */
export function localInstant(isoDate: string, minute: number): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  return Date.UTC(year, month - 1, day, 0, minute) - VIETNAM_OFFSET_MS;
}

/**
 * When a matter received at `receivedAt` (epoch ms) is due, given n working days: the office's closing time
 * (17:00) on the n-th working day after the day it arrived.
 * @example workingDeadline(Date.parse("2026-12-04T03:00:00Z"), 3) // 17:00 Wednesday 9/12/2026 in Hà Nội
 */
export function workingDeadline(receivedAt: number, workingDays: number, options: OfficeOptions = {}): number {
  return localInstant(addWorkingDays(vietnamDateOf(receivedAt), Math.max(1, workingDays), options), OFFICE_CLOSES_MINUTE);
}

/**
 * Working days from today to the due day: 0 on the due day itself, negative once it has passed (working days
 * after the due day up to today).
 * @example workingDaysLeft(fridayNoon, mondayDeadline) // 1
 */
export function workingDaysLeft(now: number, dueAt: number, options: OfficeOptions = {}): number {
  const today = vietnamDateOf(now);
  const dueDay = vietnamDateOf(dueAt);
  const [from, to, sign] = today <= dueDay ? [today, dueDay, 1] : [dueDay, today, -1];
  let count = 0;
  // Bounded: a deadline is never years away.
  for (let day = addDays(from, 1), i = 0; day <= to && i < 800; day = addDays(day, 1), i++) if (isWorkingDay(day, options)) count++;
  return sign * count;
}
