/**
 * Choices the answers offer, answered when the person taps them: "festival:<id>", "heritage:<id>",
 * "contact:<id>", and the menu entries for festivals, heritage and classes. Other payloads (reports, staff,
 * "class:register:<id>") belong to dialogs: the result is null so the caller passes them on.
 *
 * @example answerChoice("heritage:quan-ho-bac-ninh", input)?.text // "Dân ca Quan họ Bắc Ninh (…)\nUNESCO ghi danh năm 2009…"
 */
import { MENU } from "../../shared/menu.js";
import type { Reply } from "../../core/message.js";
import type { AnswerInput } from "./answer-input.js";
import { lines, speaker } from "./answer-text.js";
import { classesReply } from "./class-info.js";
import { contactCard, contactList } from "./contact-info.js";
import { festivalCard, upcomingReply } from "./festival-dates.js";
import { heritageCard, heritageList } from "./heritage-info.js";

/** The payload prefixes answered here. */
export const CHOICE_PREFIXES = ["festival:", "heritage:", "contact:"] as const;

/**
 * Answer a tapped choice, or null when the payload is not one of ours. An id no longer in the pack (content was
 * edited since the choice was sent) gets the list it came from.
 */
export function answerChoice(payload: string, input: Omit<AnswerInput, "text" | "intent" | "entities">): Reply | null {
  const { pack, language } = input;
  const full: AnswerInput = { ...input, text: "", intent: "festival_dates", entities: {} };
  switch (payload) {
    case MENU.festivals:
      return upcomingReply(full);
    case MENU.heritage:
      return heritageList(pack, language);
    case MENU.classes:
      return classesReply(pack, language, pack.classes);
  }
  const [kind, ...rest] = payload.split(":");
  const id = rest.join(":");
  if (kind === "festival") {
    const festival = pack.festival(id);
    if (festival) return festivalCard(festival, full, { detail: true });
    const list = upcomingReply(full);
    return { ...list, text: lines(gone(language), list.text) };
  }
  if (kind === "heritage") {
    const item = pack.heritageItem(id);
    return item ? heritageCard(item, pack, language) : heritageList(pack, language, true);
  }
  if (kind === "contact") {
    const contact = pack.contact(id);
    return contact ? contactCard(contact, language) : contactList(pack, language, true);
  }
  return null;
}

function gone(lang: AnswerInput["language"]): string {
  return speaker(lang).phrase({ vi: "Mục này không còn trong dữ liệu của mình.", en: "That item is no longer in my list.", zh: "这一项已不在列表中。", ko: "이 항목은 더 이상 목록에 없습니다." });
}
