import { BotComposer } from "../../core/bot-composer.js";
import { contentRef, refersToContent } from "../../shared/content-ref.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import texts from "./welcome-texts.json" with { type: "json" };

/**
 * The first touches: a new follower, and a person opening the chat without writing (Messenger's Get Started, an
 * m.me link or QR code, Zalo's "Nhắn tin") get a welcome, the main menu and a choice of language (the other three of
 * Tiếng Việt, English, 中文, 한국어); an unfollow is only recorded (nothing can be sent). A link naming a content item
 * is left to the answers feature, which shows that item's card.
 * A welcome is an answer: it never counts as misunderstood, so tapping Get Started twice never reaches staff.
 */
export const follow = new BotComposer<AppContext>();

const LANGUAGE_CHOICES = { vi: "Tiếng Việt", en: "English", zh: "中文", ko: "한국어" } as const;

follow.on("follow", async (ctx) => {
  takeLocale(ctx);
  ctx.outcome = "answered";
  await ctx.reply({ text: ctx.say(texts.welcome, { name: packName(ctx) }), choices: [...mainMenu(ctx.language), ...languageChoices(ctx)] });
});

follow.on("start", async (ctx, next) => {
  takeLocale(ctx);
  const ref = ctx.message.start.ref;
  if (refersToContent(ctx.pack, ref)) return next();
  ctx.outcome = "answered";
  const lines = [contentRef(ref) ? ctx.say(texts.unknownRef) : "", ctx.say(texts.hello, { name: packName(ctx) })];
  await ctx.reply({ text: lines.filter(Boolean).join("\n"), choices: [...mainMenu(ctx.language), ...languageChoices(ctx)] });
});

follow.on("unfollow", () => undefined);

function packName(ctx: AppContext): string {
  const names = ctx.pack.names;
  return ctx.language === "vi" ? names.vi : ((ctx.language === "en" ? undefined : names[ctx.language]) ?? names.en ?? names.vi);
}

/** The languages the person is not speaking now, as choices. */
function languageChoices(ctx: AppContext): { title: string; payload: string }[] {
  return (Object.keys(LANGUAGE_CHOICES) as (keyof typeof LANGUAGE_CHOICES)[])
    .filter((lang) => lang !== ctx.language)
    .map((lang) => ({ title: LANGUAGE_CHOICES[lang], payload: `lang:${lang}` }));
}

/** A person we have not heard write yet is welcomed in their platform's language (Vietnamese unless it says English). */
function takeLocale(ctx: AppContext): void {
  const locale = ctx.message.locale;
  if (locale && !ctx.conversation.language) ctx.conversation.language = /^en\b|^en[_-]/i.test(locale) ? "en" : /^zh/i.test(locale) ? "zh" : /^ko/i.test(locale) ? "ko" : "vi";
}
