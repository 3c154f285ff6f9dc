import { describe, expect, it } from "vitest";
import { leapMonthOf, lunarMonthLength, lunarToSolar, lunarYearMonths, solarToLunar } from "../../src/calendar/lunar.js";

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
const parse = (s: string) => {
  const [year, month, day] = s.split("-").map(Number);
  return { year, month, day };
};

// Published vectors (../shared/facts.md): [lunar day, month, year, leap, solar date].
const VECTORS: [number, number, number, boolean, string][] = [
  [1, 1, 2021, false, "2021-02-12"],
  [1, 1, 2024, false, "2024-02-10"],
  [1, 1, 2025, false, "2025-01-29"],
  [1, 1, 2026, false, "2026-02-17"],
  [1, 1, 2027, false, "2027-02-06"],
  [1, 1, 2028, false, "2028-01-26"],
  [1, 1, 1985, false, "1985-01-21"], // China: 1985-02-20
  [1, 1, 2007, false, "2007-02-17"], // China: 2007-02-18
  [1, 1, 2030, false, "2030-02-02"], // China: 2030-02-03
  [4, 1, 2026, false, "2026-02-20"],
  [10, 1, 2026, false, "2026-02-26"],
  [13, 1, 2026, false, "2026-03-01"],
  [30, 1, 2026, false, "2026-03-18"],
  [5, 1, 2024, false, "2024-02-14"],
  [15, 3, 2024, false, "2024-04-23"],
  [2, 2, 2023, true, "2023-03-23"],
  [1, 6, 2025, true, "2025-07-25"],
  [1, 11, 2033, true, "2033-12-22"],
];

// Tết (mùng 1 tháng Giêng) 2000–2035 as printed in Vietnamese calendars. Vietnam differs from China
// in 2007 (17/2 vs 18/2) and 2030 (2/2 vs 3/2).
const TET: Record<number, string> = {
  2000: "02-05", 2001: "01-24", 2002: "02-12", 2003: "02-01", 2004: "01-22", 2005: "02-09",
  2006: "01-29", 2007: "02-17", 2008: "02-07", 2009: "01-26", 2010: "02-14", 2011: "02-03",
  2012: "01-23", 2013: "02-10", 2014: "01-31", 2015: "02-19", 2016: "02-08", 2017: "01-28",
  2018: "02-16", 2019: "02-05", 2020: "01-25", 2021: "02-12", 2022: "02-01", 2023: "01-22",
  2024: "02-10", 2025: "01-29", 2026: "02-17", 2027: "02-06", 2028: "01-26", 2029: "02-13",
  2030: "02-02", 2031: "01-23", 2032: "02-11", 2033: "01-31", 2034: "02-19", 2035: "02-08",
};

// Leap months 2000–2035 in Vietnamese calendars (years not listed have none).
const LEAP: Record<number, number> = {
  2001: 4, 2004: 2, 2006: 7, 2009: 5, 2012: 4, 2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6,
  2028: 5, 2031: 3, 2033: 11,
};

describe("published vectors", () => {
  it.each(VECTORS)("%i/%i/%i leap=%s ↔ %s", (day, month, year, leap, solar) => {
    expect(iso(lunarToSolar({ day, month, year, leap }))).toBe(solar);
    expect(solarToLunar(parse(solar))).toEqual({ day, month, year, leap });
  });

  it("the day before Tết 2007 is the last day of tháng Chạp 2006", () => {
    expect(solarToLunar({ year: 2007, month: 2, day: 16 })).toMatchObject({ month: 12, year: 2006, leap: false });
  });
});

describe("Tết 2000–2035", () => {
  it.each(Object.entries(TET))("Tết %s = %s", (year, date) => {
    expect(iso(lunarToSolar({ day: 1, month: 1, year: Number(year), leap: false }))).toBe(`${year}-${date}`);
  });

  it("leap months match the published ones", () => {
    for (let year = 2000; year <= 2035; year++) expect(leapMonthOf(year), String(year)).toBe(LEAP[year] ?? null);
  });
});

describe("whole range 1900–2100", () => {
  it("round-trips every day solar → lunar → solar", () => {
    let failures = 0;
    const first = Date.UTC(1900, 0, 1);
    const last = Date.UTC(2100, 11, 31);
    let previous = solarToLunar({ year: 1899, month: 12, day: 31 });
    for (let t = first; t <= last; t += 86_400_000) {
      const d = new Date(t);
      const solar = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const lunar = solarToLunar(solar);
      if (iso(lunarToSolar(lunar)) !== iso(solar)) failures++;
      // Consecutive days: either the next day of the month, or day 1 of a new month.
      if (lunar.day !== previous.day + 1 && lunar.day !== 1) failures++;
      if (lunar.day === 1 && previous.day !== 29 && previous.day !== 30) failures++;
      previous = lunar;
    }
    expect(failures).toBe(0);
  });

  it("every year has 12 or 13 months of 29 or 30 days, 353–385 days in all, Tết between 21/1 and 20/2", () => {
    for (let year = 1900; year <= 2100; year++) {
      const months = lunarYearMonths(year);
      const leap = leapMonthOf(year);
      expect(months.length, String(year)).toBe(leap === null ? 12 : 13);
      expect(months.map((m) => m.month)).toEqual(
        leap === null ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((m) => (m === leap ? [m, m] : [m])),
      );
      let total = 0;
      for (const m of months) {
        expect([29, 30]).toContain(m.days);
        expect(lunarMonthLength(year, m.month, m.leap)).toBe(m.days);
        total += m.days;
      }
      expect(total).toBeGreaterThanOrEqual(353);
      expect(total).toBeLessThanOrEqual(385);
      const tet = iso(months[0].start).slice(5);
      expect(tet >= "01-21" && tet <= "02-20", `Tết ${year} on ${tet}`).toBe(true);
    }
  });

  it("month lengths of 2026: tháng Giêng has 30 days, the months alternate roughly", () => {
    expect(lunarMonthLength(2026, 1)).toBe(30); // 30/1/2026 = 2026-03-18 exists
    expect(iso(lunarToSolar({ day: 1, month: 2, year: 2026, leap: false }))).toBe("2026-03-19");
  });
});

describe("impossible input", () => {
  it("rejects a leap month the year does not have", () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2025, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 2026, leap: true })).toThrow(RangeError);
    expect(() => lunarMonthLength(2026, 5, true)).toThrow(RangeError);
  });

  it("rejects day 30 in a 29-day month, and days outside 1..30", () => {
    const year = 2026;
    const short = lunarYearMonths(year).find((m) => m.days === 29)!;
    expect(() => lunarToSolar({ day: 30, month: short.month, year, leap: short.leap })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 0, month: 1, year, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 31, month: 1, year, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1.5, month: 1, year, leap: false })).toThrow(RangeError);
  });

  it("rejects months outside 1..12 and years outside the supported range", () => {
    expect(() => lunarToSolar({ day: 1, month: 0, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 1500, leap: false })).toThrow(RangeError);
  });

  it("rejects impossible solar dates", () => {
    expect(() => solarToLunar({ year: 2026, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2026, month: 13, day: 1 })).toThrow(RangeError);
  });
});
