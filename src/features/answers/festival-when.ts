/**
 * How the bot says when one occurrence of a festival is: solar dates with their weekday, the lunar date, the span
 * of a multi-day festival and its main day ("chính hội"), in the tense that fits today.
 *
 * @example
 * describeOccurrence(hoiLim, occurrenceInYear(hoiLim.date, 2027)!, speaker("vi"), "2026-11-20")
 * // "Hội Lim năm 2027 chính hội ngày 13 tháng Giêng âm lịch, tức thứ Năm 18/02/2027; hội kéo dài 2 ngày,
 * //  từ ngày 12 đến ngày 13 tháng Giêng âm lịch (thứ Tư 17/02/2027 – thứ Năm 18/02/2027)."
 */
import {
  formatDate,
  formatLunar,
  parseIsoDate,
  solarToLunar,
  weekdayName,
  type Lang,
  type LunarDate,
  type Occurrence,
} from "../../calendar/index.js";
import type { Festival } from "../../content/index.js";
import type { Speaker } from "./answer-text.js";

// ===  Tense  ===

/** Whether an occurrence is over, running or ahead on `today`. */
export type OccurrenceTense = "past" | "ongoing" | "future";

/**
 * @example tenseOf({ start: "2026-02-28", end: "2026-03-01" } as Occurrence, "2026-03-01") // "ongoing"
 */
export function tenseOf(occurrence: Occurrence, today: string): OccurrenceTense {
  if (occurrence.end < today) return "past";
  return occurrence.start <= today ? "ongoing" : "future";
}

// ===  Pieces  ===

/**
 * A solar day with its weekday: "thứ Năm 18/02/2027" / "Thursday 18 Feb 2027".
 * @example dayWithWeekday("2026-03-01", "vi") // "Chủ nhật 01/03/2026"
 * @example dayWithWeekday("2026-03-01", "zh") // "2026年3月1日（星期日）"
 */
export function dayWithWeekday(iso: string, lang: Lang): string {
  if (lang === "zh") return `${formatDate(iso, "zh")}（${weekdayName(iso, "zh")}）`;
  if (lang === "ko") return `${formatDate(iso, "ko")}(${weekdayName(iso, "ko")})`;
  return `${weekdayName(iso, lang)} ${formatDate(iso, lang)}`;
}

function lunarOf(iso: string): LunarDate {
  return solarToLunar(parseIsoDate(iso));
}

/** "ngày 12 đến ngày 13 tháng Giêng" or across months "ngày 29 tháng Giêng đến ngày 2 tháng 2". */
function lunarRange(start: LunarDate, end: LunarDate, say: Speaker): string {
  if (say.en) return `the ${formatLunar(start, "en")} to the ${formatLunar(end, "en")}`;
  if (start.month === end.month && start.leap === end.leap) {
    return `ngày ${start.day} đến ngày ${formatLunar(end, "vi")}`;
  }
  return `ngày ${formatLunar(start, "vi")} đến ngày ${formatLunar(end, "vi")}`;
}

function solarRange(start: string, end: string, lang: Lang): string {
  return `${dayWithWeekday(start, lang)} – ${dayWithWeekday(end, lang)}`;
}

// ===  Chinese and Korean  ===

type CjkLang = "zh" | "ko";

/** "农历正月十二至十三" / "음력 1월 12일 ~ 13일" (the month repeated when the span crosses one). */
function cjkLunarRange(start: LunarDate, end: LunarDate, lang: CjkLang): string {
  const sameMonth = start.month === end.month && start.leap === end.leap;
  if (lang === "zh") return `${formatLunar(start, "zh")}至${sameMonth ? formatLunar(end, "zh").replace(/^农历.*月/, "") : formatLunar(end, "zh").replace(/^农历/, "")}`;
  return `${formatLunar(start, "ko")} ~ ${sameMonth ? `${end.day}일` : formatLunar(end, "ko").replace(/^음력 /, "")}`;
}

/**
 * describeOccurrence for Chinese and Korean readers, in the short form visitor guides use:
 * "2027年林会：正会日农历正月十三，即2027年2月18日（星期四）；为期2天，农历正月十二至十三（…）。"
 */
function describeCjk(festival: Festival, occurrence: Occurrence, say: Speaker, tense: OccurrenceTense, lang: CjkLang): string {
  const name = say.text(festival.names);
  const zh = lang === "zh";
  const state = { past: zh ? "（已举行）" : " (이미 열림)", ongoing: zh ? "（正在举行）" : " (진행 중)", future: "" }[tense];
  const head = zh ? `${occurrence.year}年${name}${state}：` : `${occurrence.year}년 ${name}${state}: `;
  const days = festival.date.days ?? 1;
  const lunar = festival.date.calendar === "lunar";
  const that = zh ? "，即" : ", 즉 ";
  const end = zh ? "。" : ".";
  const span = () => {
    const solar = solarRange(occurrence.start, occurrence.end, lang);
    const lunarSpan = lunar && occurrence.lunarStart ? cjkLunarRange(occurrence.lunarStart, lunarOf(occurrence.end), lang) : undefined;
    if (zh) return `为期${days}天，${lunarSpan ? `${lunarSpan}（${solar}）` : solar}`;
    return `기간 ${days}일, ${lunarSpan ? `${lunarSpan}(${solar})` : solar}`;
  };
  if (occurrence.main) {
    const mainLunar = occurrence.lunarMain ? `${formatLunar(occurrence.lunarMain, lang)}${that}` : "";
    const main = `${zh ? "正会日" : "본 축제일 "}${mainLunar}${dayWithWeekday(occurrence.main, lang)}`;
    return `${head}${main}${zh ? "；" : "; "}${span()}${end}`;
  }
  if (days === 1) {
    const solar = dayWithWeekday(occurrence.start, lang);
    return lunar && occurrence.lunarStart ? `${head}${formatLunar(occurrence.lunarStart, lang)}${that}${solar}${end}` : `${head}${solar}${end}`;
  }
  return `${head}${span()}${end}`;
}

