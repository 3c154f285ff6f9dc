/**
 * Answers: pure functions from an understood message (`AnswerInput`) to a neutral `Reply`. No HTTP, no channels.
 * See docs/answers.md for what each answer says and why.
 *
 * @example
 * import { answer, answerChoice, createPlanEngine } from "src/features/answers/index.js";
 * const plans = createPlanEngine(library.packs.values());          // once per content library
 * const reply = await answer({ text, intent, language, entities, today, pack, plans });
 * const tapped = answerChoice("festival:hoi-lim", { language, today, pack }); // null: not ours
 */
export type { AnswerEntities, AnswerInput, AnswerIntent, AnswerLanguage } from "./answer-input.js";
export { answer, ANSWER_INTENTS, isAnswerIntent, type AnsweredIntent } from "./answer.js";
export { answerChoice, CHOICE_PREFIXES } from "./answer-choice.js";
export { answerFestivalDates, festivalCard, unknownFestival, upcomingReply, type FestivalCardOptions } from "./festival-dates.js";
export { festivalsBetween, upcomingFestivals, UPCOMING_DAYS, UPCOMING_MIN, type DatedFestival } from "./festival-list.js";
export { festivalWindow, type FestivalWindow } from "./festival-window.js";
export { unknownFestivalName } from "./festival-mention.js";
export { describeOccurrence, shortWhen, tenseOf, type OccurrenceTense } from "./festival-when.js";
export { answerHeritage, heritageCard, heritageList, LIST_MAX } from "./heritage-info.js";
export { answerContact, contactCard, contactList } from "./contact-info.js";
export { answerClasses, classesReply, registerPayload } from "./class-info.js";
export { answerPlan, createPlanEngine, planAnswer, planEngineFor } from "./plans/plan-info.js";
export { routeByEvidence, type Route } from "./plans/route-by-evidence.js";
export { planQuestionFirst } from "./plans/plan-question-first.js";
export { answerGreeting, answerThanks } from "./courtesy.js";
export { answerOutOfScope } from "./out-of-scope.js";
export { speaker, staffChoice, type Speaker } from "./answer-text.js";
export type { PlanEngine } from "../../plans/index.js";
export { plansOf } from "./plans/plans-of.js";
export { warmAnswerPath } from "./warm-up.js";
