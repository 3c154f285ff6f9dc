/**
 * Which days a festival question is about when it names no festival: a window the understanding layer found
 * ("cuối tuần này", "tháng sau"), a month (lunar when named the lunar way: "tháng Giêng"), Tết, or a whole year.
 *
 * @example
 * festivalWindow({ text: "tháng Giêng 2027 có lễ hội gì", entities: { month: 1, lunarMonth: true, year: 2027 } }, "2026-11-20", "vi")
 * // { from: "2027-02-06", to: "2027-03-07", label: "tháng Giêng năm 2027 (âm lịch)" }
 */
import {
  addDays,
  formatDate,
  lunarMonthLength,
  lunarMonthName,
  lunarToSolar,
  parseIsoDate,
  solarToLunar,
  toIsoDate,
} from "../../calendar/index.js";
import { fold } from "../../nlu/fold.js";
import type { AnswerEntities, AnswerLanguage } from "./answer-input.js";

/** A span of days (inclusive ISO dates) and how to name it in the reply's language. */
export interface FestivalWindow {
  from: string;
  to: string;
  label: string;
}

// The understanding layer labels its windows in Vietnamese; other replies name them in their language.
const LABELS_ZH: Record<string, string> = {
  "hôm nay": "今天",
  "ngày mai": "明天",
  "tuần này": "本周",
  "tuần sau": "下周",
  "cuối tuần này": "本周末",
  "cuối tuần sau": "下周末",
  "tháng này": "本月",
  "tháng sau": "下个月",
};
const LABELS_KO: Record<string, string> = {
  "hôm nay": "오늘",
  "ngày mai": "내일",
  "tuần này": "이번 주",
  "tuần sau": "다음 주",
  "cuối tuần này": "이번 주말",
  "cuối tuần sau": "다음 주말",
  "tháng này": "이번 달",
  "tháng sau": "다음 달",
};
const LABELS_EN: Record<string, string> = {
  "hôm nay": "today",
  "ngày mai": "tomorrow",
  "tuần này": "this week",
  "tuần sau": "next week",
  "cuối tuần này": "this weekend",
  "cuối tuần sau": "next weekend",
  "tháng này": "this month",
  "tháng sau": "next month",
};

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Tết" alone, not "Tết Trung thu" or "Tết Đoan ngọ" (other feasts, not the lunar new year). */
const TET = /(?:^|[^\p{L}])tet(?! (trung thu|doan ngo|han thuc|thanh minh|ong cong|ong tao|thieu nhi|duong lich|tay))(?![\p{L}])/u;

/**
 * The window a festival question names, or undefined. Priority: the nlu window, then a named month, then Tết,
 * then a bare year. Without a year, a month means its next occurrence (December asking "tháng 3" means next March).
 */
export function festivalWindow(
  message: { text: string; entities: AnswerEntities },
  today: string,
  lang: AnswerLanguage,
): FestivalWindow | undefined {
  const { entities } = message;
  if (entities.window) {
    const { from, to, label } = entities.window;
    const labels = { vi: undefined, en: LABELS_EN, zh: LABELS_ZH, ko: LABELS_KO }[lang];
    return { from, to, label: labels?.[label] ?? label };
  }
  if (entities.month !== undefined && entities.month >= 1 && entities.month <= 12) {
    return entities.lunarMonth
      ? lunarMonthWindow(entities.month, entities.year, today, lang)
      : solarMonthWindow(entities.month, entities.year, today, lang);
  }
  if (TET.test(fold(message.text))) return tetWindow(entities.year, today, lang);
  if (entities.year !== undefined) {
    const year = entities.year;
    return { from: `${year}-01-01`, to: `${year}-12-31`, label: { vi: `năm ${year}`, en: `in ${year}`, zh: `${year}年`, ko: `${year}년` }[lang] };
  }
  return undefined;
}

// ===  Windows  ===

/** Lunar month `month` of `year` (non-leap), or of the first lunar year in which it has not ended yet. */
function lunarMonthWindow(month: number, year: number | undefined, today: string, lang: AnswerLanguage): FestivalWindow {
  const span = (y: number) => {
    const from = toIsoDate(lunarToSolar({ day: 1, month, year: y, leap: false }));
    return { from, to: addDays(from, lunarMonthLength(y, month, false) - 1), y };
  };
  let w = span(year ?? solarToLunar(parseIsoDate(today)).year);
  if (year === undefined && w.to < today) w = span(w.y + 1);
  const name = month === 1 ? "Giêng" : month === 12 ? "Chạp" : String(month);
  const label = {
    en: `the ${ordinalEn(month)} lunar month of ${w.y} (${formatDate(w.from, "en")} – ${formatDate(w.to, "en")})`,
    vi: `tháng ${name} năm ${w.y} (âm lịch, từ ${formatDate(w.from, "vi")} đến ${formatDate(w.to, "vi")})`,
    zh: `${w.y}年农历${lunarMonthName(month, false, "zh")}（${formatDate(w.from, "zh")}至${formatDate(w.to, "zh")}）`,
    ko: `${w.y}년 음력 ${month}월(${formatDate(w.from, "ko")} ~ ${formatDate(w.to, "ko")})`,
  }[lang];
  return { from: w.from, to: w.to, label };
}

/** Solar month `month` of `year`, or of this year (next year when this year's has ended). */
function solarMonthWindow(month: number, year: number | undefined, today: string, lang: AnswerLanguage): FestivalWindow {
  const span = (y: number) => {
    const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
    return { from: toIsoDate({ year: y, month, day: 1 }), to: toIsoDate({ year: y, month, day: last }), y };
  };
  let w = span(year ?? parseIsoDate(today).year);
  if (year === undefined && w.to < today) w = span(w.y + 1);
  const label = { en: `${MONTHS_EN[month - 1]} ${w.y}`, vi: `tháng ${month}/${w.y}`, zh: `${w.y}年${month}月`, ko: `${w.y}년 ${month}월` }[lang];
  return { from: w.from, to: w.to, label };
}

/**
 * Tết: the first half of tháng Giêng (mùng 1 to rằm), when most spring festivals are held; this lunar year's
 * while it runs, otherwise the next one.
 */
function tetWindow(year: number | undefined, today: string, lang: AnswerLanguage): FestivalWindow {
  const span = (y: number) => {
    const from = toIsoDate(lunarToSolar({ day: 1, month: 1, year: y, leap: false }));
    return { from, to: addDays(from, 14), y };
  };
  let w = span(year ?? solarToLunar(parseIsoDate(today)).year);
  if (year === undefined && w.to < today) w = span(w.y + 1);
  const label = {
    en: `Tet ${w.y} (1st–15th day of the 1st lunar month, ${formatDate(w.from, "en")} – ${formatDate(w.to, "en")})`,
    vi: `dịp Tết Nguyên đán ${w.y} (mùng 1 đến rằm tháng Giêng, từ ${formatDate(w.from, "vi")} đến ${formatDate(w.to, "vi")})`,
    zh: `${w.y}年春节期间（正月初一至十五，${formatDate(w.from, "zh")}至${formatDate(w.to, "zh")}）`,
    ko: `${w.y}년 설 연휴(음력 1월 1일~15일, ${formatDate(w.from, "ko")} ~ ${formatDate(w.to, "ko")})`,
  }[lang];
  return { from: w.from, to: w.to, label };
}

function ordinalEn(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
