import type { Choice, Reply } from "../../core/message.js";
import type { Festival } from "../../content/index.js";
import type { Occurrence } from "../../calendar/index.js";
import { dayWithWeekday, occurrenceText } from "./festival-occurrence.js";
import type { Subscription } from "../../shared/subscription.js";

/**
 * What the reminders feature says, Vietnamese first and English for people who write English. The bot calls itself
 * "mình"; no internal ids are shown (the end buttons carry them as payloads only).
 */

type Lang = "vi" | "en";
const pick = (lang: Lang, vi: string, en: string) => (lang === "en" ? en : vi);

/** Asked on a chat the bot cannot write to later (the web page, the terminal). */
export const onlyOnPlatforms = {
  vi: "Mình chỉ gửi được lời nhắc qua Zalo OA hoặc trang Facebook của phường. Bạn nhắn “nhắc tôi trước hội …” ở đó nhé.",
  en: "I can only send reminders through the ward's Zalo OA or Facebook page. Please ask me there.",
} as const;

/** A festival whose next date the content cannot give. */
export const noNextDate = {
  vi: "Mình chưa có ngày tổ chức lần tới của {vi} nên chưa đặt nhắc được.",
  en: "I do not have the next date of the {en}, so I cannot set a reminder.",
} as const;

/** Button payloads. */
export const REMINDER_PAYLOADS = {
  yes: "remind:yes",
  no: "remind:no",
  list: "remind:list",
  end: (id: string) => `remind:end:${id}`,
  festival: (id: string) => `remind:festival:${id}`,
} as const;

/** The class kinds people can follow, in words. */
export function classKindName(kind: "quan_ho" | "craft", lang: Lang): string {
  return kind === "quan_ho" ? pick(lang, "lớp Quan họ", "Quan họ classes") : pick(lang, "lớp nghề truyền thống", "traditional craft classes");
}

/** Why the bot keeps data, said before it keeps it (and how to undo it). */
function whyWeKeep(lang: Lang): string {
  return pick(
    lang,
    "Để nhắn cho bạn, mình cần lưu mã người dùng của bạn trên kênh này cùng nội dung bạn chọn — chỉ dùng để gửi lời nhắc. Bạn có thể hủy bất cứ lúc nào (gõ “hủy nhắc”) hoặc yêu cầu “xóa dữ liệu của tôi”.",
    "To message you I need to keep your user id on this channel and what you chose — only to send the reminder. You can end it any time (type “cancel reminder”) or ask to “delete my data”.",
  );
}

const consent = (lang: Lang): Choice[] => [
  { title: pick(lang, "Đồng ý nhắc", "Yes, remind me"), payload: REMINDER_PAYLOADS.yes },
  { title: pick(lang, "Không", "No"), payload: REMINDER_PAYLOADS.no },
];

/** The offer for a festival, with the next occurrence's date, asking consent. */
export function festivalOffer(festival: Festival, occurrence: Occurrence, daysBefore: number, lang: Lang): Reply {
  const name = pick(lang, festival.names.vi, festival.names.en ?? festival.names.vi);
  const when = occurrenceText(festival, occurrence, lang);
  return {
    text: pick(
      lang,
      `Mình sẽ nhắc bạn ${daysBefore} ngày trước ${name}. ${name} lần tới: ${when}.\n${whyWeKeep(lang)}\nBạn đồng ý chứ?`,
      `I will remind you ${daysBefore} days before the ${name}. Next ${name}: ${when}.\n${whyWeKeep(lang)}\nShall I?`,
    ),
    choices: consent(lang),
  };
}

/** The offer for new classes of a kind. */
export function classTopicOffer(kind: "quan_ho" | "craft", lang: Lang): Reply {
  return {
    text: pick(lang, `Mình sẽ báo bạn khi có ${classKindName(kind, lang)} mới.\n${whyWeKeep(lang)}\nBạn đồng ý chứ?`, `I will tell you when new ${classKindName(kind, lang)} open.\n${whyWeKeep(lang)}\nShall I?`),
    choices: consent(lang),
  };
}

const endButton = (subscription: Subscription, lang: Lang, label?: string): Choice => ({
  title: label ?? pick(lang, "Hủy nhắc", "Stop reminder"),
  payload: REMINDER_PAYLOADS.end(subscription.id),
});

/** The confirmation of a festival subscription: the computed date and the day the reminder comes. */
export function festivalConfirmed(subscription: Subscription, festival: Festival, occurrence: Occurrence, remindOn: string | undefined, lang: Lang): Reply {
  const name = pick(lang, festival.names.vi, festival.names.en ?? festival.names.vi);
  const days = subscription.daysBefore ?? 3;
  const when = occurrenceText(festival, occurrence, lang);
  // No day when the festival is nearer than the days asked: this confirmation is the reminder for this year.
  const on = remindOn && dayWithWeekday(remindOn, lang);
  return {
    text: pick(
      lang,
      `Đã đặt nhắc ${name}: ${name} lần tới là ${when}. ${on ? `Mình sẽ nhắn bạn vào ${on} (${days} ngày trước).` : `Lễ hội đã gần; mình sẽ nhắc bạn ${days} ngày trước các lần sau.`} Xem các nhắc: gõ “nhắc của tôi”.`,
      `Reminder set for the ${name}: the next one is ${when}. ${on ? `I will message you on ${on} (${days} days before).` : `It is very soon; I will remind you ${days} days before the next ones.`} See your reminders: type “my reminders”.`,
    ),
    choices: [endButton(subscription, lang)],
  };
}

