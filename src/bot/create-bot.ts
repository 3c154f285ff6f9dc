import { BotComposer } from "../core/bot-composer.js";
import type { AppContext } from "./context.js";
import { mainMenu } from "./menu.js";

/**
 * The bot's middleware tree: each feature is a composer in src/bot/features, tried in order;
 * the last one answers whatever nobody else did.
 */
export function createBot(): BotComposer<AppContext> {
  const bot = new BotComposer<AppContext>();
  bot.on("follow", (ctx) =>
    ctx.reply({
      text: ctx.t(
        "Cảm ơn bạn đã quan tâm! Tôi là trợ lý văn hóa, có thể giúp bạn tra cứu lễ hội, di sản, lớp Quan họ và tiếp nhận phản ánh.",
        "Thanks for following! I am the culture assistant: festivals, heritage, Quan họ classes and reports.",
      ),
      choices: mainMenu(ctx.language),
    }),
  );
  bot.on("message", async (ctx) => {
    await ctx.reply({
      text: ctx.t(
        "Xin lỗi, tôi chưa trả lời được câu này. Bạn có thể chọn một mục bên dưới hoặc gặp cán bộ.",
        "Sorry, I cannot answer that yet. Pick a topic below or talk to a staff member.",
      ),
      choices: mainMenu(ctx.language),
    });
  });
  return bot;
}
