import type { Choice } from "../core/message.js";
import type { Language } from "../nlu/index.js";

/** Payloads of the main menu; features answer them. */
export const MENU = {
  festivals: "menu:festivals",
  heritage: "menu:heritage",
  classes: "menu:classes",
  report: "menu:report",
  handoff: "menu:handoff",
} as const;

// The menu's titles per language (classes and reports stay Vietnamese/English; a zh/ko speaker who taps them is
// told so in their language and offered English or staff).
const TITLES: Record<Language, Record<keyof typeof MENU, string>> = {
  vi: { festivals: "Lễ hội", heritage: "Di sản", classes: "Lớp Quan họ", report: "Phản ánh", handoff: "Gặp cán bộ" },
  en: { festivals: "Festivals", heritage: "Heritage", classes: "Quan họ classes", report: "Report", handoff: "Talk to staff" },
  zh: { festivals: "节日庙会", heritage: "文化遗产", classes: "官贺课程", report: "举报", handoff: "人工客服" },
  ko: { festivals: "축제", heritage: "문화유산", classes: "관호 수업", report: "신고", handoff: "직원 연결" },
};

/** The main menu as choices: Lễ hội, Di sản, Lớp Quan họ, Phản ánh, Gặp cán bộ (in the person's language). */
export function mainMenu(language: Language): Choice[] {
  const titles = TITLES[language];
  return (Object.keys(MENU) as (keyof typeof MENU)[]).map((key) => ({ title: titles[key], payload: MENU[key] }));
}
