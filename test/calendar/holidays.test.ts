import { describe, expect, it } from "vitest";
import { holidaysOf, isPublicHoliday, nationalDayPartner } from "../../src/calendar/holidays.js";

describe("holidaysOf", () => {
  it("2026: New Year, Tết 30 Chạp–mùng 4, Giỗ Tổ, 30/4, 1/5, Quốc khánh", () => {
    expect(holidaysOf(2026).map((h) => h.date)).toEqual([
      "2026-01-01",
      "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", // Tết 17/2/2026
      "2026-04-26", // 10/3 Bính Ngọ
      "2026-04-30",
      "2026-05-01",
      "2026-09-01",
      "2026-09-02",
    ]);
  });

  it("names are bilingual; the eve says 29 when tháng Chạp has 29 days", () => {
    const h2026 = holidaysOf(2026);
    expect(h2026[1].name.vi).toMatch(/^Tết Nguyên đán \((29|30) tháng Chạp\)$/);
    expect(h2026[2].name).toEqual({ vi: "Tết Nguyên đán (mùng 1 Tết)", en: "Lunar New Year (Tết): day 1" });
    expect(h2026.find((h) => h.date === "2026-04-26")?.name.en).toBe("Hung Kings' Commemoration Day");
  });

  it("Tết 2025 (29/1) and Giỗ Tổ 2025 (7/4)", () => {
    const dates = holidaysOf(2025).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(["2025-01-28", "2025-01-29", "2025-02-01", "2025-04-07"]));
    expect(dates).not.toContain("2025-02-02");
  });

  it("Ngày Văn hóa Việt Nam only on request, and from 2026", () => {
    expect(holidaysOf(2026).map((h) => h.date)).not.toContain("2026-11-24");
    expect(holidaysOf(2026, { vietnamCultureDay: true }).map((h) => h.date)).toContain("2026-11-24");
    expect(holidaysOf(2025, { vietnamCultureDay: true }).map((h) => h.date)).not.toContain("2025-11-24");
  });

  it("before the 2019 Labour Code (2021), Quốc khánh is one day", () => {
    expect(holidaysOf(2020).filter((h) => h.date.startsWith("2020-09"))).toHaveLength(1);
  });
});

describe("nationalDayPartner reproduces the announced days 2021–2025", () => {
  it.each([
    ["2021-09-02", "2021-09-03"],
    ["2022-09-02", "2022-09-01"],
    ["2023-09-02", "2023-09-01"],
    ["2024-09-02", "2024-09-03"],
    ["2025-09-02", "2025-09-01"],
    ["2026-09-02", "2026-09-01"], // Wednesday: our assumption
  ])("%s → %s", (day, partner) => {
    expect(nationalDayPartner(day)).toBe(partner);
  });
});

describe("isPublicHoliday", () => {
  it("knows Tết and ordinary days", () => {
    expect(isPublicHoliday("2026-02-17")).toBe(true);
    expect(isPublicHoliday("2026-02-21")).toBe(false);
    expect(isPublicHoliday("2027-02-05")).toBe(true); // eve of Tết 2027 (6/2)
  });
});
