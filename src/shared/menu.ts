import type { Choice } from "../core/message.js";
import { choicePayload } from "./choice-payload.js";

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
export function mainMenu(language: "vi" | "en"): Choice[] {
  const en = language === "en";
  return [
    { title: en ? "Festivals" : "Lễ hội", payload: MENU.festivals },
    { title: en ? "Heritage" : "Di sản", payload: MENU.heritage },
    { title: en ? "Quan họ classes" : "Lớp Quan họ", payload: MENU.classes },
    { title: en ? "Report" : "Phản ánh", payload: MENU.report },
    { title: en ? "Talk to staff" : "Gặp cán bộ", payload: MENU.handoff },
  ];
}
