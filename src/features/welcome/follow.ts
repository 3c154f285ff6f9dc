import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import texts from "./welcome-texts.json" with { type: "json" };

/**
 * A new follower (or Messenger's Get Started) gets a welcome, the main menu and a choice of language (the other
 * three of Tiếng Việt, English, 中文, 한국어); an unfollow is only recorded (nothing can be sent).
 * A welcome is an answer: it never counts as misunderstood.
 */
export const follow = new BotComposer<AppContext>();

const LANGUAGE_CHOICES = { vi: "Tiếng Việt", en: "English", zh: "中文", ko: "한국어" } as const;

async function welcome(ctx: AppContext): Promise<void> {
  ctx.outcome = "answered";
  const names = ctx.pack.names;
  const name = ctx.language === "vi" ? names.vi : ((ctx.language === "en" ? undefined : names[ctx.language]) ?? names.en ?? names.vi);
  const languages = (Object.keys(LANGUAGE_CHOICES) as (keyof typeof LANGUAGE_CHOICES)[])
    .filter((lang) => lang !== ctx.language)
    .map((lang) => ({ title: LANGUAGE_CHOICES[lang], payload: `lang:${lang}` }));
  await ctx.reply({ text: ctx.say(texts.welcome, { name }), choices: [...mainMenu(ctx.language), ...languages] });
}

follow.on("follow", welcome);
// Messenger's Get Started button (scripts/messenger-setup.ts) is the same first contact.
follow.filter((ctx) => ctx.choice === "GET_STARTED", welcome);
follow.on("unfollow", () => undefined);
