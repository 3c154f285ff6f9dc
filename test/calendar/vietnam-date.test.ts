import { describe, expect, it } from "vitest";
import { canChiOfYear, zodiacAnimalEn } from "../../src/calendar/can-chi.js";
import {
  addDays,
  daysBetween,
  formatDate,
  formatLunar,
  parseIsoDate,
  todayInVietnam,
  weekday,
  weekdayName,
} from "../../src/calendar/vietnam-date.js";

describe("todayInVietnam", () => {
  it("uses BOT_TODAY when given", () => {
    expect(todayInVietnam("2027-02-18", new Date("2020-01-01T00:00:00Z"))).toBe("2027-02-18");
  });

  it("reads the date in Asia/Ho_Chi_Minh, not UTC", () => {
    // 18:00 UTC on 16/2 is 01:00 on 17/2 in Hà Nội.
    expect(todayInVietnam(undefined, new Date("2026-02-16T18:00:00Z"))).toBe("2026-02-17");
    expect(todayInVietnam(undefined, new Date("2026-02-16T16:59:59Z"))).toBe("2026-02-16");
    expect(todayInVietnam("", new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });

  it("rejects a malformed override", () => {
    expect(() => todayInVietnam("18/02/2027")).toThrow(RangeError);
    expect(() => todayInVietnam("2027-02-30")).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-02-17", "2026-03-01")).toBe(12);
    expect(parseIsoDate("2026-02-07")).toEqual({ year: 2026, month: 2, day: 7 });
  });

  it("names weekdays in both languages", () => {
    expect(weekday("2027-02-18")).toBe(4);
    expect(weekdayName("2027-02-18", "vi")).toBe("thứ Năm");
    expect(weekdayName("2027-02-18", "en")).toBe("Thursday");
    expect(weekdayName("2026-02-22", "vi")).toBe("Chủ nhật");
    expect(weekdayName("2026-02-21", "vi")).toBe("thứ Bảy");
  });
});

describe("formatting", () => {
  it("formats solar dates", () => {
    expect(formatDate("2027-02-18", "vi")).toBe("18/02/2027");
    expect(formatDate("2027-02-18", "en")).toBe("18 Feb 2027");
    expect(formatDate("2026-12-05", "en")).toBe("5 Dec 2026");
  });

  it("formats lunar dates with the traditional month names", () => {
    expect(formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "vi")).toBe("13 tháng Giêng");
    expect(formatLunar({ day: 23, month: 12, year: 2025, leap: false }, "vi")).toBe("23 tháng Chạp");
    expect(formatLunar({ day: 10, month: 3, year: 2026, leap: false }, "vi")).toBe("10 tháng 3");
    expect(formatLunar({ day: 2, month: 3, year: 2031, leap: true }, "vi")).toBe("2 tháng 3 nhuận");
    expect(formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "en")).toBe("13th day of the 1st lunar month");
    expect(formatLunar({ day: 22, month: 2, year: 2023, leap: true }, "en")).toBe("22nd day of the leap 2nd lunar month");
    expect(formatLunar({ day: 11, month: 3, year: 2026, leap: false }, "en")).toBe("11th day of the 3rd lunar month");
  });

  it("names lunar years", () => {
    expect(canChiOfYear(2026)).toBe("Bính Ngọ");
    expect(canChiOfYear(2025)).toBe("Ất Tỵ");
    expect(canChiOfYear(1984)).toBe("Giáp Tý");
    expect(canChiOfYear(1968)).toBe("Mậu Thân");
    expect(zodiacAnimalEn(2023)).toBe("Cat");
  });
});

describe("Chinese and Korean dates", () => {
  it("writes solar dates, weekdays and lunar dates as each language does", async () => {
    const { formatDate, formatLunar, lunarMonthName, weekdayName } = await import("../../src/calendar/index.js");
    expect(formatDate("2026-03-01", "zh")).toBe("2026年3月1日");
    expect(formatDate("2026-03-01", "ko")).toBe("2026년 3월 1일");
    expect(weekdayName("2026-03-01", "zh")).toBe("星期日");
    expect(weekdayName("2026-03-01", "ko")).toBe("일요일");
    expect(formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "zh")).toBe("农历正月十三");
    expect(formatLunar({ day: 4, month: 1, year: 2026, leap: false }, "zh")).toBe("农历正月初四");
    expect(formatLunar({ day: 20, month: 12, year: 2026, leap: false }, "zh")).toBe("农历腊月二十");
    expect(formatLunar({ day: 25, month: 3, year: 2026, leap: true }, "zh")).toBe("农历闰三月廿五");
    expect(formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "ko")).toBe("음력 1월 13일");
    expect(lunarMonthName(3, true, "ko")).toBe("윤3월");
  });
});
