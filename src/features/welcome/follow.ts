import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import texts from "./welcome-texts.json" with { type: "json" };

/**
 * A new follower gets a welcome and the main menu; an unfollow is only recorded (nothing can be sent).
 * A welcome is an answer: it never counts as misunderstood.
 */
export const follow = new BotComposer<AppContext>();

follow.on("follow", async (ctx) => {
  ctx.outcome = "answered";
  await ctx.reply({ text: ctx.say(texts.welcome, { name: ctx.language === "en" ? (ctx.pack.names.en ?? ctx.pack.names.vi) : ctx.pack.names.vi }), choices: mainMenu(ctx.language) });
});
follow.on("unfollow", () => undefined);
