/**
 * Festivals of a pack in date order: those coming up after today, and those inside a window of days.
 *
 * @example
 * upcomingFestivals(pack, "2026-11-20").map((u) => u.festival.id) // ["cho-am-duong", "le-hoi-lang-o", "hoi-lim", …]
 */
import { addDays, nextOccurrence, occurrencesBetween, type Occurrence } from "../../calendar/index.js";
import type { Choice } from "../../core/message.js";
import type { ContentPack, Festival } from "../../content/index.js";
import type { Speaker } from "./answer-text.js";
import { shortWhen } from "./festival-when.js";

/** A festival with one of its occurrences. */
export interface DatedFestival {
  festival: Festival;
  occurrence: Occurrence;
}

/** How far ahead "upcoming" looks, and how many festivals it lists at least. */
export const UPCOMING_DAYS = 60;
export const UPCOMING_MIN = 5;

// Ordered by the day a list shows (the main day when there is one), so the dates read in order.
const keyDay = (d: DatedFestival) => d.occurrence.main ?? d.occurrence.start;
const byDate = (a: DatedFestival, b: DatedFestival) =>
  keyDay(a).localeCompare(keyDay(b)) || a.festival.id.localeCompare(b.festival.id);

/**
 * Festivals not yet over on `today`, soonest first: every one starting in the next 60 days, and at least the next 5
 * (so a quiet season still gets an answer).
 */
export function upcomingFestivals(pack: ContentPack, today: string, days = UPCOMING_DAYS, min = UPCOMING_MIN): DatedFestival[] {
  const all = pack.festivals
    .map((festival) => ({ festival, occurrence: nextOccurrence(festival.date, today) }))
    .filter((d): d is DatedFestival => d.occurrence !== null)
    .sort(byDate);
  const horizon = addDays(today, days);
  const soon = all.filter((d) => d.occurrence.start <= horizon);
  return soon.length >= min ? soon : all.slice(0, min);
}

/** Festival occurrences overlapping [from, to], in date order. */
export function festivalsBetween(pack: ContentPack, from: string, to: string): DatedFestival[] {
  return pack.festivals
    .flatMap((festival) => occurrencesBetween(festival.date, from, to).map((occurrence) => ({ festival, occurrence })))
    .sort(byDate);
}

/**
 * One bullet per festival: "• Hội Lim: thứ Năm 18/02/2027 (chính hội, 13 tháng Giêng âm lịch)"; a festival with
 * an `uncertain` note is marked "theo thông tin tham khảo".
 */
export function festivalLines(items: readonly DatedFestival[], say: Speaker): string {
  const hedge = say.phrase({ vi: " – theo thông tin tham khảo", en: " – reference information", zh: "（参考信息）", ko: " – 참고 정보" });
  return items
    .map(({ festival, occurrence }) => `• ${say.text(festival.names)}: ${shortWhen(festival, occurrence, say)}${festival.uncertain ? hedge : ""}`)
    .join("\n");
}

/**
 * A choice per festival (payload "festival:<id>"), each festival once, at most `max`.
 * @example festivalChoices(items, say) // [{ title: "Hội Lim", payload: "festival:hoi-lim" }, …]
 */
export function festivalChoices(items: readonly DatedFestival[], say: Speaker, max = 5): Choice[] {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const { festival } of items) {
    if (seen.has(festival.id) || choices.length >= max) continue;
    seen.add(festival.id);
    choices.push({ title: say.text(festival.names), payload: `festival:${festival.id}` });
  }
  return choices;
}
