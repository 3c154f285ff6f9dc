import { parseIsoDate, toIsoDate } from "../calendar/vietnam-date.js";

/**
 * Wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) for schedulers: which day and minute it is, an
 * instant for "19:30 on 2026-11-26", and the pinned clock of demos and tests (BOT_TODAY fixes the day, the clock
 * still gives the time of day, so "a reminder at 21:30" can be tested on a pinned day).
 *
 * @example vietnamInstant("2026-11-26", 19 * 60 + 30) // epoch ms of 19:30 in Hà Nội that day
 */

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The day (YYYY-MM-DD) and the minute of the day (0..1439) in Vietnam at `now`. */
export function vietnamWallClock(now: number): { date: string; minute: number } {
  const local = new Date(now + OFFSET_MS);
  return {
    date: toIsoDate({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() }),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** The instant of `minute` (minutes after midnight) on `date` in Vietnam. */
export function vietnamInstant(date: string, minute = 0): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) - OFFSET_MS + minute * 60_000;
}

/** `now` moved onto the day BOT_TODAY pins (the time of day kept); `now` itself without it. */
export function pinnedNow(now: number, botToday: string | undefined): number {
  if (!botToday) return now;
  const { minute } = vietnamWallClock(now);
  const msInMinute = (now + OFFSET_MS) % 60_000;
  return vietnamInstant(botToday, minute) + msInMinute;
}

/** "HH:MM" → minutes after midnight; undefined when it is not a time of day. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

export { DAY_MS };
