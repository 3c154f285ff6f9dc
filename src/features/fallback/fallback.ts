import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";

/**
 * The last handler: nobody answered. Never silent: an honest reply, the menu, and staff on offer.
 * Counted as unanswered so staff see what people ask that the bot cannot answer.
 */
export async function fallback(ctx: AppContext): Promise<void> {
  if (ctx.message.kind !== "message") return;
  ctx.conversation.state.unanswered = ((ctx.conversation.state.unanswered as number | undefined) ?? 0) + 1;
  await ctx.reply({
    text: ctx.t(
      "Xin lỗi, tôi chưa hiểu ý bạn. Tôi có thể giúp tra cứu lễ hội, di sản, lớp Quan họ, nội dung kế hoạch văn hóa, hoặc nhận phản ánh. Bạn cũng có thể gặp cán bộ.",
      "Sorry, I did not understand. I can help with festivals, heritage, Quan họ classes, what the culture plans say, or take a report. You can also talk to a staff member.",
    ),
    choices: mainMenu(ctx.language),
  });
}
