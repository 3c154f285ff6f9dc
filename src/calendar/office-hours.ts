// Office hours of a ward culture office: Monday–Friday 7:30–11:30 and 13:30–17:00, Vietnam time,
// closed on public holidays (./holidays.ts). Vietnam has kept UTC+7 with no daylight saving since
// 1975, so a fixed offset is exact for every date the bot will see.

import { isPublicHoliday, type HolidayOptions } from "./holidays.js";
import { addDays, toIsoDate, VIETNAM_OFFSET_MS, weekday } from "./vietnam-date.js";

/** Opening sessions, in minutes after local midnight: [open, close). */
export const OFFICE_SESSIONS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];

/** Options for the office-hours functions. */
export interface OfficeOptions extends HolidayOptions {
  /** Extra ISO dates the office is closed: announced Tết days, substitute days (nghỉ bù)… */
  closedDays?: readonly string[];
}


/** The local (UTC+7) date and minute of the day of an instant. */
function localTime(at: Date): { date: string; minute: number } {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return {
    date: toIsoDate({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() }),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60 + local.getUTCMilliseconds() / 60_000,
  };
}

/** Whether the office works on this date at all (a weekday that is not a holiday or announced closure). */
export function isWorkingDay(isoDate: string, options: OfficeOptions = {}): boolean {
  const day = weekday(isoDate);
  if (day === 0 || day === 6) return false;
  if (options.closedDays?.includes(isoDate)) return false;
  return !isPublicHoliday(isoDate, options);
}

/**
 * Whether the office is open at an instant.
 * @example isOfficeOpen(new Date("2026-03-03T04:45:00Z")) // false: 11:45 on a Tuesday in Hà Nội
 */
export function isOfficeOpen(at: Date, options: OfficeOptions = {}): boolean {
  const { date, minute } = localTime(at);
  if (!isWorkingDay(date, options)) return false;
  return OFFICE_SESSIONS.some(([open, close]) => minute >= open && minute < close);
}

/**
 * The next moment the office opens; `at` itself when it is open now.
 * @example nextOfficeOpening(new Date("2026-03-06T10:05:00Z")) // 2026-03-09T00:30:00Z (Monday 7:30)
 */
export function nextOfficeOpening(at: Date, options: OfficeOptions = {}): Date {
  if (isOfficeOpen(at, options)) return at;
  const { date, minute } = localTime(at);
  // Tết plus a weekend and announced closures is well under a month; 60 days is a generous bound.
  for (let offset = 0; offset <= 60; offset++) {
    const day = addDays(date, offset);
    if (!isWorkingDay(day, options)) continue;
    const session = OFFICE_SESSIONS.find(([open]) => offset > 0 || open > minute);
    if (session) return atLocal(day, session[0]);
  }
  throw new RangeError(`No office opening within 60 days of ${at.toISOString()}`);
}

/** The instant of a local (UTC+7) date and minute of the day. */
function atLocal(isoDate: string, minute: number): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day, 0, minute) - VIETNAM_OFFSET_MS);
}

/** One working day of office time: 7:30–11:30 and 13:30–17:00, 450 minutes. */
export const OFFICE_MINUTES_PER_DAY = OFFICE_SESSIONS.reduce((sum, [open, close]) => sum + close - open, 0);

/**
 * The instant when `minutes` of office time have passed since `from`: nights, lunch breaks, weekends, public
 * holidays and announced closures do not count. One working day (450 minutes) from Wednesday 10:00 is Thursday
 * 10:00; from Friday 16:00 it is Monday 16:00.
 *
 * @example addOfficeMinutes(new Date("2026-11-27T09:00:00Z"), 450) // 2026-11-30T09:00:00Z (Friday 16:00 → Monday 16:00)
 */
export function addOfficeMinutes(from: Date, minutes: number, options: OfficeOptions = {}): Date {
  const { date, minute } = localTime(from);
  let remaining = Math.max(0, minutes);
  // Tết plus a weekend is under two weeks of closed days; a year bounds any budget the configuration allows.
  for (let offset = 0; offset <= 366; offset++) {
    const day = addDays(date, offset);
    if (!isWorkingDay(day, options)) continue;
    for (const [open, close] of OFFICE_SESSIONS) {
      const start = offset === 0 ? Math.max(open, minute) : open;
      if (start >= close) continue;
      if (remaining <= close - start) return new Date(atLocalMs(day, start + remaining));
      remaining -= close - start;
    }
  }
  throw new RangeError(`No ${minutes} office minutes within a year of ${from.toISOString()}`);
}

/** The epoch ms of a local (UTC+7) date and a (possibly fractional) minute of the day. */
function atLocalMs(isoDate: string, minute: number): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  return Date.UTC(year, month - 1, day) + Math.round(minute * 60_000) - VIETNAM_OFFSET_MS;
}
