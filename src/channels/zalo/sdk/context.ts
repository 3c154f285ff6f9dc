import type { Api } from "./api.js";
import type { SendResult } from "./client.js";
import type { ZaloEvent } from "./events.js";
import type { ZaloButton, ZaloImage, ZaloListElement } from "./messages.js";

/** What the bot knows of itself: the OA it speaks for and the app that receives its events. */
export interface BotInfo {
  oaId?: string;
  appId?: string;
}

/**
 * What a handler gets, after grammY's src/context.ts: the event, the API and the bot's info; everything else is a
 * getter, and the reply helpers fill in the person.
 *
 * @example bot.on("user_send_text", (ctx) => ctx.reply(`Bạn viết: ${ctx.event.message.text}`));
 */
export class Context<E extends ZaloEvent = ZaloEvent> {
  constructor(
    readonly event: E,
    readonly api: Api,
    readonly me: BotInfo = {},
  ) {}

  // ===  Getters  ===

  get eventName(): ZaloEvent["event_name"] {
    return this.event.event_name;
  }

  /** True for echoes of what the OA itself sent (through the API or the OA chat screen). */
  get fromOa(): boolean {
    return this.event.event_name.startsWith("oa_send_");
  }

  /**
   * The person the event is about: the sender of a message or form, the follower, the person who tapped "chat
   * now" — and the recipient of an OA echo.
   */
  get userId(): string | undefined {
    const event = this.event as ZaloEvent;
    switch (event.event_name) {
      case "follow":
      case "unfollow":
        return event.follower?.id;
      case "user_click_chatnow":
        return event.user_id;
      default:
        return (this.fromOa ? event.recipient : event.sender)?.id;
    }
  }

  /** The OA the event is about. */
  get oaId(): string | undefined {
    const event = this.event as ZaloEvent;
    if (event.oa_id) return event.oa_id;
    if (!("sender" in event)) return this.me.oaId;
    return (this.fromOa ? event.sender : event.recipient)?.id;
  }

  /** The text of a message, if it has one. */
  get text(): string | undefined {
    const message = (this.event as { message?: { text?: unknown } }).message;
    return typeof message?.text === "string" ? message.text : undefined;
  }

  /** The id Zalo gave the message (for messages and echoes). */
  get messageId(): string | undefined {
    const message = (this.event as { message?: { msg_id?: unknown } }).message;
    return typeof message?.msg_id === "string" ? message.msg_id : undefined;
  }

  // ===  Replies  ===

  #person(): string {
    const userId = this.userId;
    if (!userId) throw new Error(`Cannot reply to ${this.event.event_name}: it names no person`);
    return userId;
  }

  /** Text to the person (at most 2,000 characters). */
  reply(text: string): Promise<SendResult> {
    return this.api.sendText(this.#person(), text);
  }

  /** A picture by URL or attachment id, with an optional caption. */
  replyWithImage(image: ZaloImage, caption?: string): Promise<SendResult> {
    return this.api.sendImage(this.#person(), image, caption);
  }

  /** A list template of up to 5 elements. */
  replyWithList(elements: ZaloListElement[], buttons?: ZaloButton[]): Promise<SendResult> {
    return this.api.sendList(this.#person(), elements, buttons);
  }

  /** Text with up to 5 buttons. */
  replyWithButtons(text: string, buttons: ZaloButton[]): Promise<SendResult> {
    return this.api.sendButtons(this.#person(), text, buttons);
  }

  /** Asks the person to share name, phone and address in one tap; the answer is a `user_submit_info` event. */
  requestUserInfo(card: { title: string; subtitle: string; imageUrl: string }): Promise<SendResult> {
    return this.api.requestUserInfo(this.#person(), card);
  }
}
