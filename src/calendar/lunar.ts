// The Vietnamese lunisolar calendar (âm lịch), computed from the astronomy in ./astronomy.ts.
//
// Rules (the same as the Chinese calendar, but reckoned at UTC+7, the meridian 105°E, which is why
// Tết 1985, 2007 and 2030 fall a day before China's):
// 1. A month begins on the local day of a new moon.
// 2. Month 11 is the month that contains the (local day of the) winter solstice.
// 3. If 13 months begin between one month 11 and the next, one of them is leap: the first one after
//    month 11 that contains no principal solar term (trung khí, the sun's longitude reaching a multiple
//    of 30°). It takes the number of the month before it.

import { dateFromJdn, jdnFromDate, newMoonJde, sunLongitude, SYNODIC_MONTH, ttToUt, utToTt } from "./astronomy.js";

/** A date in the Vietnamese lunar calendar. `leap` marks a day in a leap month (tháng nhuận). */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** A Gregorian (solar) date. */
export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

/** Vietnam's time zone offset from UTC, in days (UTC+7, the meridian 105°E). */
const TIME_ZONE = 7 / 24;

/** Lunar years this module answers for (tested over 1900–2100; the astronomy holds well beyond). */
export const LUNAR_MIN_YEAR = 1800;
/** Last supported lunar year. */
export const LUNAR_MAX_YEAR = 2199;

// ==========================================================================
// Astronomy → local days
// ==========================================================================

/** The local (UTC+7) Julian Day Number of the day on which new moon `k` happens. */
function newMoonDay(k: number): number {
  return Math.floor(ttToUt(newMoonJde(k)) + TIME_ZONE + 0.5);
}

/** Which 30° sector the sun is in at local midnight starting day `jdn` (0 = [0°, 30°) …). */
function sunSectorAtDayStart(jdn: number): number {
  const jdUt = jdn - 0.5 - TIME_ZONE;
  return Math.floor(sunLongitude(utToTt(jdUt)) / 30);
}

/** Index k of the last new moon whose local day is on or before `jdn`. */
function newMoonOnOrBefore(jdn: number): number {
  let k = Math.floor((jdn - 2451550.09766) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= jdn) k++;
  while (newMoonDay(k) > jdn) k--;
  return k;
}

/** Local day of the December solstice of `year`: the day during which the sun reaches 270°. */
function winterSolsticeDay(year: number): number {
  // The solstice is always on 20–23 December in our range; scan from the 19th.
  let day = jdnFromDate(year, 12, 19);
  while (sunSectorAtDayStart(day + 1) < 9) day++;
  return day;
}

/** k of the new moon that starts month 11 of the lunar year whose month 11 is in solar `year`. */
function month11K(year: number): number {
  return newMoonOnOrBefore(winterSolsticeDay(year));
}

// ==========================================================================
// Month tables
// ==========================================================================

interface LunarMonth {
  start: number; // local JDN of day 1
  length: 29 | 30;
  month: number;
  leap: boolean;
  year: number; // lunar year
}

// Months from month 11 of solar year `y - 1` up to (not including) month 11 of `y`, keyed by y.
const spanCache = new Map<number, LunarMonth[]>();

/** The 12 or 13 months from month 11 of solar year y−1 to just before month 11 of year y. */
function monthsOfSpan(y: number): LunarMonth[] {
  const cached = spanCache.get(y);
  if (cached) return cached;

  const kFrom = month11K(y - 1);
  const kTo = month11K(y);
  const starts: number[] = [];
  for (let k = kFrom; k <= kTo; k++) starts.push(newMoonDay(k));
  const count = kTo - kFrom; // 12 or 13

  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (sunSectorAtDayStart(starts[i]) === sunSectorAtDayStart(starts[i + 1])) {
        leapIndex = i;
        break;
      }
    }
  }

  const months: LunarMonth[] = [];
  let number = 11;
  let year = y - 1;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (i > 0 && !leap) {
      number = number === 12 ? 1 : number + 1;
      if (number === 1) year = y;
    }
    months.push({ start: starts[i], length: (starts[i + 1] - starts[i]) as 29 | 30, month: number, leap, year });
  }
  spanCache.set(y, months);
  return months;
}

