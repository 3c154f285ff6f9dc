import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";

/** A new follower gets a welcome and the main menu; an unfollow is only recorded (nothing can be sent). */
export const follow = new BotComposer<AppContext>();

follow.on("follow", (ctx) =>
  ctx.reply({
    text: ctx.t(
      `Cảm ơn bạn đã quan tâm ${ctx.pack.names.vi}! Tôi là trợ lý văn hóa: tra cứu lễ hội, di sản, lớp Quan họ và tiếp nhận phản ánh về văn hóa.`,
      `Thanks for following ${ctx.pack.names.en ?? ctx.pack.names.vi}! I am the culture assistant: festivals, heritage, Quan họ classes and reports.`,
    ),
    choices: mainMenu(ctx.language),
  }),
);
follow.on("unfollow", () => undefined);
