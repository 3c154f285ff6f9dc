import { nextAllowedTime, type QuietHours } from "./quiet-hours.js";

/**
 * When a reminder may go: not before it is due, not in the quiet hours, and never once the event it announces has
 * started. Schedulers ask this on every run; "wait" leaves the reminder for a later run, "drop" ends it (counted).
 *
 * @example
 * planReminder({ dueAt, eventAt, now, quiet }) // { send: true } | { waitUntil } | { drop: "too_late" }
 */
export type ReminderPlan = { send: true } | { waitUntil: number } | { drop: "too_late" };

export function planReminder(input: { dueAt: number; eventAt: number; now: number; quiet: QuietHours }): ReminderPlan {
  const { dueAt, eventAt, now, quiet } = input;
  if (now >= eventAt) return { drop: "too_late" };
  if (now < dueAt) return { waitUntil: dueAt };
  const allowed = nextAllowedTime(quiet, now);
  if (allowed === now) return { send: true };
  // At night: the morning is still fine only if the event has not started by then.
  return allowed < eventAt ? { waitUntil: allowed } : { drop: "too_late" };
}
