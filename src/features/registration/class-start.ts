import type { ClassEntry } from "../../content/index.js";

/**
 * The time a class starts, read from its schedule ("Tối thứ Năm hằng tuần, 19:30", "19h30", "7 giờ sáng"), in
 * minutes after midnight; undefined when the schedule gives none. A reminder is on time only if it arrives before it:
 * without a time, the class counts as starting at the beginning of its day.
 *
 * @example classStartMinute({ schedule: { vi: "Tối thứ Năm, 19:30" } }) // 1170
 */
export function classStartMinute(cls: Pick<ClassEntry, "schedule">): number | undefined {
  const text = cls.schedule?.vi;
  if (!text) return undefined;
  const match = /(?:^|[^\d])(\d{1,2})\s*(?::|h|giờ|g)\s*(\d{2})?(?!\d)/iu.exec(text);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  // "7 giờ tối", "8h chiều": afternoon and evening words move a small hour past noon.
  if (hours < 12 && /\b(chiều|tối|chieu|toi)\b/iu.test(text.slice(match.index))) hours += 12;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

/** 1170 → "19:30". */
export function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