/** The confirmation of a class-topic subscription. */
export function classTopicConfirmed(subscription: Subscription & { topic: { kind: "class-topic" } }, lang: Lang): Reply {
  const what = classKindName(subscription.topic.classKind, lang);
  return {
    text: pick(lang, `Đã đặt: mình sẽ báo bạn khi có ${what} mới. Xem các nhắc: gõ “nhắc của tôi”.`, `Done: I will tell you when new ${what} open. See your reminders: type “my reminders”.`),
    choices: [endButton(subscription, lang)],
  };
}

/** The person declined: nothing kept. */
export function declined(lang: Lang): Reply {
  return { text: pick(lang, "Vâng, mình không đặt nhắc và không lưu gì cả.", "All right: no reminder, nothing kept.") };
}

/** What a subscription is about, in words. */
export function subscriptionLabel(subscription: Subscription, festivalName: (id: string) => string | undefined, lang: Lang): string {
  if (subscription.topic.kind === "class-topic") return pick(lang, `${classKindName(subscription.topic.classKind, lang)} mới`, `new ${classKindName(subscription.topic.classKind, lang)}`);
  const name = festivalName(subscription.topic.festivalId) ?? pick(lang, "lễ hội", "festival");
  return pick(lang, `${name} — ${subscription.daysBefore ?? 3} ngày trước`, `${name} — ${subscription.daysBefore ?? 3} days before`);
}

/** "nhắc của tôi": the list, one end button each. */
export function subscriptionList(subscriptions: Subscription[], label: (s: Subscription) => string, lang: Lang): Reply {
  if (subscriptions.length === 0) {
    return { text: pick(lang, "Bạn chưa đặt nhắc nào. Ví dụ: “nhắc tôi trước hội Lim” hoặc “báo cho tôi khi có lớp quan họ mới”.", "You have no reminders. For example: “remind me about the Lim festival”.") };
  }
  const lines = subscriptions.map((s, i) => `${i + 1}. ${label(s)}`);
  return {
    text: pick(lang, `Các nhắc của bạn:\n${lines.join("\n")}\nBấm một nút để hủy nhắc đó.`, `Your reminders:\n${lines.join("\n")}\nTap a button to stop one.`),
    choices: subscriptions.slice(0, 10).map((s, i) => endButton(s, lang, pick(lang, `Hủy ${i + 1}`, `Stop ${i + 1}`))),
  };
}

/** One subscription ended. */
export function ended(label: string, lang: Lang): Reply {
  return { text: pick(lang, `Đã hủy nhắc: ${label}. Mình sẽ không nhắn về việc này nữa.`, `Stopped: ${label}. I will not message you about it again.`) };
}

/** An end button for something already ended, or not the person's. */
export function nothingToEnd(lang: Lang): Reply {
  return { text: pick(lang, "Nhắc này đã được hủy trước đó.", "That reminder was already stopped."), choices: [{ title: pick(lang, "Nhắc của tôi", "My reminders"), payload: REMINDER_PAYLOADS.list }] };
}

/** "nhắc tôi trước lễ hội" with no festival named: which one? */
export function whichFestival(festivals: { festival: Festival; start: string }[], lang: Lang): Reply {
  return {
    text: pick(lang, "Bạn muốn mình nhắc trước lễ hội nào? Các lễ hội sắp tới:", "Which festival should I remind you about? Coming up:"),
    choices: festivals.slice(0, 8).map(({ festival, start }) => ({
      title: `${pick(lang, festival.names.vi, festival.names.en ?? festival.names.vi)} (${start.slice(8, 10)}/${start.slice(5, 7)})`,
      payload: REMINDER_PAYLOADS.festival(festival.id),
    })),
  };
}

/** The festival reminder itself, carrying the computed date. */
export function festivalReminder(subscription: Subscription, festival: Festival, occurrence: Occurrence, daysLeft: number, lang: Lang): Reply {
  const name = pick(lang, festival.names.vi, festival.names.en ?? festival.names.vi);
  const place = pick(lang, festival.place.vi, festival.place.en ?? festival.place.vi);
  const when = occurrenceText(festival, occurrence, lang);
  const soon = daysLeft === 1 ? pick(lang, "ngày mai", "tomorrow") : pick(lang, `còn ${daysLeft} ngày nữa`, `in ${daysLeft} days`);
  return {
    text: pick(lang, `Nhắc lịch: ${soon} là ${name} — ${when}.\nĐịa điểm: ${place}.`, `Reminder: the ${name} is ${soon} — ${when}.\nPlace: ${place}.`),
    choices: [endButton(subscription, lang)],
  };
}
