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
    text: ctx.say({
      vi: "Xin lỗi, tôi chưa hiểu ý bạn. Tôi có thể giúp tra cứu lễ hội, di sản, lớp Quan họ, nội dung kế hoạch văn hóa, hoặc nhận phản ánh. Bạn cũng có thể gặp cán bộ.",
      en: "Sorry, I did not understand. I can help with festivals, heritage, Quan họ classes, what the culture plans say, or take a report. You can also talk to a staff member.",
      zh: "抱歉，我没有理解您的意思。我可以为您查询节日庙会、文化遗产和联系方式，也可以为您转接工作人员。",
      ko: "죄송해요, 무슨 말씀인지 잘 이해하지 못했어요. 축제, 문화유산, 연락처를 안내해 드릴 수 있고 직원과 연결해 드릴 수도 있어요.",
    }),
    choices: mainMenu(ctx.language),
  });
}
