/**
 * Years, months, day windows and "upcoming" in a message, resolved against today (Asia/Ho_Chi_Minh).
 *
 * Matching runs on the folded, teencode-expanded text, so "năm sau", "nam sau" and "next year" agree. The one
 * place diacritics decide is "tháng sáu" (June) versus "tháng sau" (next month); without diacritics it is next month.
 *
 * @example
 * findTimeExpressions({ folded: "cuoi tuan nay co hoi gi", expanded: "cuối tuần này có hội gì" }, "2026-03-04")
 * // { window: { from: "2026-03-07", to: "2026-03-08", label: "cuối tuần này" } }
 */

import { hasCjk, tokenize } from "./cjk.js";

/** What a message says about when. */
export interface TimeExpressions {
  year?: number;
  month?: number;
  /** The month was named the lunar way ("tháng Giêng", "tháng Chạp", "tháng 3 âm lịch"). */
  lunarMonth?: boolean;
  window?: { from: string; to: string; label: string };
  upcoming?: boolean;
}

interface Day {
  y: number;
  m: number; // 1..12
  d: number;
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const MONTH_NAMES_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
// Accented spellings of a month in words; folded they collide with other words ("tháng năm nay").
const MONTH_WORDS_VI: ReadonlyArray<[RegExp, number, boolean]> = [
  [/tháng (giêng|riêng)/, 1, true],
  [/tháng chạp/, 12, true],
  [/tháng mười một/, 11, false],
  [/tháng mười hai/, 12, false],
  [/tháng mười(?! )/, 10, false],
  [/tháng một/, 1, false],
  [/tháng hai/, 2, false],
  [/tháng ba/, 3, false],
  [/tháng tư/, 4, false],
  [/tháng sáu/, 6, false],
  [/tháng bảy/, 7, false],
  [/tháng tám/, 8, false],
  [/tháng chín/, 9, false],
];

// "may" folded is also "mấy" (how many) and "máy": it is the month only in an English date ("in May", "May 5").
const ENGLISH_MAY = / (in|on|of|during|early|late|mid|this|next|last|until|by|before|after) may | may \d| \d{1,2}(st|nd|rd|th)? may /;
const FREQUENCY_FOLDED = / (moi|hang|hang|tung|cac) (nam|thang|tuan|quy|ngay)(?= )| \d+ lan ?\/ ?(nam|thang|tuan|quy)| (nam|thang|tuan|quy) ?\/ ?lan| (every|each|per) (year|month|week)(?= )|(?<= )(yearly|monthly|weekly|annually)(?= )/g;
const FREQUENCY_EXPANDED = / (mỗi|hằng|hàng|từng|các) (năm|tháng|tuần|quý|ngày)(?= )/g;

/**
 * Extract time expressions. `today` is YYYY-MM-DD; `folded` and `expanded` come from normalize().
 */
export function findTimeExpressions(text: { folded: string; expanded: string }, today: string): TimeExpressions {
  const cjk = hasCjk(text.folded);
  // Frequencies ("mỗi năm", "hằng năm", "hàng tháng 2 lần", "1 lần/tháng") say how often, never which date.
  const f = (cjk ? cjkTimeWords(` ${text.folded} `) : ` ${text.folded} `).replace(FREQUENCY_FOLDED, " ");
  const e = ` ${text.expanded} `.replace(FREQUENCY_EXPANDED, " ");
  const now = parseDay(today);
  const out: TimeExpressions = {};

  // ---  year  ---
  const year = /(?:^| )(?:nam |year |in )?((?:19|20)\d\d)(?= )/.exec(f);
  if (year) out.year = Number(year[1]);
  else if (/ (nam nay|this year) /.test(f)) out.year = now.y;
  else if (/ (nam sau|sang nam|nam toi|next year|nam ke tiep) /.test(f)) out.year = now.y + 1;
  else if (/ (nam ngoai|nam truoc|nam roi|last year) /.test(f)) out.year = now.y - 1;

  // ---  month  ---
  const numbered = / thang (\d{1,2})( am( lich)?)? /.exec(f);
  const worded = MONTH_WORDS_VI.find(([pattern]) => pattern.test(e));
  const english = MONTH_NAMES_EN.findIndex((name) => f.includes(` ${name} `));
  if (numbered && Number(numbered[1]) >= 1 && Number(numbered[1]) <= 12) {
    out.month = Number(numbered[1]);
    if (numbered[2]) out.lunarMonth = true;
  } else if (worded) {
    out.month = worded[1];
    if (worded[2] || / am lich /.test(f)) out.lunarMonth = true;
  } else if (/ thang gieng /.test(f)) {
    out.month = 1;
    out.lunarMonth = true;
  } else if (/ thang chap /.test(f)) {
    out.month = 12;
    out.lunarMonth = true;
  } else if (english >= 0 && !(english === 4 && !ENGLISH_MAY.test(f))) {
    out.month = english + 1;
  } else if (/ (thang nay|this month) /.test(f)) {
    out.month = now.m;
    out.window = monthWindow(now.y, now.m, "tháng này");
  } else if (/ (thang sau|thang toi|next month|thang ke tiep) /.test(f)) {
    const next = now.m === 12 ? { y: now.y + 1, m: 1 } : { y: now.y, m: now.m + 1 };
    out.month = next.m;
    out.year ??= next.y;
    out.window = monthWindow(next.y, next.m, "tháng sau");
  } else if (/ (thang truoc|last month) /.test(f)) {
    out.month = now.m === 1 ? 12 : now.m - 1;
  }

  if (cjk && out.month !== undefined && / (农 历|阴 历|음 력) /.test(` ${text.folded} `)) out.lunarMonth = true;

  // ---  day windows  ---
  out.window ??= dayWindow(f, now);

  // ---  upcoming  ---
  if (/ (sap toi|sap dien ra|sap co|toi day|gan nhat|sap|upcoming|coming|soon|next)(?! (week|month|year|weekend))/.test(f)) out.upcoming = true;

  return out;
}

// Chinese and Korean time words (split as src/nlu/cjk.ts splits messages: a token per character / syllable, Korean
// particles dropped) and the English words the rules above read. Longest first, so "下个月" is not read as "下" + "月".
const CJK_TIME_WORDS: ReadonlyArray<[string[], string]> = [
  [["今年", "올해", "금년", "이번 해"], "this year"],
  [["明年", "내년", "다음 해"], "next year"],
  [["去年", "작년", "지난해"], "last year"],
  [["下个月", "下月", "다음 달", "다음달"], "next month"],
  [["这个月", "本月", "这月", "이번 달", "이번달"], "this month"],
  [["上个月", "지난 달", "지난달"], "last month"],
  [["下个周末", "下周末", "다음 주말"], "next weekend"],
  [["这个周末", "这周末", "本周末", "周末", "이번 주말", "주말"], "this weekend"],
  [["下个星期", "下星期", "下周", "다음 주"], "next week"],
  [["这个星期", "这星期", "这周", "本周", "이번 주"], "this week"],
  [["明天", "내일"], "tomorrow"],
  [["今天", "今晚", "오늘"], "today"],
  [["最近", "近期", "即将", "接下来", "快要", "다가오는", "곧", "요즘", "가까운"], "upcoming"],
  [["正月"], "thang gieng"],
  [["腊月"], "thang chap"],
];
const CJK_TIME_PATTERNS: ReadonlyArray<[RegExp, string]> = CJK_TIME_WORDS.flatMap(([words, english]) =>
  words.map((word): [RegExp, string] => [new RegExp(` ${tokenize(word).join(" ")} `, "g"), ` ${english} `]),
).sort((a, b) => b[0].source.length - a[0].source.length);
const CHINESE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十 一", "十 二"];

/** Chinese / Korean time words in a folded message, rewritten as the English words the rules read. */
function cjkTimeWords(f: string): string {
  let out = f;
  for (const [pattern, english] of CJK_TIME_PATTERNS) out = out.replace(pattern, english).replace(/ {2,}/g, " ");
  // "3月", "3 월", "三月" → "thang 3"; "2027年" / "2027년" are read by the year rule as they are.
  out = out.replace(/ (\d{1,2}) (月|월) /g, " thang $1 ");
  CHINESE_NUMBERS.forEach((n, i) => (out = out.replace(new RegExp(` ${n} 月 `, "g"), ` thang ${i + 1} `)));
  return out;
}

function dayWindow(f: string, now: Day): TimeExpressions["window"] {
  const weekday = (dateOf(now).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(now, -weekday);
  if (/ cuoi tuan (sau|toi) | next weekend /.test(f)) return range(addDays(monday, 12), addDays(monday, 13), "cuối tuần sau");
  if (/ cuoi tuan( nay)? | (this )?weekend /.test(f)) {
    // On Sunday "cuối tuần này" is today only.
    return range(weekday === 6 ? now : addDays(monday, 5), addDays(monday, 6), "cuối tuần này");
  }
  if (/ tuan (sau|toi) | next week /.test(f)) return range(addDays(monday, 7), addDays(monday, 13), "tuần sau");
  if (/ tuan nay | this week /.test(f)) return range(monday, addDays(monday, 6), "tuần này");
  if (/ (ngay mai|mai|tomorrow) /.test(f) && !/ mai (vu|anh|chi) /.test(f)) {
    const tomorrow = addDays(now, 1);
    return range(tomorrow, tomorrow, "ngày mai");
  }
  if (/ (hom nay|today|tonight|toi nay) /.test(f)) return range(now, now, "hôm nay");
  return undefined;
}

// ===  Dates (UTC arithmetic on calendar days)  ===

function parseDay(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`today must be YYYY-MM-DD, got "${iso}"`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function dateOf(day: Day): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d));
}

function addDays(day: Day, days: number): Day {
  const date = dateOf(day);
  date.setUTCDate(date.getUTCDate() + days);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function iso(day: Day): string {
  return dateOf(day).toISOString().slice(0, 10);
}

function range(from: Day, to: Day, label: string): { from: string; to: string; label: string } {
  return { from: iso(from), to: iso(to), label };
}

function monthWindow(y: number, m: number, label: string): { from: string; to: string; label: string } {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return range({ y, m, d: 1 }, { y, m, d: last }, label);
}
