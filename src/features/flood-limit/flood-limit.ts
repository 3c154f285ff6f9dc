import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";

/** How many messages one person may send per window before the bot stops answering for a while. */
export const FLOOD_LIMIT = { messages: 30, windowMs: 60_000 };

interface FloodState {
  windowStart: number;
  count: number;
  noticed: boolean;
}

declare module "../../core/conversation.js" {
  interface ConversationState {
    /** The person's message count in the current window (src/features/flood-limit). */
    flood?: FloodState;
  }
}

const texts = {
  tooFast: {
    vi: "Bạn đang gửi tin nhắn quá nhanh. Vui lòng đợi khoảng một phút rồi gửi lại; các tin nhắn đã gửi vẫn được lưu cho cán bộ.",
    en: "You are sending messages too fast. Please wait about a minute and try again; what you sent is kept for staff.",
    zh: "您发送消息太快了。请等大约一分钟再发送；已发送的消息会保留给工作人员查看。",
    ko: "메시지를 너무 빨리 보내고 계세요. 1분쯤 기다렸다가 다시 보내 주세요. 보내신 메시지는 직원이 볼 수 있도록 보관됩니다.",
  },
} as const;

/**
 * One person flooding (hundreds of messages a minute) gets one polite notice and no answers until the
 * window passes; their messages stay in the transcript for staff. Others are not slowed: each person's
 * messages are queued separately, and a limited message costs almost nothing.
 */
export const floodLimit = new BotComposer<AppContext>();

floodLimit.on("message", async (ctx, next) => {
  const now = ctx.message.timestamp || ctx.services.now();
  const state = ctx.conversation.state.flood ?? { windowStart: now, count: 0, noticed: false };
  if (now - state.windowStart > FLOOD_LIMIT.windowMs) Object.assign(state, { windowStart: now, count: 0, noticed: false });
  state.count++;
  ctx.conversation.state.flood = state;
  if (state.count <= FLOOD_LIMIT.messages) return next();
  if (!state.noticed) {
    state.noticed = true;
    await ctx.reply(ctx.say(texts.tooFast));
  }
});
