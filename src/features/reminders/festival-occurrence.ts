import { addDays, formatDate, formatLunar, nextOccurrence, solarToLunar, weekdayName, type Lang, type Occurrence } from "../../calendar/index.js";
import { parseIsoDate } from "../../calendar/vietnam-date.js";
import type { Festival } from "../../content/index.js";

/**
 * The occurrence a festival reminder is about: the next one that has not started yet (one running today is past for
 * a reminder), its solar dates computed from the festival's rule (lunar festivals by the lunar calendar), and the day
 * the reminder is due.
 *
 * @example upcomingOccurrence(hoiLim, "2026-11-25") // { start: "2027-02-18", end: "2027-02-19", main: … }
 */
export function upcomingOccurrence(festival: Festival, today: string): Occurrence | undefined {
  let occurrence = nextOccurrence(festival.date, today);
  if (occurrence && occurrence.start <= today) occurrence = nextOccurrence(festival.date, addDays(occurrence.end, 1));
  return occurrence ?? undefined;
}

/** The day (YYYY-MM-DD) a reminder `daysBefore` days ahead of the occurrence is due. */
export function reminderDay(occurrence: Occurrence, daysBefore: number): string {
  return addDays(occurrence.start, -daysBefore);
}

/**
 * When the occurrence is, for a person: "thứ Năm 18/02/2027 – thứ Sáu 19/02/2027 (từ ngày 12 tháng Giêng âm lịch)",
 * "2027年2月17日（星期三）至2027年2月18日（星期四），农历正月十二起". The lunar part is shown for lunar festivals only.
 */
export function occurrenceText(festival: Festival, occurrence: Occurrence, lang: Lang): string {
  const to = lang === "zh" ? "至" : lang === "ko" ? " ~ " : " – ";
  const solar = occurrence.end === occurrence.start ? dayWithWeekday(occurrence.start, lang) : `${dayWithWeekday(occurrence.start, lang)}${to}${dayWithWeekday(occurrence.end, lang)}`;
  if (festival.date.calendar !== "lunar") return solar;
  const lunar = formatLunar(solarToLunar(parseIsoDate(occurrence.start)), lang);
  if (lang === "zh") return `${solar}，${lunar}起`;
  if (lang === "ko") return `${solar}, ${lunar}부터`;
  return lang === "en" ? `${solar} (from the ${lunar})` : `${solar} (từ ngày ${lunar} âm lịch)`;
}

/** "thứ Năm 18/02/2027" / "Thursday 18 Feb 2027" / "2027年2月18日（星期四）" / "2027년 2월 18일(목요일)". */
export function dayWithWeekday(iso: string, lang: Lang): string {
  if (lang === "zh") return `${formatDate(iso, "zh")}（${weekdayName(iso, "zh")}）`;
  if (lang === "ko") return `${formatDate(iso, "ko")}(${weekdayName(iso, "ko")})`;
  return `${weekdayName(iso, lang)} ${formatDate(iso, lang)}`;
}
