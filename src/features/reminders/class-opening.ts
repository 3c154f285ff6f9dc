import type { Logger } from "pino";
import type { ClassEntry, ContentPack } from "../../content/index.js";
import { formatDate, weekdayName } from "../../calendar/index.js";
import type { Reply } from "../../core/message.js";
import type { ReachSender } from "../../reach/reach-sender.js";
import { vietnamInstant } from "../../reach/vietnam-clock.js";
import { classKindName, REMINDER_PAYLOADS } from "./reminder-texts.js";
import type { Subscription } from "../../shared/subscription.js";
import type { SubscriptionService } from "../../shared/subscription-service.js";

/** What telling subscribers about a new class needs. */
export interface ClassOpeningDeps {
  subscriptions: SubscriptionService;
  sender: ReachSender;
  logger: Logger;
}

/** The classes of every pack that take registrations now, by "pack/class" key. */
export function openClasses(packs: Iterable<ContentPack>): Map<string, { pack: ContentPack; entry: ClassEntry }> {
  const open = new Map<string, { pack: ContentPack; entry: ClassEntry }>();
  for (const pack of packs) for (const entry of pack.classes) if (entry.status === "open") open.set(`${pack.id}/${entry.id}`, { pack, entry });
  return open;
}

/**
 * Watches content reloads (staff add or open a class in the console): each class that takes registrations now and
 * did not before is announced to the people subscribed to its kind in its pack ("báo cho tôi khi có lớp quan họ
 * mới"). Classes open at start-up are not announced. Returns the function to call after each reload.
 *
 * @example knowledge.onReload(watchClassOpenings(() => knowledge.content.packs.values(), deps));
 */
export function watchClassOpenings(packs: () => Iterable<ContentPack>, deps: ClassOpeningDeps): () => Promise<void> {
  let known = new Set(openClasses(packs()).keys());
  return async () => {
    const now = openClasses(packs());
    const opened = [...now.entries()].filter(([key]) => !known.has(key)).map(([, value]) => value);
    known = new Set(now.keys());
    for (const { pack, entry } of opened) await announceClass(pack, entry, deps).catch((error: unknown) => deps.logger.error({ err: error, classId: entry.id }, "class opening not announced"));
  };
}

/** Sends the new class to the pack's subscribers of its kind; resolves to how many were sent or kept. */
export async function announceClass(pack: ContentPack, entry: ClassEntry, deps: ClassOpeningDeps): Promise<number> {
  let count = 0;
  for (const subscription of await deps.subscriptions.active({ topicKey: `class:${entry.kind}`, packId: pack.id })) {
    // Claimed first: two instances reloading the same content announce it once.
    if (!(await deps.subscriptions.claim(subscription.id, entry.id))) continue;
    const deliverUntil = entry.firstSession ? vietnamInstant(entry.firstSession) : undefined;
    try {
      await deps.sender.send(subscription.person, classOpeningReply(subscription, entry), {
        purpose: "class_opening",
        source: { kind: "class-opening", ref: `${entry.id}:${subscription.id}`, label: `Lớp mới: ${entry.title.vi}` },
        deliverUntil,
      });
      count++;
    } catch (error) {
      await deps.subscriptions.release(subscription.id, entry.id);
      deps.logger.error({ err: error, subscription: subscription.id }, "class opening not sent");
    }
  }
  return count;
}

/** "Có lớp Quan họ mới: …" with the register and stop buttons. */
export function classOpeningReply(subscription: Subscription, entry: ClassEntry): Reply {
  const lang = subscription.language;
  const en = lang === "en";
  const title = en ? (entry.title.en ?? entry.title.vi) : entry.title.vi;
  const first = entry.firstSession && `${weekdayName(entry.firstSession, lang)} ${formatDate(entry.firstSession, lang)}`;
  const schedule = entry.schedule && (en ? (entry.schedule.en ?? entry.schedule.vi) : entry.schedule.vi);
  const place = entry.place && (en ? (entry.place.en ?? entry.place.vi) : entry.place.vi);
  const kind = classKindName(entry.kind, lang);
  const lines = en
    ? [`New ${kind.replace(/ classes$/, " class")}: ${title}.`, first && `First session: ${first}.`, schedule && `Schedule: ${schedule}`, place && `Place: ${place}`]
    : [`Có ${kind} mới: ${title}.`, first && `Buổi đầu: ${first}.`, schedule && `Lịch học: ${schedule}`, place && `Địa điểm: ${place}`];
  return {
    text: lines.filter(Boolean).join("\n"),
    choices: [
      { title: en ? "Register" : "Đăng ký", payload: `class:register:${entry.id}` },
      { title: en ? "Stop these messages" : "Hủy nhắc", payload: REMINDER_PAYLOADS.end(subscription.id) },
    ],
  };
}