// ===  Sentences  ===

/**
 * One sentence saying when `occurrence` of `festival` is, headed "<name> năm <year>" (the rule's year: the lunar
 * year for lunar festivals). Past occurrences say "đã diễn ra", running ones "đang diễn ra".
 */
export function describeOccurrence(festival: Festival, occurrence: Occurrence, say: Speaker, today: string): string {
  const lang = say.lang;
  const tense = tenseOf(occurrence, today);
  if (lang === "zh" || lang === "ko") return describeCjk(festival, occurrence, say, tense, lang);
  const name = say.text(festival.names);
  const head = say.en ? `${name} ${occurrence.year}` : `${name} năm ${occurrence.year}`;
  const verb = {
    past: say.phrase({ vi: "đã diễn ra", en: "took place" }),
    ongoing: say.phrase({ vi: "đang diễn ra", en: "is under way" }),
    future: say.phrase({ vi: "diễn ra", en: "takes place" }),
  }[tense];
  const days = festival.date.days ?? 1;
  const lunar = festival.date.calendar === "lunar";
  const lunarWord = say.phrase({ vi: " âm lịch", en: "" });

  // The main day first: it is what people ask for ("chính hội ngày nào").
  if (occurrence.main) {
    const mainLunar = occurrence.lunarMain ? `${say.phrase({ vi: "ngày ", en: "the " })}${formatLunar(occurrence.lunarMain, lang)}${lunarWord}, ${say.phrase({ vi: "tức ", en: "i.e. " })}` : "";
    const main = `${mainLunar}${dayWithWeekday(occurrence.main, lang)}`;
    const spanLunar = lunar && occurrence.lunarStart ? `${say.phrase({ vi: "từ ", en: "from " })}${lunarRange(occurrence.lunarStart, lunarOf(occurrence.end), say)}${lunarWord} ` : "";
    const tail = say.en
      ? `; the festival ${tense === "past" ? "ran" : "runs"} ${days} days, ${spanLunar}(${solarRange(occurrence.start, occurrence.end, lang)}).`
      : `; hội kéo dài ${days} ngày, ${spanLunar}(${solarRange(occurrence.start, occurrence.end, lang)}).`;
    const mainLabel = say.phrase({ vi: "chính hội", en: "main day:" });
    const past = tense === "past" ? say.phrase({ vi: " đã diễn ra,", en: " took place;" }) : "";
    return `${head}${past} ${mainLabel} ${main}${tail}`;
  }

  if (days === 1) {
    const solar = dayWithWeekday(occurrence.start, lang);
    if (lunar && occurrence.lunarStart) {
      return say.en
        ? `${head} ${verb} on the ${formatLunar(occurrence.lunarStart, "en")}, i.e. ${solar}.`
        : `${head} ${verb} ngày ${formatLunar(occurrence.lunarStart, "vi")} âm lịch, tức ${solar}.`;
    }
    return say.en ? `${head} ${verb} on ${solar}.` : `${head} ${verb} ngày ${solar}.`;
  }

  const from = dayWithWeekday(occurrence.start, lang);
  const to = dayWithWeekday(occurrence.end, lang);
  if (lunar && occurrence.lunarStart) {
    const range = lunarRange(occurrence.lunarStart, lunarOf(occurrence.end), say);
    return say.en
      ? `${head} ${verb} from ${range}, i.e. from ${from} to ${to}.`
      : `${head} ${verb} từ ${range} âm lịch, tức từ ${from} đến ${to}.`;
  }
  return say.en ? `${head} ${verb} from ${from} to ${to}.` : `${head} ${verb} từ ${from} đến ${to}.`;
}

/**
 * A short "when" for lists: the main day (or first day) with weekday and lunar date, and the span when longer.
 * @example shortWhen(hoiLim, occ2027, speaker("vi")) // "thứ Năm 18/02/2027 (chính hội, 13 tháng Giêng âm lịch)"
 */
export function shortWhen(festival: Festival, occurrence: Occurrence, say: Speaker): string {
  const lang = say.lang;
  const key = occurrence.main ?? occurrence.start;
  const lunarKey = occurrence.main ? occurrence.lunarMain : occurrence.lunarStart;
  const days = festival.date.days ?? 1;
  if (lang === "zh" || lang === "ko") {
    const notes = [occurrence.main ? say.phrase({ vi: "", en: "", zh: "正会日", ko: "본 축제일" }) : "", lunarKey ? formatLunar(lunarKey, lang) : ""].filter(Boolean);
    const span = days > 1 && !occurrence.main ? solarRange(occurrence.start, occurrence.end, lang) : dayWithWeekday(key, lang);
    if (!notes.length) return span;
    return lang === "zh" ? `${span}（${notes.join("，")}）` : `${span} (${notes.join(", ")})`;
  }
  const notes: string[] = [];
  if (occurrence.main) notes.push(say.phrase({ vi: "chính hội", en: "main day" }));
  if (lunarKey) notes.push(say.en ? `${formatLunar(lunarKey, "en")}` : `${formatLunar(lunarKey, "vi")} âm lịch`);
  const span =
    days > 1 && !occurrence.main
      ? `${say.phrase({ vi: "từ ", en: "" })}${dayWithWeekday(occurrence.start, lang)}${say.phrase({ vi: " đến ", en: " – " })}${dayWithWeekday(occurrence.end, lang)}`
      : dayWithWeekday(key, lang);
  return notes.length > 0 ? `${span} (${notes.join(", ")})` : span;
}
