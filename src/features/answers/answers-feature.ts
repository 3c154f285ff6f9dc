import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { nearbyReply } from "./nearby.js";
import { refersToContent } from "../../shared/content-ref.js";
import { answer, answerChoice, isAnswerIntent } from "./index.js";
import { answerBase as baseOf, answerInputOf } from "./answer-context.js";

/**
 * One-shot answers from content: festivals, heritage, classes (information), plans, contacts, greetings,
 * thanks and out-of-scope; and the choices that open those answers ("festival:hoi-lim", "menu:heritage").
 * Report, status and handoff intents are left to their features.
 */
export const answers = new BotComposer<AppContext>();

answers.on("choice", async (ctx, next) => {
  const reply = answerChoice(ctx.choice, baseOf(ctx));
  if (!reply) return next();
  ctx.outcome = "answered";
  await ctx.reply(reply);
});

// An m.me link or QR code at a relic or on a festival poster ("?ref=heritage:<id>"): that item's card.
answers.on("start", async (ctx, next) => {
  const ref = ctx.message.start.ref;
  const reply = ref && refersToContent(ctx.pack, ref) ? answerChoice(ref, baseOf(ctx)) : null;
  if (!reply) return next();
  ctx.outcome = "answered";
  await ctx.reply(reply);
});

// A shared location outside a dialog (inside the report dialog it is the place of the report).
answers.on("location", async (ctx) => {
  ctx.outcome = "answered";
  await ctx.reply(nearbyReply(ctx.pack, ctx.message.location, ctx.language));
});

answers.on("text", async (ctx, next) => {
  const understanding = ctx.understanding;
  if (!understanding || !isAnswerIntent(understanding.intent)) return next();
  const input = answerInputOf(ctx, understanding);
  // A chat model takes a moment: show "typing…" first where the channel can.
  if (understanding.intent === "plan_info" && input.model) await ctx.typing();
  // Out of scope counts like the fallback: staff see it among the content gaps, and twice in a row means staff.
  ctx.outcome = understanding.intent === "out_of_scope" ? "unanswered" : "answered";
  await ctx.reply(await answer(input, ctx.planQuestion));
});
