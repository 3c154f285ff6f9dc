/**
 * The console's figures, as pure functions over stored records (message events, reports, handoffs), so each can be
 * tested on a handful of records and reused by the yearly report.
 *
 * @example
 * const events = filterEvents(all, { from: "2026-11-01", to: "2026-11-30", packId: "vo-cuong" });
 * messagesPerDay(events, days) // [{ day: "2026-11-01", counts: { zalo: 3, web: 1 } }, …]
 */
import type { MessageEvent } from "../../analytics/message-event.js";
import type { Handoff } from "../../domain/handoff.js";
import type { Report } from "../../domain/report.js";
import { fold } from "../../nlu/index.js";

/** A period of days (inclusive) and optionally one pack. */
export interface Period {
  from: string;
  to: string;
  packId?: string;
}

/** Events of the period (and pack). */
export function filterEvents(events: readonly MessageEvent[], period: Period): MessageEvent[] {
  return events.filter((e) => e.day >= period.from && e.day <= period.to && (!period.packId || e.packId === period.packId));
}

/** Messages per day per channel, one row for every day of `days` (zeros included). */
export function messagesPerDay(events: readonly MessageEvent[], days: readonly string[]): { day: string; counts: Record<string, number> }[] {
  const byDay = new Map(days.map((day) => [day, {} as Record<string, number>]));
  for (const e of events) {
    const counts = byDay.get(e.day);
    if (counts) counts[e.channel] = (counts[e.channel] ?? 0) + 1;
  }
  return days.map((day) => ({ day, counts: byDay.get(day)! }));
}

/** The channels that appear, most messages first. */
export function channelsOf(events: readonly MessageEvent[]): string[] {
  return countBy(events, (e) => e.channel).map((row) => row.key);
}

/** Counts by a key, largest first (ties by key). */
export function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Messages by intent ("choice" for button taps, which skip understanding). */
export function intents(events: readonly MessageEvent[]): { key: string; count: number }[] {
  return countBy(events, (e) => e.intent ?? (e.kind === "choice" || e.kind === "dialog" ? e.kind : "other"));
}

/** One question people asked, grouped by its folded text. */
export interface AskedText {
  text: string;
  count: number;
  lastAt: number;
}

function groupTexts(events: readonly MessageEvent[], limit: number): AskedText[] {
  const groups = new Map<string, AskedText>();
  for (const e of events) {
    if (!e.text) continue;
    const key = fold(e.text).replace(/[^\p{L}\p{N} ]+/gu, " ").replace(/\s+/g, " ").trim();
    const known = groups.get(key);
    if (known) {
      known.count++;
      if (e.at > known.lastAt) Object.assign(known, { lastAt: e.at, text: e.text });
    } else groups.set(key, { text: e.text, count: 1, lastAt: e.at });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, limit);
}

/** Content gaps: questions understood as outside what the content covers (out_of_scope), most asked first. */
export function contentGaps(events: readonly MessageEvent[], limit = 20): AskedText[] {
  return groupTexts(events.filter((e) => !e.answered && e.intent === "out_of_scope"), limit);
}

/** Misunderstood messages: the bot fell back without understanding them, most frequent first. */
export function misunderstood(events: readonly MessageEvent[], limit = 20): AskedText[] {
  return groupTexts(events.filter((e) => !e.answered && e.intent !== "out_of_scope"), limit);
}

/** Messages that ask something: typed questions and button taps (not a dialog step's answer, not a sticker). */
export function isQuestion(e: MessageEvent): boolean {
  return e.kind === "text" || e.kind === "choice";
}

/** How many questions the bot answered, of how many. */
export function answeredShare(events: readonly MessageEvent[]): { answered: number; total: number } {
  const messages = events.filter(isQuestion);
  return { answered: messages.filter((e) => e.answered).length, total: messages.length };
}

