import type { Inbox } from "../../core/inbox.js";
import type { InboundMessage } from "../../core/message.js";
import type { OwnSends } from "../own-sends.js";
import type { Bot } from "./sdk/index.js";
import { chatNowFromEvent, echoTarget, followFromEvent, messageFromEvent, staffEchoFromEvent, submitInfoFromEvent } from "./to-message.js";

/**
 * The Zalo channel's handlers, written as a grammY user writes a bot: one `on()` per kind of event the product
 * answers, each turning the event into the neutral message for the inbox (the pipeline). Echoes of the OA's
 * messages (oa_send_*) are dropped when the bot sent them (their ids were recorded on send, `own`); any other is a
 * staff member answering from the OA chat, handed on as a "staff_echo" (the handoff feature pauses the bot).
 * Delivery receipts match no handler.
 *
 * @example receiveInto(bot, pipeline, ownSends);
 */
export function receiveInto(bot: Bot, inbox: Inbox, own?: OwnSends): Bot {
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
  // Without a record of what the bot sent, no echo can be told apart: all are dropped, as before.
  if (own) {
    bot.on("oa_echo", async (ctx) => {
      const target = echoTarget(ctx.event);
      if (target && !(await own.isOwn(target.userId, target.msgId))) await receive(staffEchoFromEvent(ctx.event));
    });
  }
  return bot;
}