/** All months of lunar year `year`, in order (12 or 13). */
function monthsOfLunarYear(year: number): LunarMonth[] {
  return [...monthsOfSpan(year), ...monthsOfSpan(year + 1)].filter((m) => m.year === year);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar calendar: year ${year} outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

// ==========================================================================
// Public API
// ==========================================================================

/**
 * Converts a Gregorian date to the Vietnamese lunar date.
 * @example solarToLunar({ year: 2026, month: 2, day: 17 }) // { day: 1, month: 1, year: 2026, leap: false } (Tết)
 * @throws RangeError for an invalid date or one outside the supported range.
 */
export function solarToLunar(date: SolarDate): LunarDate {
  const { year, month, day } = date;
  if (!isValidSolarDate(year, month, day)) {
    throw new RangeError(`Invalid solar date ${year}-${month}-${day}`);
  }
  checkYear(year);
  const jdn = jdnFromDate(year, month, day);
  // Month 11 of solar `year` starts in late Nov/Dec: days from then on belong to the next span.
  const span = jdn >= monthsOfSpan(year + 1)[0].start ? monthsOfSpan(year + 1) : monthsOfSpan(year);
  let found = span[0];
  for (const m of span) if (m.start <= jdn) found = m;
  return { day: jdn - found.start + 1, month: found.month, year: found.year, leap: found.leap };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date.
 * @example lunarToSolar({ day: 1, month: 6, year: 2025, leap: true }) // { year: 2025, month: 7, day: 25 }
 * @throws RangeError for impossible input: month outside 1..12, a leap month the year does not have,
 *   a day past the month's length (e.g. 30 in a 29-day month), or a year outside the supported range.
 */
export function lunarToSolar(lunar: LunarDate): SolarDate {
  const { day, month, year, leap } = lunar;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Lunar month ${month} outside 1..12`);
  }
  const found = monthsOfLunarYear(year).find((m) => m.month === month && m.leap === Boolean(leap));
  if (!found) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > found.length) {
    throw new RangeError(`Lunar ${leap ? "leap " : ""}month ${month}/${year} has ${found.length} days, not day ${day}`);
  }
  return dateFromJdn(found.start + day - 1);
}

/**
 * The leap month of a lunar year, or null when the year has 12 months.
 * @example leapMonthOf(2025) // 6
 * @example leapMonthOf(2026) // null
 */
export function leapMonthOf(lunarYear: number): number | null {
  checkYear(lunarYear);
  return monthsOfLunarYear(lunarYear).find((m) => m.leap)?.month ?? null;
}

/**
 * The number of days (29 or 30) of a lunar month.
 * @example lunarMonthLength(2026, 1) // 30
 * @throws RangeError when the month does not exist (e.g. a leap month the year does not have).
 */
export function lunarMonthLength(lunarYear: number, month: number, leap = false): 29 | 30 {
  checkYear(lunarYear);
  const found = monthsOfLunarYear(lunarYear).find((m) => m.month === month && m.leap === leap);
  if (!found) throw new RangeError(`Lunar year ${lunarYear} has no ${leap ? "leap " : ""}month ${month}`);
  return found.length;
}

/**
 * The months of a lunar year in order, with their first solar day and length (12 or 13 entries).
 * @example lunarYearMonths(2025)[6] // { month: 6, leap: true, days: 29, start: { year: 2025, month: 7, day: 25 } }
 */
export function lunarYearMonths(lunarYear: number): { month: number; leap: boolean; days: 29 | 30; start: SolarDate }[] {
  checkYear(lunarYear);
  return monthsOfLunarYear(lunarYear).map((m) => ({ month: m.month, leap: m.leap, days: m.length, start: dateFromJdn(m.start) }));
}

function isValidSolarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return false;
  return dateFromJdn(jdnFromDate(year, month, day)).day === day;
}
