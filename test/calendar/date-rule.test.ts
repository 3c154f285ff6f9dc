import { describe, expect, it } from "vitest";
import { nextOccurrence, occurrenceInYear, occurrencesBetween, type DateRule } from "../../src/calendar/date-rule.js";
import { lunarMonthLength } from "../../src/calendar/lunar.js";

const HOI_LIM: DateRule = { calendar: "lunar", month: 1, day: 12, days: 2, mainDay: 13 };
const YEN_THE: DateRule = { calendar: "solar", month: 3, day: 15, days: 3, mainDay: 16 };

describe("occurrenceInYear", () => {
  it("Hội Lim 2026: 12–13 tháng Giêng = 28/02–01/03/2026, main day 01/03", () => {
    expect(occurrenceInYear(HOI_LIM, 2026)).toEqual({
      year: 2026,
      start: "2026-02-28",
      end: "2026-03-01",
      main: "2026-03-01",
      lunarStart: { day: 12, month: 1, year: 2026, leap: false },
      lunarMain: { day: 13, month: 1, year: 2026, leap: false },
    });
  });

  it("Chợ Âm Dương, night of 4/1: 2026-02-20 (facts.md)", () => {
    expect(occurrenceInYear({ calendar: "lunar", month: 1, day: 4 }, 2026)?.start).toBe("2026-02-20");
  });

  it("a solar festival", () => {
    expect(occurrenceInYear(YEN_THE, 2026)).toEqual({ year: 2026, start: "2026-03-15", end: "2026-03-17", main: "2026-03-16" });
  });

  it("a lunar year's festival can fall in the next solar year", () => {
    // 23 tháng Chạp (ông Công ông Táo) of lunar 2027 is in solar 2028.
    expect(occurrenceInYear({ calendar: "lunar", month: 12, day: 23 }, 2027)?.start.startsWith("2028-")).toBe(true);
  });

  it("day 30 of a 29-day month becomes the last day of the month", () => {
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(2026, m) === 29)!;
    const rule: DateRule = { calendar: "lunar", month: short, day: 30 };
    const day29 = occurrenceInYear({ ...rule, day: 29 }, 2026)!;
    expect(occurrenceInYear(rule, 2026)).toMatchObject({ start: day29.start, lunarStart: { day: 29, month: short } });
  });

  it("29 February in a common year becomes 28 February", () => {
    expect(occurrenceInYear({ calendar: "solar", month: 2, day: 29 }, 2027)?.start).toBe("2027-02-28");
    expect(occurrenceInYear({ calendar: "solar", month: 2, day: 29 }, 2028)?.start).toBe("2028-02-29");
  });

  it("honours every-N-years and the years list", () => {
    const every3: DateRule = { calendar: "solar", month: 2, day: 24, days: 5, every: { years: 3, from: 2026 } };
    expect(occurrenceInYear(every3, 2026)).not.toBeNull();
    expect(occurrenceInYear(every3, 2027)).toBeNull();
    expect(occurrenceInYear(every3, 2029)).not.toBeNull();
    expect(occurrenceInYear(every3, 2023)).toBeNull(); // before `from`
    const oneOffs: DateRule = { calendar: "solar", month: 2, day: 13, days: 16, years: [2019, 2023] };
    expect(occurrenceInYear(oneOffs, 2019)?.end).toBe("2019-02-28");
    expect(occurrenceInYear(oneOffs, 2020)).toBeNull();
  });

  it("a leap-month festival only happens in years with that leap month", () => {
    const rule: DateRule = { calendar: "lunar", month: 6, day: 1, leap: true };
    expect(occurrenceInYear(rule, 2025)?.start).toBe("2025-07-25");
    expect(occurrenceInYear(rule, 2026)).toBeNull();
  });

  it("a main day before the first day is in the next month", () => {
    const rule: DateRule = { calendar: "lunar", month: 1, day: 29, days: 4, mainDay: 1 };
    const o = occurrenceInYear(rule, 2026)!;
    expect(o.lunarMain).toEqual({ day: 1, month: 2, year: 2026, leap: false });
    expect(o.main).toBe("2026-03-19");
  });
});

describe("nextOccurrence", () => {
  it("is this year's while it has not ended, then next year's", () => {
    expect(nextOccurrence(HOI_LIM, "2026-02-01")?.start).toBe("2026-02-28");
    expect(nextOccurrence(HOI_LIM, "2026-03-01")?.start).toBe("2026-02-28"); // still on (last day)
    expect(nextOccurrence(HOI_LIM, "2026-03-02")?.start).toBe("2027-02-17"); // Tết 2027 = 6/2 → 12/1 = 17/2
  });

  it("before Tết, the festival of the coming lunar year is found", () => {
    // 2027-01-10 is still lunar 2026; Hội Lim 2026 is over, the 2027 one is next.
    expect(nextOccurrence(HOI_LIM, "2027-01-10")?.year).toBe(2027);
  });

  it("returns null for a one-off in the past and skips years off the cycle", () => {
    expect(nextOccurrence({ calendar: "solar", month: 2, day: 24, years: [2023] }, "2026-01-01")).toBeNull();
    expect(nextOccurrence({ calendar: "solar", month: 3, day: 27, every: { years: 3, from: 2026 } }, "2026-04-01")?.year).toBe(2029);
  });
});

describe("occurrencesBetween", () => {
  it("lists occurrences overlapping the window", () => {
    expect(occurrencesBetween(YEN_THE, "2026-03-16", "2027-03-15").map((o) => o.start)).toEqual(["2026-03-15", "2027-03-15"]);
    expect(occurrencesBetween(YEN_THE, "2026-03-18", "2027-03-14")).toEqual([]);
    expect(occurrencesBetween(HOI_LIM, "2026-01-01", "2028-12-31").map((o) => o.year)).toEqual([2026, 2027, 2028]);
    expect(occurrencesBetween(HOI_LIM, "2026-03-01", "2026-02-01")).toEqual([]);
  });
});
