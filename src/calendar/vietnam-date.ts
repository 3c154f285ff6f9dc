// Calendar dates as people in Vietnam read them: today's date in Asia/Ho_Chi_Minh, weekdays, and
// Vietnamese/English/Chinese/Korean formatting of solar and lunar dates. Dates are ISO strings "YYYY-MM-DD" throughout.

import type { LunarDate } from "./lunar.js";

/** A language the bot answers in. */
export type Lang = "vi" | "en" | "zh" | "ko";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Splits an ISO date into numbers, checking that the date exists.
 * @example parseIsoDate("2027-02-18") // { year: 2027, month: 2, day: 18 }
 * @throws RangeError for anything that is not a real YYYY-MM-DD date.
 */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${iso}`);
  }
  return { year, month, day };
}

/**
 * Formats numbers as an ISO date.
 * @example toIsoDate({ year: 2026, month: 2, day: 7 }) // "2026-02-07"
 */
export function toIsoDate(date: { year: number; month: number; day: number }): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Vietnam keeps UTC+7 all year (no daylight saving): the one place the offset is written. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The date and clock time in Vietnam of an instant.
 * @example vietnamTimeOf(Date.parse("2026-11-28T00:30:00Z")) // { date: "2026-11-28", time: "7:30" }
 */
export function vietnamTimeOf(epochMs: number): { date: string; time: string } {
  const local = new Date(epochMs + VIETNAM_OFFSET_MS);
  const date = toIsoDate({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() });
  return { date, time: `${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, "0")}` };
}

/**
 * The date in Vietnam of an instant, YYYY-MM-DD.
 * @example vietnamDateOf(Date.parse("2026-02-16T18:00:00Z")) // "2026-02-17" (01:00 in Hà Nội)
 */
export function vietnamDateOf(epochMs: number): string {
  return vietnamTimeOf(epochMs).date;
}

/**
 * Today's date in Vietnam (Asia/Ho_Chi_Minh). `botToday` (e.g. from the BOT_TODAY setting) overrides
 * the clock so tests and demos are reproducible; `now` is the instant to read otherwise.
 * @example todayInVietnam("2027-02-18") // "2027-02-18"
 * @example todayInVietnam(undefined, new Date("2026-02-16T18:00:00Z")) // "2026-02-17" (01:00 in Hà Nội)
 */
export function todayInVietnam(botToday?: string, now: Date = new Date()): string {
  if (botToday !== undefined && botToday !== "") {
    parseIsoDate(botToday);
    return botToday;
  }
  return vietnamDateOf(now.getTime());
}

/**
 * Adds (or with a negative `days`, subtracts) calendar days.
 * @example addDays("2026-02-28", 1) // "2026-03-01"
 */
export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 * @example daysBetween("2026-02-17", "2026-03-01") // 12
 */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday (as JavaScript's Date).
 * @example weekday("2027-02-18") // 4 (Thursday)
 */
export function weekday(isoDate: string): number {
  const { year, month, day } = parseIsoDate(isoDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  vi: ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  zh: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
  ko: ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"],
};

/**
 * The weekday's name. Vietnamese writes "thứ Năm" in running text and capitalises "Chủ nhật".
 * @example weekdayName("2027-02-18", "vi") // "thứ Năm"
 * @example weekdayName("2027-02-21", "en") // "Sunday"
 */
export function weekdayName(isoDate: string, lang: Lang): string {
  return WEEKDAYS[lang][weekday(isoDate)];
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A solar date as people write it: "18/02/2027" in Vietnamese, "18 Feb 2027" in English, "2027年2月18日" in
 * Chinese, "2027년 2월 18일" in Korean.
 * @example formatDate("2027-02-18", "vi") // "18/02/2027"
 * @example formatDate("2026-03-01", "ko") // "2026년 3월 1일"
 */
export function formatDate(isoDate: string, lang: Lang): string {
  const { year, month, day } = parseIsoDate(isoDate);
  if (lang === "en") return `${day} ${MONTHS_EN[month - 1]} ${year}`;
  if (lang === "zh") return `${year}年${month}月${day}日`;
  if (lang === "ko") return `${year}년 ${month}월 ${day}일`;
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/**
 * A lunar month's name: "tháng Giêng" (1), "tháng Chạp" (12), "tháng 3"; leap months add "nhuận".
 * @example lunarMonthName(3, true, "vi") // "tháng 3 nhuận"
 * @example lunarMonthName(1, false, "en") // "1st lunar month"
 * @example lunarMonthName(1, false, "zh") // "正月"
 */
export function lunarMonthName(month: number, leap: boolean, lang: Lang): string {
  if (lang === "en") return `${leap ? "leap " : ""}${ordinal(month)} lunar month`;
  if (lang === "zh") return `${leap ? "闰" : ""}${CHINESE_MONTHS[month - 1]}`;
  if (lang === "ko") return `${leap ? "윤" : ""}${month}월`;
  const name = month === 1 ? "Giêng" : month === 12 ? "Chạp" : String(month);
  return `tháng ${name}${leap ? " nhuận" : ""}`;
}

/**
 * A lunar date in words (without the year).
 * @example formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "vi") // "13 tháng Giêng"
 * @example formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "en") // "13th day of the 1st lunar month"
 * @example formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "zh") // "农历正月十三"
 * @example formatLunar({ day: 13, month: 1, year: 2026, leap: false }, "ko") // "음력 1월 13일"
 */
export function formatLunar(l: LunarDate, lang: Lang): string {
  if (lang === "en") return `${ordinal(l.day)} day of the ${lunarMonthName(l.month, l.leap, "en")}`;
  if (lang === "zh") return `农历${lunarMonthName(l.month, l.leap, "zh")}${chineseLunarDay(l.day)}`;
  if (lang === "ko") return `음력 ${lunarMonthName(l.month, l.leap, "ko")} ${l.day}일`;
  return `${l.day} ${lunarMonthName(l.month, l.leap, "vi")}`;
}

const CHINESE_MONTHS = ["正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月"];
const CHINESE_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A lunar day as the Chinese calendar writes it: 初一 … 初十, 十一 … 二十, 廿一 … 廿九, 三十. */
function chineseLunarDay(day: number): string {
  if (day <= 10) return `初${CHINESE_DIGITS[day]}`;
  if (day < 20) return `十${CHINESE_DIGITS[day - 10]}`;
  if (day === 20) return "二十";
  if (day < 30) return `廿${CHINESE_DIGITS[day - 20]}`;
  return "三十";
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
