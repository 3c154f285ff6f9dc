import type { Choice } from "../core/message.js";
import { choicePayload } from "./choice-payload.js";
import { say, type Language } from "./bilingual.js";

/** Payloads of the main menu; features answer them. */
export const MENU = {
  festivals: "menu:festivals",
  heritage: "menu:heritage",
  classes: "menu:classes",
  report: "menu:report",
  handoff: "menu:handoff",
} as const;

/**
 * The "Đăng ký" choice under a class in the class list (answers) that starts registration (registration):
 * "class:register:<id>", or "class:register" alone to pick a class.
 */
export const REGISTER_CHOICE = choicePayload("class:register");

/** The main menu as choices: Lễ hội, Di sản, Lớp Quan họ, Phản ánh, Gặp cán bộ. */
export function mainMenu(language: Language): Choice[] {
  return [
    { title: say(language, { vi: "Lễ hội", en: "Festivals", zh: "节日庙会", ko: "축제" }), payload: MENU.festivals },
    { title: say(language, { vi: "Di sản", en: "Heritage", zh: "文化遗产", ko: "문화유산" }), payload: MENU.heritage },
    // Classes and reports stay Vietnamese/English: a zh/ko speaker who taps them is told so (src/features/language).
    { title: say(language, { vi: "Lớp Quan họ", en: "Quan họ classes", zh: "官贺课程", ko: "관호 수업" }), payload: MENU.classes },
    { title: say(language, { vi: "Phản ánh", en: "Report", zh: "举报", ko: "신고" }), payload: MENU.report },
    { title: say(language, { vi: "Gặp cán bộ", en: "Talk to staff", zh: "人工客服", ko: "직원 연결" }), payload: MENU.handoff },
  ];
}
