// Festival dates: turns the `date` rule of festivals.yaml (docs/content-format.md) into concrete
// solar dates for a given year, the next occurrence, or the occurrences inside a window.

import { lunarMonthLength, lunarToSolar, solarToLunar, leapMonthOf, type LunarDate } from "./lunar.js";
import { addDays, parseIsoDate, toIsoDate } from "./vietnam-date.js";

/** The `date` field of a festival (see docs/content-format.md). */
export interface DateRule {
  calendar: "lunar" | "solar";
  month: number;
  /** First day. */
  day: number;
  /** How many days, default 1. */
  days?: number;
  /** The main day ("chính hội") as a day of the month; when smaller than `day` it is in the next month. */
  mainDay?: number;
  /** Lunar only: the festival is in the leap month (so only in years that have it). */
  leap?: boolean;
  /** Only every N years counting from `from` (years before `from` do not hold). */
  every?: { years: number; from: number };
  /** Only these years (one-off or irregular editions). */
  years?: number[];
}

/** One occurrence of a festival. Dates are ISO solar dates; `end` is the last day (inclusive). */
export interface Occurrence {
  /** The rule's year: the lunar year for lunar rules, the solar year for solar rules. */
  year: number;
  start: string;
  end: string;
  main?: string;
  /** Lunar rules only: the lunar dates actually used (after any day-30 adjustment). */
  lunarStart?: LunarDate;
  lunarMain?: LunarDate;
}

/** How far ahead nextOccurrence looks. */
const LOOKAHEAD_YEARS = 10;

/**
 * The occurrence of a rule in a year, or null when the rule does not hold that year (an `every`
 * cycle or `years` list excludes it, or a leap-month festival in a year without that leap month).
 * For lunar rules `year` is the lunar year: Tết 2027's festivals fall in solar 2027 or early 2028.
 * @example occurrenceInYear({ calendar: "lunar", month: 1, day: 12, days: 2, mainDay: 13 }, 2026)
 *   // { year: 2026, start: "2026-02-28", end: "2026-03-01", main: "2026-03-01", lunarStart: …, lunarMain: … }
 */
export function occurrenceInYear(rule: DateRule, year: number): Occurrence | null {
  if (!holdsInYear(rule, year)) return null;
  const days = Math.max(1, rule.days ?? 1);
  if (rule.calendar === "solar") {
    const start = solarDay(year, rule.month, rule.day);
    const occurrence: Occurrence = { year, start, end: addDays(start, days - 1) };
    if (rule.mainDay !== undefined) {
      const [mYear, mMonth] = rule.mainDay < rule.day ? nextSolarMonth(year, rule.month) : [year, rule.month];
      occurrence.main = solarDay(mYear, mMonth, rule.mainDay);
    }
    return occurrence;
  }

  const leap = rule.leap ?? false;
  if (leap && leapMonthOf(year) !== rule.month) return null;
  const lunarStart = clampedLunar(year, rule.month, leap, rule.day);
  const start = toIsoDate(lunarToSolar(lunarStart));
  const occurrence: Occurrence = { year, start, end: addDays(start, days - 1), lunarStart };
  if (rule.mainDay !== undefined) {
    // A main day before the first day means the festival crosses into the next lunar month.
    const lunarMain =
      rule.mainDay >= rule.day
        ? clampedLunar(year, rule.month, leap, rule.mainDay)
        : lunarOf(addDays(start, daysToNextMonthDay(lunarStart, rule.mainDay)));
    occurrence.main = toIsoDate(lunarToSolar(lunarMain));
    occurrence.lunarMain = lunarMain;
  }
  return occurrence;
}

/**
 * The first occurrence that has not ended by `today` (end >= today), looking up to 10 years ahead;
 * null when there is none (e.g. a one-off edition in the past).
 * @example nextOccurrence({ calendar: "lunar", month: 1, day: 13 }, "2026-03-02") // start "2027-02-18"
 */
export function nextOccurrence(rule: DateRule, today: string): Occurrence | null {
  const first = yearsAround(rule, today)[0];
  for (let year = first; year <= first + LOOKAHEAD_YEARS + 1; year++) {
    const occurrence = occurrenceInYear(rule, year);
    if (occurrence && occurrence.end >= today) return occurrence;
  }
  return null;
}

/**
 * Every occurrence overlapping the window [from, to] (inclusive ISO dates), in date order.
 * @example occurrencesBetween({ calendar: "solar", month: 3, day: 15, days: 3 }, "2026-03-16", "2027-03-15")
 *   // [{ year: 2026, start: "2026-03-15", end: "2026-03-17" }, { year: 2027, start: "2027-03-15", … }]
 */
export function occurrencesBetween(rule: DateRule, from: string, to: string): Occurrence[] {
  if (to < from) return [];
  const [first] = yearsAround(rule, from);
  const [, last] = yearsAround(rule, to);
  const found: Occurrence[] = [];
  for (let year = first; year <= last; year++) {
    const occurrence = occurrenceInYear(rule, year);
    if (occurrence && occurrence.start <= to && occurrence.end >= from) found.push(occurrence);
  }
  return found;
}

// ==========================================================================
// Helpers
// ==========================================================================

function holdsInYear(rule: DateRule, year: number): boolean {
  if (rule.years && !rule.years.includes(year)) return false;
  if (rule.every) {
    const { years, from } = rule.every;
    if (year < from || (year - from) % years !== 0) return false;
  }
  return true;
}

/**
 * The rule years worth checking around a date: one before (a multi-day festival begun last year may
 * still run) through one after (a lunar year starts in Jan/Feb, after its solar year has begun).
 */
function yearsAround(rule: DateRule, iso: string): [number, number] {
  const year = rule.calendar === "lunar" ? lunarOf(iso).year : parseIsoDate(iso).year;
  return [year - 1, year + 1];
}

/**
 * A lunar date, using the month's last day when `day` is past it: day 30 does not exist in a
 * 29-day month, and a festival "on the 30th" is then held on the 29th (as "30 Tết" becomes 29 Tết).
 */
function clampedLunar(year: number, month: number, leap: boolean, day: number): LunarDate {
  const length = lunarMonthLength(year, month, leap);
  return { day: Math.min(day, length), month, year, leap };
}

/** Days from `start` to day `day` of the lunar month after start's month (clamped to its length). */
function daysToNextMonthDay(start: LunarDate, day: number): number {
  const remaining = lunarMonthLength(start.year, start.month, start.leap) - start.day + 1;
  // Day 30 of a 29-day next month is clamped like any other lunar day; the first day is `remaining` away.
  const nextFirst = lunarOf(addDays(toIsoDate(lunarToSolar(start)), remaining));
  const nextLength = lunarMonthLength(nextFirst.year, nextFirst.month, nextFirst.leap);
  return remaining + Math.min(day, nextLength) - 1;
}

function lunarOf(iso: string): LunarDate {
  return solarToLunar(parseIsoDate(iso));
}

/** A solar date, using the month's last day when `day` is past it (29 February in a common year → 28). */
function solarDay(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return toIsoDate({ year, month, day: Math.min(day, last) });
}

function nextSolarMonth(year: number, month: number): [number, number] {
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}
