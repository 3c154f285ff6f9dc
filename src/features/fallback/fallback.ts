import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import texts from "./fallback-texts.json" with { type: "json" };

/**
 * The last feature: nobody answered. Never silent: an honest reply, the menu, and staff on offer.
 * Its outcome is `unanswered`, so staff see what people ask that the bot cannot answer, and a second one in a
 * row hands the person to staff (src/features/handoff/handoff-misunderstood.ts).
 */
export const fallback = new BotComposer<AppContext>();

fallback.on("message", async (ctx) => {
  ctx.outcome = "unanswered";
  await ctx.reply({ text: ctx.say(texts.notUnderstood), choices: mainMenu(ctx.language) });
});
