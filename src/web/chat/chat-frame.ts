/**
 * The web chat's frame in the person's language: page title, header, input label and placeholder, the send button,
 * the typing and error lines, and the first greeting. A map per language; Chinese and Korean are complete.
 *
 * @example chatFrame("zh").placeholder // "输入问题，例如：林会今年是哪天？"
 */
import type { Language } from "../../nlu/index.js";

/** Every text of the frame. */
export interface ChatFrame {
  lang: Language;
  title: string;
  logLabel: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  typing: string;
  sendFailed: string;
  offline: string;
  note: string;
  /** The label over a staff member's reply. */
  staff: string;
  /** Shown while a staff handoff is open. */
  waiting: string;
  /** The photo button, and the person's line for a photo. */
  photo: string;
  /** The location button, and the person's line for a shared location. */
  location: string;
  /** The browser did not give a location. */
  noLocation: string;
  /** The first bubble, with the pack's name put in. */
  greeting: (packName: string) => string;
}

const FRAMES: Record<Language, ChatFrame> = {
  vi: {
    lang: "vi",
    title: "Trợ lý văn hóa",
    logLabel: "Cuộc trò chuyện",
    inputLabel: "Tin nhắn",
    placeholder: "Nhập câu hỏi, ví dụ: Hội Lim năm nay ngày nào?",
    send: "Gửi",
    typing: "Đang trả lời…",
    sendFailed: "Không gửi được tin nhắn. Vui lòng thử lại.",
    offline: "Mất kết nối. Vui lòng thử lại.",
    note: "Bản trò chuyện trên web dùng cùng nội dung với Zalo OA và Facebook.",
    staff: "Cán bộ",
    waiting: "Đang chờ cán bộ trả lời. Tin nhắn của bạn vẫn được chuyển đến cán bộ.",
    photo: "📷 Ảnh",
    location: "📍 Vị trí",
    noLocation: "Trình duyệt chưa cho phép chia sẻ vị trí, hoặc không xác định được vị trí.",
    greeting: (pack) =>
      `Xin chào! Mình là trợ lý văn hóa của ${pack}. Mình có thể giúp tra cứu lễ hội, di tích – di sản, lớp Quan họ, nhận phản ánh vi phạm trong hoạt động văn hóa, hoặc chuyển bạn tới cán bộ. Bạn muốn tìm hiểu gì?`,
  },
  en: {
    lang: "en",
    title: "Culture assistant",
    logLabel: "Conversation",
    inputLabel: "Message",
    placeholder: "Type a question, e.g. When is the Lim Festival this year?",
    send: "Send",
    typing: "Replying…",
    sendFailed: "The message could not be sent. Please try again.",
    offline: "Connection lost. Please try again.",
    note: "This web chat uses the same content as the Zalo OA and the Facebook page.",
    staff: "Staff",
    waiting: "Waiting for staff to answer. Your messages still reach them.",
    photo: "📷 Photo",
    location: "📍 Location",
    noLocation: "The browser did not share your location, or could not find it.",
    greeting: (pack) => `Hello! I am the culture assistant of ${pack}. I can help with festivals, heritage, Quan ho classes and reports, or put you in touch with staff. What would you like to know?`,
  },
  zh: {
    lang: "zh",
    title: "文化助手",
    logLabel: "对话",
    inputLabel: "消息",
    placeholder: "输入问题，例如：林会今年是哪天？",
    send: "发送",
    typing: "正在回复…",
    sendFailed: "消息发送失败，请重试。",
    offline: "网络连接中断，请重试。",
    note: "网页聊天与 Zalo 公众号和 Facebook 主页使用相同的内容。",
    staff: "工作人员",
    waiting: "正在等待工作人员回复，您的消息仍会转给工作人员。",
    photo: "📷 照片",
    location: "📍 位置",
    noLocation: "浏览器未允许共享位置，或无法确定位置。",
    greeting: (pack) => `您好！我是${pack}的文化助手，可以为您查询节日庙会、文化遗产和联系方式，也可以为您转接工作人员。您想了解什么？`,
  },
  ko: {
    lang: "ko",
    title: "문화 도우미",
    logLabel: "대화",
    inputLabel: "메시지",
    placeholder: "질문을 입력하세요. 예: 올해 림 축제는 언제예요?",
    send: "보내기",
    typing: "답변 중…",
    sendFailed: "메시지를 보내지 못했습니다. 다시 시도해 주세요.",
    offline: "연결이 끊겼습니다. 다시 시도해 주세요.",
    note: "웹 채팅은 Zalo 공식 계정, Facebook 페이지와 같은 내용을 사용합니다.",
    staff: "직원",
    waiting: "직원의 답변을 기다리고 있습니다. 메시지는 계속 직원에게 전달됩니다.",
    photo: "📷 사진",
    location: "📍 위치",
    noLocation: "브라우저가 위치 공유를 허용하지 않았거나 위치를 찾지 못했습니다.",
    greeting: (pack) => `안녕하세요! ${pack} 문화 도우미입니다. 축제, 문화유산, 연락처를 안내해 드리고 직원과 연결해 드릴 수도 있어요. 무엇이 궁금하세요?`,
  },
};

/** The frame in `lang`. */
export function chatFrame(lang: Language): ChatFrame {
  return FRAMES[lang];
}

/**
 * The language of a first visit, before the person has written: `?lang=zh`, else the browser's Accept-Language
 * (its first of vi, en, zh, ko), else Vietnamese.
 * @example firstVisitLanguage(undefined, "ko-KR,ko;q=0.9,en;q=0.8") // "ko"
 */
export function firstVisitLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  if (query === "vi" || query === "en" || query === "zh" || query === "ko") return query;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "vi" || tag === "en" || tag === "zh" || tag === "ko") return tag;
  }
  return "vi";
}
