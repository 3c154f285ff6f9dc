/**
 * The dispatcher: one answer per intent. Report and handoff intents are dialogs (src/dialogs), not answers; the
 * caller routes them first (`isAnswerIntent`), and `answer` only falls back to the menu for them.
 *
 * @example
 * const plans = createPlanEngine(library.packs.values());
 * const reply = await answer({ ...understanding, today: todayInVietnam(process.env.BOT_TODAY), pack, plans });
 */
import { mainMenu } from "../../shared/menu.js";
import type { Reply } from "../../core/message.js";
import type { AnswerInput, AnswerIntent } from "./answer-input.js";
import { speaker } from "./answer-text.js";
import { answerClasses } from "./class-info.js";
import { answerContact } from "./contact-info.js";
import { answerGreeting, answerThanks } from "./courtesy.js";
import { answerFestivalDates, festivalCard } from "./festival-dates.js";
import { answerHeritage } from "./heritage-info.js";
import { answerOutOfScope } from "./out-of-scope.js";
import { answerPlan } from "./plans/plan-info.js";
import { routeByEvidence } from "./plans/route-by-evidence.js";
import type { PlanQuestion } from "../../plans/index.js";

/** The intents answered here. */
export const ANSWER_INTENTS = [
  "greeting",
  "thanks",
  "festival_dates",
  "heritage_info",
  "join_class",
  "plan_info",
  "contact_info",
  "out_of_scope",
] as const satisfies readonly AnswerIntent[];

/** An intent answered here. */
export type AnsweredIntent = (typeof ANSWER_INTENTS)[number];

/**
 * Whether `answer` handles this intent (the others are dialogs).
 * @example isAnswerIntent("report_violation") // false
 */
export function isAnswerIntent(intent: string): intent is AnsweredIntent {
  return (ANSWER_INTENTS as readonly string[]).includes(intent);
}

/**
 * Answer a message: routed by evidence first (a plan question goes to the plans whatever card it names; a card
 * answers what it holds), then by intent. Plan answers are asynchronous (an optional chat model words them).
 * `planQuestion`: the plan_info message's question as already read (the question-first rule), not read again.
 */
export function answer(input: AnswerInput, planQuestion?: PlanQuestion): Promise<Reply> | Reply {
  if (!isAnswerIntent(input.intent)) return byIntent(input);
  const route = routeByEvidence(input);
  if (route.route === "plan") return answerPlan(input, route.question);
  if (route.route === "festival-description") {
    return festivalCard(input.pack.festival(route.festivalId)!, input, { detail: true });
  }
  return byIntent(input, planQuestion);
}

function byIntent(input: AnswerInput, planQuestion?: PlanQuestion): Promise<Reply> | Reply {
  switch (input.intent) {
    case "greeting":
      return answerGreeting(input);
    case "thanks":
      return answerThanks(input);
    case "festival_dates":
      return answerFestivalDates(input);
    case "heritage_info": {
      // "Hội Lim là gì?": a festival asked about as heritage gets the festival's card with its description.
      const festival = input.entities.festivals?.map((id) => input.pack.festival(id)).find((f) => f !== undefined);
      if (!input.entities.heritage?.length && festival) return festivalCard(festival, input, { detail: true });
      return answerHeritage(input);
    }
    case "contact_info":
      return answerContact(input);
    case "join_class":
      return answerClasses(input);
    case "plan_info":
      return answerPlan(input, planQuestion);
    case "out_of_scope":
      return answerOutOfScope(input);
    default:
      // A dialog intent that reached the answers: offer the menu rather than pretend to handle it.
      return {
        text: speaker(input.language).phrase({ vi: "Bạn chọn một mục dưới đây để mình hỗ trợ nhé.", en: "Please pick one of the options below.", zh: "请从下面的选项中选择一项。", ko: "아래에서 하나를 선택해 주세요." }),
        choices: mainMenu(input.language),
      };
  }
}
