import type { Logger } from "pino";
import type { ClassEntry, ContentPack } from "../../content/index.js";
import type { Reply } from "../../core/message.js";
import type { ReachSender } from "../../reach/reach-sender.js";
import { vietnamInstant } from "../../reach/vietnam-clock.js";
import { classKindName, REMINDER_PAYLOADS } from "./reminder-texts.js";
import { dayWithWeekday } from "./festival-occurrence.js";
import { inLanguage, say, type Bilingual } from "../../shared/bilingual.js";
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

/** "Có lớp Quan họ mới: …" with the register and stop buttons, in the language the person subscribed in. */
export function classOpeningReply(subscription: Subscription, entry: ClassEntry): Reply {
  const lang = subscription.language;
  const title = inLanguage(entry.title, lang);
  const first = entry.firstSession && dayWithWeekday(entry.firstSession, lang);
  const schedule = entry.schedule && inLanguage(entry.schedule, lang);
  const place = entry.place && inLanguage(entry.place, lang);
  const kind = classKindName(entry.kind, lang);
  const line = (text: Bilingual, value: string | undefined) => value && say(lang, text, { value });
  const lines = [
    say(lang, { vi: "Có {kind} mới: {title}.", en: "New {kind}: {title}.", zh: "新的{kind}：{title}。", ko: "새 {kind}: {title}." }, { kind: lang === "en" ? kind.replace(/ classes$/, " class") : kind, title }),
    line({ vi: "Buổi đầu: {value}.", en: "First session: {value}.", zh: "第一节课：{value}。", ko: "첫 수업: {value}." }, first),
    line({ vi: "Lịch học: {value}", en: "Schedule: {value}", zh: "上课时间：{value}", ko: "수업 일정: {value}" }, schedule),
    line({ vi: "Địa điểm: {value}", en: "Place: {value}", zh: "地点：{value}", ko: "장소: {value}" }, place),
    // Registration is written in Vietnamese and English (issue 17): said before they tap Register.
    lang === "zh" || lang === "ko" ? say(lang, { vi: "", en: "", zh: "报名用越南语或英语进行。", ko: "수강 신청은 베트남어나 영어로 진행됩니다." }) : undefined,
  ];
  return {
    text: lines.filter(Boolean).join("\n"),
    choices: [
      { title: say(lang, { vi: "Đăng ký", en: "Register", zh: "报名", ko: "신청하기" }), payload: `class:register:${entry.id}` },
      { title: say(lang, { vi: "Hủy nhắc", en: "Stop these messages", zh: "取消提醒", ko: "알림 취소" }), payload: REMINDER_PAYLOADS.end(subscription.id) },
    ],
  };
}
