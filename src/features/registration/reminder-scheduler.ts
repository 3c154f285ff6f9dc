import type { Services } from "../../shared/services.js";
import { addDays, formatDate, weekdayName } from "../../calendar/index.js";
import { pinnedNow, planReminder, vietnamInstant, vietnamWallClock } from "../../reach/index.js";
import { classStartMinute, clockText } from "./class-start.js";
import type { ClassEntry } from "../../content/index.js";
import type { Reply } from "../../core/message.js";
import type { Registration } from "../../domain/registration.js";
import { classPhrase, classTitle } from "./class-title.js";
import { classTemplate, consentedPhone } from "./class-template.js";
import { updateDocument } from "../../store/update-document.js";
import { REGISTRATIONS } from "./registration-service.js";

/** What the day-before reminders need. */
export type ReminderDeps = Pick<Services, "store" | "reach" | "knowledge" | "config" | "logger" | "now">;

/**
 * The day-before reminder for classes: on start and every few minutes, registrations (not the waiting list)
 * whose class's first session is tomorrow (Asia/Ho_Chi_Minh) and that were not reminded yet get a message
 * through the kind the reach policy allows (src/reach: sent within the channel's window, otherwise kept until the
 * person writes, and never delivered after the class has started), and are marked `reminderSentAt` durably.
 * On time or not at all: not in the quiet hours (21:00–07:00 by default: a reminder due then waits for the
 * morning, "hôm nay lúc 19:30" when the class time is known and still ahead); a reminder that can no longer arrive
 * before the class starts is dropped, marked `reminderDroppedAt`, counted and listed for staff. Everything it needs is in the store, so a restart simply carries on; a
 * registration is never reminded twice, also when several instances run it (each reminder is claimed first).
 *
 * @example
 * const reminders = startReminderScheduler(services);      // in server.ts, after createApp
 * await reminders.tick();                                   // tests: run once now
 * reminders.stop();                                         // on shutdown
 */

/** Default time between runs. */
export const REMINDER_INTERVAL_MS = 10 * 60_000;

/** The running scheduler. */
export interface ReminderScheduler {
  /** Runs once; `now` (epoch ms) picks the day (BOT_TODAY still wins when set). Resolves to the number of reminders sent or kept. */
  tick(now?: number): Promise<number>;
  stop(): void;
}

/** The reminder text, in the person's language: "ngày mai", or "hôm nay lúc 19:30" when sent on the day. */
export function reminderReply(registration: Registration, cls: ClassEntry, sameDay = false): Reply {
  const lang = registration.language;
  const en = lang === "en";
  const start = classStartMinute(cls);
  const day = `${weekdayName(cls.firstSession!, lang)} ${formatDate(cls.firstSession!, lang)}`;
  if (sameDay && start !== undefined) {
    const when = en ? `today, ${day}, at ${clockText(start)}` : `hôm nay, ${day}, lúc ${clockText(start)}`;
    return { text: reminderLines(registration, cls, en ? `Reminder: the first session of ${classTitle(cls, lang)}${childOf(registration, en)} is ${when}.` : `Nhắc lịch: ${when}, là buổi học đầu tiên ${classPhrase(cls, lang)}${childOf(registration, en)}.`) };
  }
  const place = cls.place ? (en ? (cls.place.en ?? cls.place.vi) : cls.place.vi) : undefined;
  const schedule = cls.schedule ? (en ? (cls.schedule.en ?? cls.schedule.vi) : cls.schedule.vi) : undefined;
  const who = registration.child ? (en ? ` for ${registration.child.name}` : ` của bé ${registration.child.name}`) : "";
  const lines = en
    ? [`Reminder: the first session of ${classTitle(cls, lang)}${who} is tomorrow, ${day}.`, schedule && `Schedule: ${schedule}`, place && `Place: ${place}`, `Registration code: ${registration.code}.`]
    : [`Nhắc lịch: ngày mai, ${day}, là buổi học đầu tiên ${classPhrase(cls, lang)}${who}.`, schedule && `Lịch học: ${schedule}`, place && `Địa điểm: ${place}`, `Mã đăng ký: ${registration.code}.`];
  return { text: lines.filter(Boolean).join("\n") };
}

function childOf(registration: Registration, en: boolean): string {
  return registration.child ? (en ? ` for ${registration.child.name}` : ` của bé ${registration.child.name}`) : "";
}

function reminderLines(registration: Registration, cls: ClassEntry, first: string): string {
  const en = registration.language === "en";
  const place = cls.place ? (en ? (cls.place.en ?? cls.place.vi) : cls.place.vi) : undefined;
  const schedule = cls.schedule ? (en ? (cls.schedule.en ?? cls.schedule.vi) : cls.schedule.vi) : undefined;
  return [first, schedule && (en ? `Schedule: ${schedule}` : `Lịch học: ${schedule}`), place && (en ? `Place: ${place}` : `Địa điểm: ${place}`), en ? `Registration code: ${registration.code}.` : `Mã đăng ký: ${registration.code}.`]
    .filter(Boolean)
    .join("\n");
}

