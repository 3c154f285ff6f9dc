import { answer, answerChoice, isAnswerIntent, plansOf, type AnswerInput } from "./index.js";
import type { NextFunction } from "../../core/composer.js";
import type { AppContext } from "../../shared/app-context.js";

/**
 * One-shot answers from content: festivals, heritage, classes (information), plans, contacts, greetings,
 * thanks and out-of-scope; and the choices that open those answers ("festival:hoi-lim", "menu:heritage").
 * Report, status and handoff intents are left to their features.
 */
export async function answers(ctx: AppContext, next: NextFunction): Promise<void> {
  const base = { language: ctx.language, today: ctx.today, pack: ctx.pack, plans: plansOf(ctx.services.knowledge), model: ctx.services.chatModel };
  if (ctx.choice !== undefined) {
    const reply = answerChoice(ctx.choice, base);
    return reply ? ctx.reply(reply) : next();
  }
  const understanding = ctx.understanding;
  if (!understanding || !isAnswerIntent(understanding.intent)) return next();
  const input: AnswerInput = { ...base, text: understanding.text, intent: understanding.intent, entities: understanding.entities };
  // A chat model takes a moment: show "typing…" first where the channel can.
  if (understanding.intent === "plan_info" && base.model) await ctx.typing();
  if (understanding.intent === "out_of_scope") {
    // Counted like the fallback: staff see it among the content gaps.
    ctx.conversation.state.unanswered = ((ctx.conversation.state.unanswered as number | undefined) ?? 0) + 1;
  }
  await ctx.reply(await answer(input));
}
