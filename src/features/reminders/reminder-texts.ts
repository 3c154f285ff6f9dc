import type { Choice, Reply } from "../../core/message.js";
import type { Festival } from "../../content/index.js";
import type { Occurrence } from "../../calendar/index.js";
import { inLanguage, say, type Language } from "../../shared/bilingual.js";
import { dayWithWeekday, occurrenceText } from "./festival-occurrence.js";
import type { Subscription } from "../../shared/subscription.js";

/**
 * What the reminders feature says: Vietnamese first, and English, Chinese or Korean for people who write those. The
 * bot calls itself "mình"; no internal ids are shown (the end buttons carry them as payloads only). Festival names
 * and places come from content in the person's language (zh/ko → English → Vietnamese).
 */

/** Asked on a chat the bot cannot write to later (the web page, the terminal). */
export const onlyOnPlatforms = {
  vi: "Mình chỉ gửi được lời nhắc qua Zalo OA hoặc trang Facebook của phường. Bạn nhắn “nhắc tôi trước hội …” ở đó nhé.",
  en: "I can only send reminders through the ward's Zalo OA or Facebook page. Please ask me there.",
  zh: "我只能通过Zalo公众号或Facebook主页发送提醒，请在那里向我提出。",
  ko: "알림은 Zalo OA나 Facebook 페이지로만 보내 드릴 수 있어요. 그곳에서 요청해 주세요.",
} as const;

/** A festival whose next date the content cannot give ({name}: in the person's language). */
export const noNextDate = {
  vi: "Mình chưa có ngày tổ chức lần tới của {name} nên chưa đặt nhắc được.",
  en: "I do not have the next date of the {name}, so I cannot set a reminder.",
  zh: "我还没有{name}下一次举行的日期，所以暂时无法设置提醒。",
  ko: "{name}의 다음 일정이 아직 없어 알림을 설정할 수 없어요.",
} as const;

/** Button payloads. */
export const REMINDER_PAYLOADS = {
  yes: "remind:yes",
  no: "remind:no",
  list: "remind:list",
  end: (id: string) => `remind:end:${id}`,
  festival: (id: string) => `remind:festival:${id}`,
} as const;

/** A festival's name in the person's language. */
export const festivalName = (festival: Festival, lang: Language) => inLanguage(festival.names, lang);

/** The class kinds people can follow, in words. */
export function classKindName(kind: "quan_ho" | "craft", lang: Language): string {
  return kind === "quan_ho"
    ? say(lang, { vi: "lớp Quan họ", en: "Quan họ classes", zh: "官贺民歌课程", ko: "관호 민요 강좌" })
    : say(lang, { vi: "lớp nghề truyền thống", en: "traditional craft classes", zh: "传统手工艺课程", ko: "전통 공예 강좌" });
}

/** Why the bot keeps data, said before it keeps it (and how to undo it). */
function whyWeKeep(lang: Language): string {
  return say(lang, {
    vi: "Để nhắn cho bạn, mình cần lưu mã người dùng của bạn trên kênh này cùng nội dung bạn chọn — chỉ dùng để gửi lời nhắc. Bạn có thể hủy bất cứ lúc nào (gõ “hủy nhắc”) hoặc yêu cầu “xóa dữ liệu của tôi”.",
    en: "To message you I need to keep your user id on this channel and what you chose — only to send the reminder. You can end it any time (type “cancel reminder”) or ask to “delete my data”.",
    zh: "为了给您发消息，我需要保存您在这个渠道的用户编号和您选择的提醒内容，仅用于发送提醒。您可以随时取消（输入“取消提醒”），或要求“删除我的数据”。",
    ko: "메시지를 보내 드리려면 이 채널의 사용자 ID와 선택하신 알림 내용을 저장해야 하며, 알림을 보내는 데에만 사용합니다. 언제든지 취소하거나(“알림 취소” 입력) “내 데이터 삭제”를 요청하실 수 있어요.",
  });
}

const consent = (lang: Language): Choice[] => [
  { title: say(lang, { vi: "Đồng ý nhắc", en: "Yes, remind me", zh: "好，提醒我", ko: "네, 알려 주세요" }), payload: REMINDER_PAYLOADS.yes },
  { title: say(lang, { vi: "Không", en: "No", zh: "不用了", ko: "아니요" }), payload: REMINDER_PAYLOADS.no },
];

/** The offer for a festival, with the next occurrence's date, asking consent. */
export function festivalOffer(festival: Festival, occurrence: Occurrence, daysBefore: number, lang: Language): Reply {
  const values = { name: festivalName(festival, lang), when: occurrenceText(festival, occurrence, lang), days: daysBefore, why: whyWeKeep(lang) };
  return {
    text: say(
      lang,
      {
        vi: "Mình sẽ nhắc bạn {days} ngày trước {name}. {name} lần tới: {when}.\n{why}\nBạn đồng ý chứ?",
        en: "I will remind you {days} days before the {name}. Next {name}: {when}.\n{why}\nShall I?",
        zh: "我会在{name}开始前{days}天提醒您。下一次{name}：{when}。\n{why}\n需要我设置吗？",
        ko: "{name} 시작 {days}일 전에 알려 드릴게요. 다음 {name}: {when}.\n{why}\n설정할까요?",
      },
      values,
    ),
    choices: consent(lang),
  };
}

