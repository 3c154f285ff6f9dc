/**
 * A how-many question the plans talk about but give no figure for ("phường định làm mấy cái clip quảng bá", "tỉnh
 * có bao nhiêu du khách dự festival"): instead of "not covered", the reply says the plan gives no figure for exactly
 * this (a figure it gives may count something near it: "01 đến 02 sản phẩm truyền thông số" for clips) and quotes what
 * the plan does say about it, as a what-question would be answered. Never a number the plan lacks: the
 * quote is the plan's own text. Not for what plans never hold (a name, a phone, a fee: NEVER_IN_PLANS), nor when the
 * plans barely talk about the question, nor for an amount of money (their "not covered" stays). Staff are offered.
 *
 * @example
 * answerWithoutFigure(engine, engine.question("phuong dinh lam may cai clip quang ba", "vi"), ctx, notCovered)
 * // { text: "Kế hoạch không nêu con số riêng cho việc này; nội dung liên quan:\nTheo Kế hoạch …, mục III.2 (…):\n“…”", … }
 */
import { fold } from "../nlu/fold.js";
import { ASKS_AMOUNT, NEVER_IN_PLANS } from "./answer-needs.js";
import type { PlanAnswer, PlanAskContext } from "./plan-answer.js";
import type { PlanEngine } from "./plan-engine.js";
import { PlanQuestion } from "./plan-question.js";

/** Words of the question the plans must hold before a related passage is quoted for it. */
const MIN_TOPIC_WORDS = 2;

const NO_FIGURE = {
  vi: "Kế hoạch không nêu con số riêng cho việc này; nội dung liên quan:",
  en: "The plan gives no figure for exactly this; what it says about it:",
  zh: "计划没有专门给出这方面的数字；相关内容：",
  ko: "계획에는 이것만을 위한 수치가 없습니다. 관련 내용:",
} as const;

const STAFF = {
  vi: "Bạn có thể chọn “Gặp cán bộ” để hỏi thêm cán bộ văn hóa.",
  en: "You can choose “Talk to staff” to ask the culture office.",
  zh: "您可以选择“人工客服”，由文化部门的工作人员回答。",
  ko: "‘직원 연결’을 선택하시면 문화 담당 직원이 답변해 드립니다.",
} as const;

/** The "no figure, but this is what the plan says" answer to a how-many question `refused` left uncovered, or `refused`. */
export function answerWithoutFigure(engine: PlanEngine, question: PlanQuestion, ctx: PlanAskContext, refused: PlanAnswer): PlanAnswer {
  // (An amount of money the plan does not give stays "not covered": its funding passage is no answer to "how much".)
  const folded = fold(question.text);
  if (refused.covered || question.shape.type !== "how_many" || NEVER_IN_PLANS.test(folded) || ASKS_AMOUNT.test(folded)) return refused;
  const evidence = engine.evidence(question, ctx.lineage);
  if (evidence.topic < engine.minCoverage || evidence.topicWords < MIN_TOPIC_WORDS) return refused;
  const related = engine.answer(new PlanQuestion(question.text, question.english, { type: "what" }), ctx);
  if (!related.covered) return refused;
  const said = NO_FIGURE[ctx.language];
  // (An English what-answer opens with "The plan's section “…” says:"; after this line it would say it twice.)
  const text = related.text.replace(/^The plan's section “[^\n]*” says:\n/, "");
  return { ...related, text: `${said}\n${text}\n${STAFF[ctx.language]}`, lead: related.lead ? `${said}\n${related.lead}` : said, type: "how_many" };
}
