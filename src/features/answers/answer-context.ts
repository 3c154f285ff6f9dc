/**
 * What every answer reads from the bot's context (language, today, pack, plans, chat model), and the whole answer
 * input for an understood text: one place, for the answers feature and the rule that sends plan questions past the
 * dialogs.
 */
import type { AppContext } from "../../shared/app-context.js";
import type { Understanding } from "../../nlu/index.js";
import type { AnswerInput } from "./answer-input.js";
import { plansOf } from "./plans/plans-of.js";

/** The context's part of an answer input. */
export const answerBase = (ctx: AppContext) => ({ language: ctx.language, today: ctx.today, pack: ctx.pack, plans: plansOf(ctx.services.knowledge), model: ctx.services.chatModel });

/** The answer input for an understood text message. */
export const answerInputOf = (ctx: AppContext, understanding: Understanding): AnswerInput => ({
  ...answerBase(ctx),
  text: understanding.text,
  intent: understanding.intent,
  entities: understanding.entities,
});