/** The offer for new classes of a kind. */
export function classTopicOffer(kind: "quan_ho" | "craft", lang: Language): Reply {
  const values = { kind: classKindName(kind, lang), why: whyWeKeep(lang) };
  return {
    text: say(
      lang,
      {
        vi: "Mình sẽ báo bạn khi có {kind} mới.\n{why}\nBạn đồng ý chứ?",
        en: "I will tell you when new {kind} open.\n{why}\nShall I?",
        zh: "有新的{kind}开班时，我会通知您（课程本身用越南语或英语报名）。\n{why}\n需要我设置吗？",
        ko: "새 {kind}가 열리면 알려 드릴게요(강좌 신청은 베트남어나 영어로 진행됩니다).\n{why}\n설정할까요?",
      },
      values,
    ),
    choices: consent(lang),
  };
}

const endButton = (subscription: Subscription, lang: Language, label?: string): Choice => ({
  title: label ?? say(lang, { vi: "Hủy nhắc", en: "Stop reminder", zh: "取消提醒", ko: "알림 취소" }),
  payload: REMINDER_PAYLOADS.end(subscription.id),
});

const SEE_LIST = { vi: "Xem các nhắc: gõ “nhắc của tôi”.", en: "See your reminders: type “my reminders”.", zh: "查看提醒：输入“我的提醒”。", ko: "알림 보기: “내 알림”이라고 입력하세요." };

/** The confirmation of a festival subscription: the computed date and the day the reminder comes. */
export function festivalConfirmed(subscription: Subscription, festival: Festival, occurrence: Occurrence, remindOn: string | undefined, lang: Language): Reply {
  const days = subscription.daysBefore ?? 3;
  // No day when the festival is nearer than the days asked: this confirmation is the reminder for this year.
  const on = remindOn
    ? say(lang, { vi: "Mình sẽ nhắn bạn vào {on} ({days} ngày trước).", en: "I will message you on {on} ({days} days before).", zh: "我会在{on}（提前{days}天）给您发消息。", ko: "{on}({days}일 전)에 메시지를 보내 드릴게요." }, { on: dayWithWeekday(remindOn, lang), days })
    : say(lang, { vi: "Lễ hội đã gần; mình sẽ nhắc bạn {days} ngày trước các lần sau.", en: "It is very soon; I will remind you {days} days before the next ones.", zh: "节日很快就到了；以后每次我会提前{days}天提醒您。", ko: "축제가 곧 열려요. 다음부터는 {days}일 전에 알려 드릴게요." }, { days });
  const values = { name: festivalName(festival, lang), when: occurrenceText(festival, occurrence, lang), on, list: say(lang, SEE_LIST) };
  return {
    text: say(
      lang,
      {
        vi: "Đã đặt nhắc {name}: {name} lần tới là {when}. {on} {list}",
        en: "Reminder set for the {name}: the next one is {when}. {on} {list}",
        zh: "已设置{name}提醒：下一次{name}是{when}。{on}{list}",
        ko: "{name} 알림을 설정했어요. 다음 {name}: {when}. {on} {list}",
      },
      values,
    ),
    choices: [endButton(subscription, lang)],
  };
}

/** The confirmation of a class-topic subscription. */
export function classTopicConfirmed(subscription: Subscription & { topic: { kind: "class-topic" } }, lang: Language): Reply {
  const values = { kind: classKindName(subscription.topic.classKind, lang), list: say(lang, SEE_LIST) };
  return {
    text: say(
      lang,
      {
        vi: "Đã đặt: mình sẽ báo bạn khi có {kind} mới. {list}",
        en: "Done: I will tell you when new {kind} open. {list}",
        zh: "已设置：有新的{kind}开班时我会通知您。{list}",
        ko: "설정했어요. 새 {kind}가 열리면 알려 드릴게요. {list}",
      },
      values,
    ),
    choices: [endButton(subscription, lang)],
  };
}

/** The person declined: nothing kept. */
export function declined(lang: Language): Reply {
  return { text: say(lang, { vi: "Vâng, mình không đặt nhắc và không lưu gì cả.", en: "All right: no reminder, nothing kept.", zh: "好的，不设置提醒，也不保存任何信息。", ko: "알겠습니다. 알림을 설정하지 않았고 아무것도 저장하지 않았어요." }) };
}

/** What a subscription is about, in words. */
export function subscriptionLabel(subscription: Subscription, festivalNameOf: (id: string) => string | undefined, lang: Language): string {
  if (subscription.topic.kind === "class-topic") {
    return say(lang, { vi: "{kind} mới", en: "new {kind}", zh: "新的{kind}", ko: "새 {kind}" }, { kind: classKindName(subscription.topic.classKind, lang) });
  }
  const name = festivalNameOf(subscription.topic.festivalId) ?? say(lang, { vi: "lễ hội", en: "festival", zh: "节日", ko: "축제" });
  return say(lang, { vi: "{name} — {days} ngày trước", en: "{name} — {days} days before", zh: "{name}——提前{days}天", ko: "{name} — {days}일 전" }, { name, days: subscription.daysBefore ?? 3 });
}

