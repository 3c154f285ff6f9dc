/**
 * The lead of a plan answer in the person's language. Plan passages stay Vietnamese (the plans are Vietnamese
 * documents); the lead says, in the reader's language, which plan and section the passage comes from and that
 * the text below is Vietnamese. Whatever engine finds the passages calls these.
 *
 * @example planLead("zh", "Kế hoạch số 12/KH-UBND ngày 10/01/2026, mục II.1") // "根据Kế hoạch số 12/KH-UBND …（计划原文为越南语）："
 */
import { say, type Language } from "./bilingual.js";

/** "Theo <citation>:" and its translations, before a Vietnamese passage. */
export function planLead(lang: Language, citation: string): string {
  return say(lang, {
    vi: `Theo ${citation}:`,
    en: `According to ${citation} (the plan is in Vietnamese):`,
    zh: `根据${citation}（计划原文为越南语）：`,
    ko: `${citation}에 따르면 (계획 원문은 베트남어입니다):`,
  });
}

/** The answer when no plan section covers the question. */
export function planNotCovered(lang: Language, packName: string): string[] {
  return [
    say(lang, {
      vi: `Các kế hoạch văn hóa của ${packName} mà mình có chưa đề cập nội dung này.`,
      en: `The culture plans of ${packName} that I have do not mention this.`,
      zh: `我们掌握的${packName}文化计划中没有提到这项内容。`,
      ko: `제가 가진 ${packName} 문화 계획에는 이 내용이 없습니다.`,
    }),
    say(lang, {
      vi: "Bạn có thể gặp cán bộ văn hóa để được trả lời.",
      en: "The plans are in Vietnamese: you can ask again in Vietnamese, or ask the culture staff.",
      zh: "计划原文为越南语：您可以用越南语或英语再问一次，或联系文化部门工作人员。",
      ko: "계획은 베트남어로 되어 있습니다. 베트남어나 영어로 다시 묻거나 문화 담당 직원에게 문의해 주세요.",
    }),
  ];
}
