/**
 * The answers to the asks of one message (src/plans/plan-asks.ts) as one reply. Answers from the same section of
 * the same plan share it: their leads one after the other, then the citation and the quote once ("Số hiệu: 220/KH-
 * UBND. Người ký: Vương Quốc Tuấn. Theo phần đầu văn bản …"). Otherwise each answer is said in turn; an ask the
 * plans do not answer says so by name ("Về “bao nhiêu tiền”: … chưa đề cập nội dung này."), and the offer of staff
 * closes the reply once.
 *
 * @example joinAnswers([numberAnswer, signerAnswer], asks, "vi").text
 * // "Số hiệu: 220/KH-UBND.\nNgười ký: Vương Quốc Tuấn.\nTheo phần đầu văn bản Kế hoạch số 220/KH-UBND …"
 */
import type { PlanAnswer, PlanLanguage } from "./plan-answer.js";
import type { PlanAsk } from "./plan-asks.js";

const STAFF_LINE = /^(Bạn có thể chọn “Gặp cán bộ”|You can choose “Talk to staff”|您可以选择|‘직원 연결’).*$/m;
const ABOUT = { vi: (ask: string) => `Về “${ask}”:`, en: (ask: string) => `On “${ask}”:`, zh: (ask: string) => `关于“${ask}”：`, ko: (ask: string) => `“${ask}”에 대해:` };

/** One reply from the answers to a message's asks (in the asks' order). */
export function joinAnswers(answers: PlanAnswer[], asks: PlanAsk[], language: PlanLanguage): PlanAnswer {
  const body = (a: PlanAnswer) => (a.lead !== undefined && a.text.startsWith(a.lead) ? a.text.slice(a.lead.length).replace(/^\n/, "") : a.text);
  const covered = answers.filter((a) => a.covered);
  // None answered: one "not covered" (the same plans searched, the same cut-off note) rather than one per ask.
  if (covered.length === 0) return answers[0];
  const first = covered[0] ?? answers[0];
  // One section answers every ask: the leads, then what they cite once (the first answer's quote).
  const shared = answers.every((a) => a.covered && a.planId === first.planId && (body(a) === body(first) || a.sections[0] === first.sections[0]));
  let text: string;
  if (shared) {
    const leads = [...new Set(answers.map((a) => a.lead ?? "").filter(Boolean))];
    text = [...leads, body(first)].join("\n");
  } else {
    const parts: string[] = [];
    let staff: string | undefined;
    answers.forEach((a, i) => {
      if (a.covered) return parts.push(a.text);
      staff ??= a.text.match(STAFF_LINE)?.[0];
      parts.push(`${ABOUT[language](asks[i].text.replace(/[?.!]+$/, ""))} ${a.text.replace(STAFF_LINE, "").trim()}`);
    });
    text = [...new Set(parts)].join("\n\n") + (staff ? `\n${staff}` : "");
  }
  return {
    ...first,
    text,
    lead: undefined,
    covered: covered.length > 0,
    sections: [...new Set(answers.flatMap((a) => a.sections))],
    coverage: Math.max(...answers.map((a) => a.coverage)),
    quotes: answers.flatMap((a) => a.quotes),
  };
}