/** "nhắc của tôi": the list, one end button each. */
export function subscriptionList(subscriptions: Subscription[], label: (s: Subscription) => string, lang: Language): Reply {
  if (subscriptions.length === 0) {
    return {
      text: say(lang, {
        vi: "Bạn chưa đặt nhắc nào. Ví dụ: “nhắc tôi trước hội Lim” hoặc “báo cho tôi khi có lớp quan họ mới”.",
        en: "You have no reminders. For example: “remind me about the Lim festival”.",
        zh: "您还没有设置任何提醒。例如：“林会前提醒我”。",
        ko: "설정된 알림이 없어요. 예: “림 축제 전에 알려 줘”.",
      }),
    };
  }
  const lines = subscriptions.map((s, i) => `${i + 1}. ${label(s)}`).join("\n");
  return {
    text: say(
      lang,
      {
        vi: "Các nhắc của bạn:\n{lines}\nBấm một nút để hủy nhắc đó.",
        en: "Your reminders:\n{lines}\nTap a button to stop one.",
        zh: "您的提醒：\n{lines}\n点击按钮即可取消对应的提醒。",
        ko: "내 알림:\n{lines}\n버튼을 누르면 해당 알림이 취소됩니다.",
      },
      { lines },
    ),
    choices: subscriptions.slice(0, 10).map((s, i) => endButton(s, lang, say(lang, { vi: "Hủy {n}", en: "Stop {n}", zh: "取消{n}", ko: "{n}번 취소" }, { n: i + 1 }))),
  };
}

/** One subscription ended. */
export function ended(label: string, lang: Language): Reply {
  return {
    text: say(
      lang,
      {
        vi: "Đã hủy nhắc: {label}. Mình sẽ không nhắn về việc này nữa.",
        en: "Stopped: {label}. I will not message you about it again.",
        zh: "已取消提醒：{label}。我不会再就此给您发消息。",
        ko: "알림을 취소했어요: {label}. 이 일로 더 이상 메시지를 보내지 않을게요.",
      },
      { label },
    ),
  };
}

/** An end button for something already ended, or not the person's. */
export function nothingToEnd(lang: Language): Reply {
  return {
    text: say(lang, { vi: "Nhắc này đã được hủy trước đó.", en: "That reminder was already stopped.", zh: "这个提醒之前已经取消了。", ko: "이 알림은 이미 취소되었어요." }),
    choices: [{ title: say(lang, { vi: "Xem các nhắc", en: "My reminders", zh: "我的提醒", ko: "내 알림" }), payload: REMINDER_PAYLOADS.list }],
  };
}

/** "nhắc tôi trước lễ hội" with no festival named: which one? */
export function whichFestival(festivals: { festival: Festival; start: string }[], lang: Language): Reply {
  return {
    text: say(lang, {
      vi: "Bạn muốn mình nhắc trước lễ hội nào? Các lễ hội sắp tới:",
      en: "Which festival should I remind you about? Coming up:",
      zh: "您想在哪个节日前收到提醒？即将举行的节日：",
      ko: "어느 축제 전에 알려 드릴까요? 곧 열리는 축제:",
    }),
    choices: festivals.slice(0, 8).map(({ festival, start }) => ({
      title: `${festivalName(festival, lang)} (${shortDay(start, lang)})`,
      payload: REMINDER_PAYLOADS.festival(festival.id),
    })),
  };
}

/** "18/02" / "2月18日" / "2월 18일": a button's short date. */
function shortDay(iso: string, lang: Language): string {
  const [, m, d] = iso.split("-");
  if (lang === "zh") return `${Number(m)}月${Number(d)}日`;
  if (lang === "ko") return `${Number(m)}월 ${Number(d)}일`;
  return `${d}/${m}`;
}

/** The festival reminder itself, carrying the computed date. */
export function festivalReminder(subscription: Subscription, festival: Festival, occurrence: Occurrence, daysLeft: number, lang: Language): Reply {
  const soon =
    daysLeft === 1
      ? say(lang, { vi: "ngày mai", en: "tomorrow", zh: "明天", ko: "내일" })
      : say(lang, { vi: "còn {n} ngày nữa", en: "in {n} days", zh: "{n}天后", ko: "{n}일 후" }, { n: daysLeft });
  const values = { name: festivalName(festival, lang), when: occurrenceText(festival, occurrence, lang), place: inLanguage(festival.place, lang), soon };
  return {
    text: say(
      lang,
      {
        vi: "Nhắc lịch: {soon} là {name} — {when}.\nĐịa điểm: {place}.",
        en: "Reminder: the {name} is {soon} — {when}.\nPlace: {place}.",
        zh: "提醒：{name}{soon}举行——{when}。\n地点：{place}。",
        ko: "알림: {soon} {name} 일정이 있어요 — {when}.\n장소: {place}.",
      },
      values,
    ),
    choices: [endButton(subscription, lang)],
  };
}