/** Reports counted by category × status. */
export function reportMatrix(reports: readonly Report[]): { categoryId: string; byStatus: Record<string, number>; total: number }[] {
  const rows = new Map<string, { categoryId: string; byStatus: Record<string, number>; total: number }>();
  for (const r of reports) {
    const row = rows.get(r.categoryId) ?? { categoryId: r.categoryId, byStatus: {}, total: 0 };
    row.byStatus[r.status] = (row.byStatus[r.status] ?? 0) + 1;
    row.total++;
    rows.set(r.categoryId, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.categoryId.localeCompare(b.categoryId));
}

/** Median of numbers (undefined for none). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Time to the first staff reply on handoffs opened in the period, and on reports (first change made by staff). */
export function firstReplyTimes(handoffs: readonly Handoff[], reports: readonly Report[]): {
  handoffs: { count: number; replied: number; medianMs?: number; averageMs?: number };
  reports: { count: number; handled: number; medianMs?: number; averageMs?: number };
} {
  const handoffWaits = handoffs.filter((h) => h.firstStaffReplyAt !== undefined).map((h) => h.firstStaffReplyAt! - h.openedAt);
  const reportWaits = reports
    .map((r) => r.history.find((h) => h.by !== "bot" && h.by !== "reporter" && h.at > r.createdAt))
    .map((h, i) => (h ? h.at - reports[i].createdAt : undefined))
    .filter((ms): ms is number => ms !== undefined);
  const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);
  return {
    handoffs: { count: handoffs.length, replied: handoffWaits.length, medianMs: median(handoffWaits), averageMs: average(handoffWaits) },
    reports: { count: reports.length, handled: reportWaits.length, medianMs: median(reportWaits), averageMs: average(reportWaits) },
  };
}

/** What became of reports: time to resolve, how many missed their deadline, how satisfied reporters were. */
export interface ReportOutcomes {
  /** Reports resolved ("Đã xử lý"), and the time from filing to the latest "Đã xử lý". */
  resolved: number;
  medianResolveMs?: number;
  averageResolveMs?: number;
  /** Reports with a deadline, and those settled after it or still open past it. */
  withDeadline: number;
  overdue: number;
  /** Ratings given (1–5), their average, how many were 4 or 5, and the count of each score. */
  rated: number;
  averageScore?: number;
  satisfied: number;
  byScore: Record<1 | 2 | 3 | 4 | 5, number>;
  /** Reports the reporter reopened ("chưa xử lý xong"). */
  reopened: number;
}

const CLOSED = new Set(["resolved", "not_competent", "duplicate"]);

/**
 * Time to resolve, overdue share and satisfaction of `reports` at `now`. A report is overdue when it was settled
 * (resolved, not competent, duplicate) after its deadline, or is still open past it; a reopened report is judged by
 * its new deadline.
 *
 * @example reportOutcomes(reports, Date.now()) // { resolved: 12, medianResolveMs: 2.6e8, overdue: 3, withDeadline: 15, averageScore: 4.2, … }
 */
export function reportOutcomes(reports: readonly Report[], now: number): ReportOutcomes {
  const resolveTimes: number[] = [];
  let withDeadline = 0;
  let overdue = 0;
  let reopened = 0;
  const byScore: ReportOutcomes["byScore"] = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const scores: number[] = [];
  for (const r of reports) {
    const settled = CLOSED.has(r.status) ? r.history.at(-1)?.at : undefined;
    if (r.status === "resolved") {
      const resolvedAt = [...r.history].reverse().find((h) => h.status === "resolved")?.at ?? r.updatedAt;
      resolveTimes.push(resolvedAt - r.createdAt);
    }
    if (r.dueAt !== undefined) {
      withDeadline++;
      if ((settled ?? now) > r.dueAt) overdue++;
    }
    if (r.history.some((h) => h.status === "reopened")) reopened++;
    if (r.rating) {
      byScore[r.rating.score]++;
      scores.push(r.rating.score);
    }
  }
  const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);
  return {
    resolved: resolveTimes.length,
    medianResolveMs: median(resolveTimes),
    averageResolveMs: average(resolveTimes),
    withDeadline,
    overdue,
    rated: scores.length,
    averageScore: average(scores),
    satisfied: scores.filter((score) => score >= 4).length,
    byScore,
    reopened,
  };
}

/** "25%" of a part, "—" of nothing. */
export function share(part: number, total: number): string {
  return total ? `${Math.round((part / total) * 100)}%` : "—";
}