/** Claims of reminders being sent, by registration code (collection `reminder-claims`). */
const REMINDER_CLAIMS = "reminder-claims";

/** How long a claim holds: an instance that died while sending leaves its claim, which another takes over after this. */
export const REMINDER_CLAIM_MS = 15 * 60_000;

/**
 * Claims the reminder of one registration for this instance: true when no other instance holds it. The claim is a
 * document changed with updateDocument (written only at the revision it was read at), so of several instances
 * running at the same moment exactly one gets it; a claim older than REMINDER_CLAIM_MS (its instance died) can be taken over.
 */
async function claimReminder(services: ReminderDeps, code: string, now: number): Promise<boolean> {
  let claimed = false;
  await updateDocument(
    services.store.collection<{ claimedAt: number }>(REMINDER_CLAIMS),
    code,
    (current) => {
      claimed = !current || now - current.claimedAt >= REMINDER_CLAIM_MS;
      return claimed ? { claimedAt: now } : undefined;
    },
    { durable: true },
  );
  return claimed;
}

/**
 * Starts the scheduler: one run now, then one every `intervalMs`. The timer does not keep the process alive.
 */
export function startReminderScheduler(
  services: ReminderDeps,
  options: { intervalMs?: number; onOutcome?: (outcome: "sent" | "kept" | "failed" | "dropped") => void } = {},
): ReminderScheduler {
  let running: Promise<number> | undefined;

  async function run(now: number): Promise<number> {
    // The pinned day (BOT_TODAY) with the clock's time of day: quiet hours and class times are wall-clock times.
    const at = pinnedNow(now, services.config.BOT_TODAY);
    const today = vietnamWallClock(at).date;
    const quiet = services.reach.quiet;
    const registrations = services.store.collection<Registration>(REGISTRATIONS);
    let count = 0;
    for (const registration of await registrations.find({ status: "registered" })) {
      if (registration.reminderSentAt !== undefined || registration.reminderDroppedAt !== undefined) continue;
      const cls = services.knowledge.content.packs.get(registration.packId)?.class(registration.classId);
      const first = cls?.firstSession;
      // Yesterday's classes are looked at once more, to count a reminder that never went (the server was down).
      if (!cls || !first || first < addDays(today, -1) || first > addDays(today, 1)) continue;
      const start = classStartMinute(cls);
      const eventAt = vietnamInstant(first, start ?? 0);
      const plan = planReminder({ dueAt: vietnamInstant(addDays(first, -1), quiet.to), eventAt, now: at, quiet });
      if ("waitUntil" in plan) continue;
      // Every instance runs this scheduler: the one that claims the registration sends its reminder.
      if (!(await claimReminder(services, registration.code, now))) continue;
      const source = { kind: "class-reminder" as const, ref: registration.code, label: `Nhắc lịch ${classTitle(cls, "vi")}` };
      if ("drop" in plan) {
        await services.reach.kept.recordDropped({ person: registration.person, reply: reminderReply(registration, cls), purpose: "class_reminder", source }, now);
        await updateDocument(registrations, registration.code, (current) => current && { ...current, reminderDroppedAt: now }, { durable: true });
        options.onOutcome?.("dropped");
        services.logger.info({ code: registration.code }, "class reminder dropped: it could not arrive before the class");
        continue;
      }
      try {
        const result = await services.reach.sender.send(registration.person, reminderReply(registration, cls, today === first), {
          purpose: "class_reminder",
          source,
          deliverUntil: eventAt,
          template: classTemplate(registration, cls),
          ...(consentedPhone(registration) ? { phone: consentedPhone(registration) } : {}),
        });
        // Marked on the stored copy: staff may have changed the registration meanwhile (attendance).
        const sentAt = services.now();
        await updateDocument(registrations, registration.code, (current) => current && { ...current, reminderSentAt: sentAt }, { durable: true });
        options.onOutcome?.(result.status);
        count++;
      } catch (error) {
        await services.store.collection(REMINDER_CLAIMS).delete(registration.code).catch(() => undefined);
        services.logger.error({ err: error, code: registration.code }, "class reminder failed; retried on the next run");
      }
    }
    return count;
  }

  // One run at a time: a slow run and the next timer tick must not remind the same person twice.
  function tick(now: number = services.now()): Promise<number> {
    const previous = running ?? Promise.resolve(0);
    const current = previous.catch(() => 0).then(() => run(now));
    running = current;
    return current;
  }

  const timer = setInterval(() => {
    tick().catch((error) => services.logger.error({ err: error }, "class reminder run failed"));
  }, options.intervalMs ?? REMINDER_INTERVAL_MS);
  timer.unref();
  tick().catch((error) => services.logger.error({ err: error }, "class reminder run failed"));
  return {
    tick,
    stop() {
      clearInterval(timer);
    },
  };
}
