import type { Logger } from "pino";
import { daysBetween, formatDate } from "../../calendar/index.js";
import type { Festival } from "../../content/index.js";
import { planReminder } from "../../reach/on-time.js";
import type { QuietHours } from "../../reach/quiet-hours.js";
import type { ReachSender } from "../../reach/reach-sender.js";
import type { KeptMessages } from "../../reach/kept-messages.js";
import { vietnamInstant, vietnamWallClock } from "../../reach/vietnam-clock.js";
import { reminderDay, upcomingOccurrence } from "./festival-occurrence.js";
import { festivalReminder } from "./reminder-texts.js";
import type { Subscription } from "../../shared/subscription.js";
import type { SubscriptionService } from "../../shared/subscription-service.js";
import { inLanguage, viOrEn } from "../../shared/bilingual.js";

/** How a reminder ended, for /metrics and the console. */
export type ReminderOutcome = "sent" | "kept" | "dropped" | "failed";

/** What the festival reminders need. */
export interface FestivalReminderDeps {
  subscriptions: SubscriptionService;
  festivalOf(packId: string, festivalId: string): Festival | undefined;
  sender: ReachSender;
  kept: KeptMessages;
  quiet: QuietHours;
  defaultDaysBefore: number;
  /** Now, epoch ms, on the pinned day when BOT_TODAY is set (src/reach/vietnam-clock.ts pinnedNow). */
  now(): number;
  logger: Logger;
  onOutcome?(outcome: ReminderOutcome): void;
}

/**
 * One run of the festival reminders: for every active festival subscription, the next occurrence not yet started is
 * computed (lunar festivals by the calendar); from 07:00 on the day `daysBefore` ahead of its first day the reminder is
 * sent through the kind the reach policy allows, carrying the computed dates. Not at night (21:00–07:00 by default):
 * it waits for the morning, and is dropped (counted) when the festival would have begun by then. Each occurrence is
 * claimed on the subscription before sending, so a restart or a second instance never sends it twice.
 *
 * @example const counts = await runFestivalReminders(deps); // { sent: 1, kept: 0, dropped: 0, failed: 0 }
 */
export async function runFestivalReminders(deps: FestivalReminderDeps): Promise<Record<ReminderOutcome, number>> {
  const counts: Record<ReminderOutcome, number> = { sent: 0, kept: 0, dropped: 0, failed: 0 };
  const now = deps.now();
  const today = vietnamWallClock(now).date;
  for (const subscription of await deps.subscriptions.active()) {
    if (subscription.topic.kind !== "festival") continue;
    const festival = deps.festivalOf(subscription.packId, subscription.topic.festivalId);
    const occurrence = festival && upcomingOccurrence(festival, today);
    if (!festival || !occurrence || subscription.notified.includes(occurrence.start)) continue;
    const daysBefore = subscription.daysBefore ?? deps.defaultDaysBefore;
    const eventAt = vietnamInstant(occurrence.start);
    const plan = planReminder({ dueAt: vietnamInstant(reminderDay(occurrence, daysBefore), deps.quiet.to), eventAt, now, quiet: deps.quiet });
    if ("waitUntil" in plan) continue;
    if (!(await deps.subscriptions.claim(subscription.id, occurrence.start))) continue;
    const source = { kind: "festival-reminder" as const, ref: subscription.id, label: `Nhắc ${festival.names.vi} (${occurrence.start})` };
    const outcome = "drop" in plan ? await drop(deps, subscription, source, now) : await send(deps, subscription, festival, occurrence, daysBetween(today, occurrence.start), source, eventAt);
    counts[outcome]++;
    deps.onOutcome?.(outcome);
  }
  return counts;
}

async function drop(deps: FestivalReminderDeps, subscription: Subscription, source: { kind: "festival-reminder"; ref: string; label: string }, now: number): Promise<ReminderOutcome> {
  await deps.kept.recordDropped({ person: subscription.person, reply: { text: "" }, purpose: "festival_reminder", source }, now);
  return "dropped";
}

async function send(
  deps: FestivalReminderDeps,
  subscription: Subscription,
  festival: Festival,
  occurrence: NonNullable<ReturnType<typeof upcomingOccurrence>>,
  daysLeft: number,
  source: { kind: "festival-reminder"; ref: string; label: string },
  eventAt: number,
): Promise<ReminderOutcome> {
  const reply = festivalReminder(subscription, festival, occurrence, daysLeft, subscription.language);
  try {
    // Templates are approved in Vietnamese and English: a Chinese or Korean subscriber's template is the English one.
    const lang = viOrEn(subscription.language);
    const name = inLanguage(festival.names, lang);
    // The facts of a template (a Messenger utility message, where configured): `festival`, `date`, `days_left`.
    const template = {
      language: lang,
      title: name,
      fields: [
        { name: "festival", value: name },
        { name: "date", value: formatDate(occurrence.start, lang) },
        { name: "days_left", value: String(daysLeft) },
      ],
    };
    const result = await deps.sender.send(subscription.person, reply, { purpose: "festival_reminder", source, deliverUntil: eventAt, template });
    return result.status;
  } catch (error) {
    // Network or platform trouble: the claim is given back and the next run tries again (still on time or dropped).
    await deps.subscriptions.release(subscription.id, occurrence.start);
    deps.logger.error({ err: error, subscription: subscription.id }, "festival reminder not sent; tried again on the next run");
    return "failed";
  }
}

/** The running festival reminders. */
export interface FestivalReminders {
  /** One run now (tests); resolves to the outcomes' counts. */
  tick(): Promise<Record<ReminderOutcome, number>>;
  stop(): void;
}

/**
 * Runs the festival reminders on start and every `intervalMs` (default 10 minutes), one run at a time. The timer does
 * not keep the process alive.
 *
 * @example const reminders = startFestivalReminders(deps); await reminders.tick(); reminders.stop();
 */
export function startFestivalReminders(deps: FestivalReminderDeps, intervalMs = 10 * 60_000): FestivalReminders {
  let running: Promise<Record<ReminderOutcome, number>> | undefined;
  const empty = (): Record<ReminderOutcome, number> => ({ sent: 0, kept: 0, dropped: 0, failed: 0 });
  const tick = () => {
    const current = (running ?? Promise.resolve(empty())).catch(empty).then(() => runFestivalReminders(deps));
    running = current;
    return current;
  };
  const logged = () => void tick().catch((error: unknown) => deps.logger.error({ err: error }, "festival reminder run failed"));
  const timer = setInterval(logged, intervalMs);
  timer.unref();
  logged();
  return { tick, stop: () => clearInterval(timer) };
}
