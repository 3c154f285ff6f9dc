// Vietnamese public holidays (ngày nghỉ lễ, Tết) of a solar year, from Article 112 of the Labour Code
// (Bộ luật Lao động 45/2019/QH14, in force from 1/1/2021). What is computed and what is chosen:
// - Tết Nguyên đán: the Code gives 5 days and the Prime Minister fixes them each year. We take the
//   last day of the lunar year (30 Tết, or 29 when tháng Chạp has 29 days) through mùng 4 Tết.
// - Quốc khánh: 2/9 plus one adjacent day (1/9 or 3/9), also fixed yearly: see `nationalDayPartner`.
// - Substitute days (nghỉ bù) when a holiday falls on a weekend, and swapped working days, are
//   announced yearly and are NOT computed here; pass announced closures to the office-hours functions.
// - Ngày Văn hóa Việt Nam (24/11): chosen as a paid day off by Resolution 80-NQ/TW (January 2026);
//   Resolution 30/NQ-CP (February 2026) asks for Article 112 to be amended. Not yet in the Code as far
//   as we know, so it is only included on request (`vietnamCultureDay: true`).

import { lunarMonthLength, lunarToSolar } from "./lunar.js";
import { addDays, toIsoDate, weekday } from "./vietnam-date.js";

/** A public holiday: its ISO date and bilingual name. */
export interface Holiday {
  date: string;
  name: { vi: string; en: string };
}

/** Options for holidaysOf. */
export interface HolidayOptions {
  /** Include 24/11 Ngày Văn hóa Việt Nam (policy since 2026, awaiting the Labour Code amendment). */
  vietnamCultureDay?: boolean;
}

/** First year of the 2019 Labour Code (two days for Quốc khánh). */
const LABOUR_CODE_2019_FROM = 2021;
/** First year Ngày Văn hóa Việt Nam can apply. */
const CULTURE_DAY_FROM = 2026;

/**
 * The public holidays falling in solar year `year`, in date order (substitute days not included).
 * @example holidaysOf(2026).map((h) => h.date)
 *   // ["2026-01-01", "2026-02-16", …, "2026-02-20", "2026-04-26", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"]
 */
export function holidaysOf(year: number, options: HolidayOptions = {}): Holiday[] {
  const list: Holiday[] = [];
  const solar = (month: number, day: number) => toIsoDate({ year, month, day });

  list.push({ date: solar(1, 1), name: { vi: "Tết Dương lịch", en: "New Year's Day" } });

  // Tết of lunar year `year` is always in late January or February of solar `year`, and so is its eve.
  const tet = toIsoDate(lunarToSolar({ day: 1, month: 1, year, leap: false }));
  const lastDay = lunarMonthLength(year - 1, 12);
  list.push({
    date: addDays(tet, -1),
    name: { vi: `Tết Nguyên đán (${lastDay} tháng Chạp)`, en: "Lunar New Year (Tết): New Year's Eve" },
  });
  for (let i = 0; i < 4; i++) {
    list.push({
      date: addDays(tet, i),
      name: { vi: `Tết Nguyên đán (mùng ${i + 1} Tết)`, en: `Lunar New Year (Tết): day ${i + 1}` },
    });
  }

  list.push({
    date: toIsoDate(lunarToSolar({ day: 10, month: 3, year, leap: false })),
    name: { vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", en: "Hung Kings' Commemoration Day" },
  });
  list.push({
    date: solar(4, 30),
    name: { vi: "Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)", en: "Reunification Day" },
  });
  list.push({ date: solar(5, 1), name: { vi: "Ngày Quốc tế Lao động", en: "International Labour Day" } });

  const nationalDay = solar(9, 2);
  list.push({ date: nationalDay, name: { vi: "Quốc khánh", en: "National Day" } });
  if (year >= LABOUR_CODE_2019_FROM) {
    list.push({
      date: nationalDayPartner(nationalDay),
      name: { vi: "Nghỉ lễ Quốc khánh (ngày liền kề)", en: "National Day holiday (adjacent day)" },
    });
  }

  if (options.vietnamCultureDay && year >= CULTURE_DAY_FROM) {
    list.push({ date: solar(11, 24), name: { vi: "Ngày Văn hóa Việt Nam", en: "Vietnam Culture Day" } });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The day paired with 2/9 for Quốc khánh. The Code says "2/9 and one day before or after" and the
 * Prime Minister picks it yearly. Our rule reproduces the choices of 2021–2025 (2021: 3/9,
 * 2022: 1/9, 2023: 1/9, 2024: 3/9, 2025: 1/9): take the neighbour that is a weekday; when both are,
 * the one that joins the weekend (Tuesday → 1/9, Thursday → 3/9); when 2/9 is a Wednesday (2026,
 * 2032…), 1/9 (an assumption: no precedent).
 * @example nationalDayPartner("2024-09-02") // "2024-09-03"
 */
export function nationalDayPartner(nationalDay: string): string {
  const before = addDays(nationalDay, -1);
  const after = addDays(nationalDay, 1);
  const isWeekday = (iso: string) => weekday(iso) >= 1 && weekday(iso) <= 5;
  if (!isWeekday(before)) return after;
  if (!isWeekday(after)) return before;
  return weekday(nationalDay) === 4 ? after : before;
}

const cache = new Map<string, Set<string>>();

/**
 * Whether an ISO date is a public holiday (as computed by holidaysOf).
 * @example isPublicHoliday("2026-02-17") // true (mùng 1 Tết)
 */
export function isPublicHoliday(isoDate: string, options: HolidayOptions = {}): boolean {
  const year = Number(isoDate.slice(0, 4));
  const key = `${year}:${options.vietnamCultureDay ? 1 : 0}`;
  let dates = cache.get(key);
  if (!dates) {
    dates = new Set(holidaysOf(year, options).map((h) => h.date));
    cache.set(key, dates);
  }
  return dates.has(isoDate);
}
