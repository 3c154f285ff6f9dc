import type { Report } from "../../domain/report.js";
import { normalize } from "../../nlu/index.js";

/**
 * Which earlier reports look like the same matter, for staff to judge (never merged): same category, filed
 * within 3 days of each other, close in place (shared locations within 300 m, or similar place text), and
 * similar descriptions (token Dice coefficient on folded words).
 *
 * @example possibleDuplicates(newReport, await reports.find({ packId, categoryId })) // ["PA-2026-0004"]
 */

/** How close in time (ms). */
export const DUPLICATE_WINDOW_MS = 3 * 24 * 3_600_000;
/** How close in place (metres) for shared locations. */
export const DUPLICATE_DISTANCE_M = 300;
/** How similar the descriptions must be (Dice on words, 0..1). */
export const DUPLICATE_TEXT_SIMILARITY = 0.3;
/** How similar place texts must be. */
export const DUPLICATE_PLACE_SIMILARITY = 0.5;

type Candidate = Pick<Report, "code" | "packId" | "categoryId" | "description" | "place" | "createdAt">;

/**
 * At most this many are linked, the closest in time. Without a bound, a crowd reporting one incident (a fight at a
 * festival) linked every new report to all earlier ones and rewrote each of them durably: filing the n-th cost n
 * writes before the person got their code, and the lists grew as n² (found by `npm run soak`).
 */
export const DUPLICATE_LIMIT = 10;

/** Codes of `existing` reports that may be the same matter as `report` (the {@link DUPLICATE_LIMIT} closest in time). */
export function possibleDuplicates(report: Candidate, existing: readonly Candidate[]): string[] {
  return existing
    .filter(
      (other) =>
        other.code !== report.code &&
        other.packId === report.packId &&
        other.categoryId === report.categoryId &&
        Math.abs(other.createdAt - report.createdAt) <= DUPLICATE_WINDOW_MS &&
        closeInPlace(report.place, other.place) &&
        dice(words(report.description), words(other.description)) >= DUPLICATE_TEXT_SIMILARITY,
    )
    .sort((a, b) => Math.abs(a.createdAt - report.createdAt) - Math.abs(b.createdAt - report.createdAt))
    .slice(0, DUPLICATE_LIMIT)
    .map((other) => other.code);
}

/** Whether two places are close: locations within 300 m, or place texts alike; two reports without any place count as close (the text decides). */
export function closeInPlace(a: Candidate["place"], b: Candidate["place"]): boolean {
  if (a?.location && b?.location) return distanceMetres(a.location, b.location) <= DUPLICATE_DISTANCE_M;
  if (a?.text && b?.text) return dice(words(a.text), words(b.text)) >= DUPLICATE_PLACE_SIMILARITY;
  return !a && !b;
}

/** Great-circle distance (haversine), metres. */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Words too common to say two reports are alike.
const STOP = new Set(["co", "nguoi", "o", "tai", "la", "va", "cua", "cac", "nhung", "mot", "da", "dang", "bi", "rat", "nay", "do", "tren", "trong", "khi", "thi", "ma", "cho", "toi", "minh", "em", "the", "a", "an", "at", "of", "in", "is", "are", "and"]);

function words(text: string): Set<string> {
  return new Set(normalize(text).folded.split(" ").filter((word) => word.length > 1 && !STOP.has(word)));
}

/** Sørensen–Dice coefficient of two word sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

// ===  Before filing: an open report of the same matter  ===

/** How far back an open report is offered to someone about to file the same matter. */
export const SIMILAR_OPEN_WINDOW_MS = 30 * 24 * 3_600_000;

type Open = Candidate & Pick<Report, "status" | "reporter">;

/**
 * The open report (received, in progress, reopened) that looks like the one `personKey` is about to file: same pack
 * and category, close in place, similar description, filed in the last 30 days by someone else; the most recent.
 *
 * @example similarOpenReport(draft, await reports.find({ packId, categoryId }), ctx.conversation.key)?.code
 */
export function similarOpenReport<T extends Open>(draft: Candidate, existing: readonly T[], personKey: string): T | undefined {
  return existing
    .filter(
      (other) =>
        (other.status === "received" || other.status === "in_progress" || other.status === "reopened") &&
        other.reporter.key !== personKey &&
        other.packId === draft.packId &&
        other.categoryId === draft.categoryId &&
        draft.createdAt - other.createdAt <= SIMILAR_OPEN_WINDOW_MS &&
        closeInPlace(draft.place, other.place) &&
        dice(words(draft.description), words(other.description)) >= DUPLICATE_TEXT_SIMILARITY,
    )
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}
