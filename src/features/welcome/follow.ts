import { BotComposer } from "../../core/bot-composer.js";
import { contentRef, refersToContent } from "../../shared/content-ref.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import texts from "./welcome-texts.json" with { type: "json" };

/**
 * The first touches: a new follower, and a person opening the chat without writing (Messenger's Get Started, an
 * m.me link or QR code, Zalo's "Nhắn tin") get a welcome and the main menu; an unfollow is only recorded (nothing
 * can be sent). A link naming a content item is left to the answers feature, which shows that item's card.
 * A welcome is an answer: it never counts as misunderstood, so tapping Get Started twice never reaches staff.
 */
export const follow = new BotComposer<AppContext>();

follow.on("follow", async (ctx) => {
  takeLocale(ctx);
  ctx.outcome = "answered";
  await ctx.reply({ text: ctx.say(texts.welcome, { name: packName(ctx) }), choices: mainMenu(ctx.language) });
});

follow.on("start", async (ctx, next) => {
  takeLocale(ctx);
  const ref = ctx.message.start.ref;
  if (refersToContent(ctx.pack, ref)) return next();
  ctx.outcome = "answered";
  const lines = [contentRef(ref) ? ctx.say(texts.unknownRef) : "", ctx.say(texts.hello, { name: packName(ctx) })];
  await ctx.reply({ text: lines.filter(Boolean).join("\n"), choices: mainMenu(ctx.language) });
});

follow.on("unfollow", () => undefined);

function packName(ctx: AppContext): string {
  return ctx.language === "en" ? (ctx.pack.names.en ?? ctx.pack.names.vi) : ctx.pack.names.vi;
}

/** A person we have not heard write yet is welcomed in their platform's language (Vietnamese unless it says English). */
function takeLocale(ctx: AppContext): void {
  const locale = ctx.message.locale;
  if (locale && !ctx.conversation.language) ctx.conversation.language = /^en\b|^en[_-]/i.test(locale) ? "en" : "vi";
}
