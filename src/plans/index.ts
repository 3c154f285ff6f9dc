/**
 * The plan engine, shared like src/nlu (it imports no conversation feature): the plans read into a model, fielded
 * search over their passages, question types, and answers that lead with what was asked and cite the plan as a
 * citizen names it. See docs/plans.md.
 *
 * @example
 * import { PlanEngine } from "../plans/index.js";
 * const plans = PlanEngine.fromPacks(library.packs.values());
 * plans.answer("khi nào nộp báo cáo?", { lineage: pack.lineage, language: "vi" }).text
 */
export { PlanEngine, MIN_PLAN_COVERAGE, PLAN_QUESTION_CHARS, type PlanEvidence, type PlanSource } from "./plan-engine.js";
export type { PlanAnswer, PlanAskContext, UnitName } from "./plan-answer.js";
export { PlanQuestion } from "./plan-question.js";
export { splitAsks, type PlanAsk } from "./plan-asks.js";
export { joinAnswers } from "./join-answers.js";
export { answerWithoutFigure } from "./no-figure.js";
export { readPlan, type PlanHeaderFacts, type PlanModel, type PlanPassage, type PlanSectionRef, type PlanTableRow } from "./plan-model.js";
export { PlanSearchIndex, type PlanHit, type PlanSearchOptions } from "./plan-search.js";
export { ScoredPassages } from "./scored-passages.js";
export { questionType, type HeaderFact, type QuestionShape, type QuestionType } from "./question-type.js";
export { citationLine, planName, sectionName } from "./citation.js";
export { planVocabulary, loadPlanVocabulary, type PlanVocabulary } from "./vocabulary.js";
// The LangChain retriever (PlanRetriever) is imported from ./plan-retriever.js where wanted: it loads LangChain.
