import type { Inbox } from "../../core/inbox.js";
import type { InboundMessage } from "../../core/message.js";
import type { Bot } from "./sdk/index.js";
import { chatNowFromEvent, followFromEvent, messageFromEvent, submitInfoFromEvent } from "./to-message.js";

/**
 * The Zalo channel's handlers, written as a grammY user writes a bot: one `on()` per kind of event the product
 * answers, each turning the event into the neutral message for the inbox (the pipeline). Echoes of the OA's own
 * messages and delivery receipts match no handler, so they are never answered.
 *
 * @example receiveInto(bot, pipeline);
 */
export function receiveInto(bot: Bot, inbox: Inbox): Bot {
  const receive = async (message: InboundMessage | undefined) => {
    if (message) await inbox.receive(message);
  };
  bot.on("user_send_text", (ctx) => receive(messageFromEvent(ctx.event)));
  // Images, gifs, links, locations, stickers, files, voice notes and videos (with their caption, if any).
  bot.on(":attachments", (ctx) => receive(messageFromEvent(ctx.event)));
  bot.on(["follow", "unfollow"], (ctx) => receive(followFromEvent(ctx.event)));
  // "Nhắn tin" on the OA's page: the person opens the chat; the welcome answers it.
  bot.on("user_click_chatnow", (ctx) => receive(chatNowFromEvent(ctx.event)));
  // The answer to a request_user_info card: name, phone, address for the dialog that asked.
  bot.on("user_submit_info", (ctx) => receive(submitInfoFromEvent(ctx.event)));
  return bot;
}
