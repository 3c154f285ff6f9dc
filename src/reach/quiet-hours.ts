import { addDays } from "../calendar/vietnam-date.js";
import { vietnamInstant, vietnamWallClock } from "./vietnam-clock.js";

/**
 * The hours in which the bot does not write first (default 21:00–07:00 Asia/Ho_Chi_Minh): a reminder due at night
 * is moved to the next morning, or dropped when the event would already have started by then.
 *
 * @example
 * const quiet = parseQuietHours("21-7");
 * nextAllowedTime(quiet, Date.parse("2026-11-25T15:00:00Z")) // 22:00 in Hà Nội → 07:00 on 2026-11-26
 */
export interface QuietHours {
  /** First quiet minute of the day (21:00 → 1260). */
  from: number;
  /** First allowed minute again (07:00 → 420). */
  to: number;
}

/** "21-7" or "21:30-06:45" → quiet hours; throws on anything else (config validation shows the message). */
export function parseQuietHours(text: string): QuietHours {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a range of hours like 21-7 or 21:30-06:45`);
  const minute = (h: string, m: string | undefined) => Number(h) * 60 + Number(m ?? 0);
  const from = minute(match[1], match[2]);
  const to = minute(match[3], match[4]);
  if (from >= 24 * 60 || to >= 24 * 60) throw new Error(`"${text}": hours must be 0–23`);
  return { from, to };
}

/** Whether `minute` of the day is quiet. A range may wrap midnight (21–7) or not (12–13). */
export function isQuietMinute(quiet: QuietHours, minute: number): boolean {
  if (quiet.from === quiet.to) return false;
  return quiet.from < quiet.to ? minute >= quiet.from && minute < quiet.to : minute >= quiet.from || minute < quiet.to;
}

/** `now` when it is not quiet, else the end of the quiet hours (the same or the next day). */
export function nextAllowedTime(quiet: QuietHours, now: number): number {
  const { date, minute } = vietnamWallClock(now);
  if (!isQuietMinute(quiet, minute)) return now;
  const endsToday = minute < quiet.to;
  return vietnamInstant(endsToday ? date : addDays(date, 1), quiet.to);
}
