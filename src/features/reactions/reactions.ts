import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { MENU } from "../../shared/menu.js";
import { isEmojiOnly } from "./emoji-only.js";
import texts from "./reactions-texts.json" with { type: "json" };

/**
 * What people send that is not words: a sticker, a like, a gif, an emoji-only text get a short friendly reply; a
 * voice note is told plainly that the bot cannot listen, and what to do instead (type, send a photo, or staff).
 * None of them is a misunderstanding (`answered`), so a sticker after a photo never hands the person to staff.
 * Sits after the dialog runner: inside a dialog, the step answers (a video is evidence there).
 */
export const reactions = new BotComposer<AppContext>();

reactions.on("message", async (ctx, next) => {
  const kinds = new Set(ctx.message.attachments.map((attachment) => attachment.kind));
  const words = ctx.choice === undefined ? ctx.text : undefined;
  if (kinds.has("audio") && !words) {
    ctx.outcome = "answered";
    return ctx.reply({
      text: ctx.say(texts.voice),
      choices: [
        { title: ctx.say(texts.talkToStaff), payload: MENU.handoff },
        { title: ctx.say(texts.report), payload: MENU.report },
      ],
    });
  }
  const onlyStickers = kinds.size > 0 && [...kinds].every((kind) => kind === "sticker") && !ctx.message.location;
  if ((onlyStickers && (!words || isEmojiOnly(words))) || (kinds.size === 0 && !ctx.message.location && isEmojiOnly(words))) {
    ctx.outcome = "answered";
    return ctx.reply({ text: ctx.say(texts.sticker) });
  }
  await next();
});
