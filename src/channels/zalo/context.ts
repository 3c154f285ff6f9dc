import type { ZaloApi } from "./api.js";
import type { ZaloEvent, ZaloOutboundMessage } from "./types.js";

/**
 * The context a Zalo handler gets: the event, the API and shortcuts (grammY's src/context.ts).
 * Derived values are getters; `reply` fills in the person.
 *
 * @example bot.on(":text", (ctx) => ctx.reply(`Bạn viết: ${ctx.event.message.text}`));
 */
export class ZaloContext<E extends ZaloEvent = ZaloEvent> {
  constructor(
    readonly event: E,
    readonly api: ZaloApi,
  ) {}

  /** The person: the sender of a message, the follower of a follow event; undefined for OA echoes. */
  get userId(): string | undefined {
    const event = this.event as ZaloEvent;
    if (event.event_name === "follow" || event.event_name === "unfollow") return event.follower?.id;
    if (event.event_name.startsWith("oa_send_")) return undefined;
    return "sender" in event ? event.sender?.id : undefined;
  }

  /** The OA the event is about. */
  get oaId(): string | undefined {
    const event = this.event as ZaloEvent;
    if (event.oa_id) return event.oa_id;
    if (event.event_name.startsWith("oa_send_")) return "sender" in event ? event.sender?.id : undefined;
    return "recipient" in event ? event.recipient?.id : undefined;
  }

  /** The text of a message, if any. */
  get text(): string | undefined {
    const event = this.event as ZaloEvent;
    return "message" in event && event.message && "text" in event.message ? event.message.text : undefined;
  }

  /** Replies to the person (text, or a full message with buttons or a template). */
  async reply(message: string | ZaloOutboundMessage): Promise<void> {
    const userId = this.userId;
    if (!userId) throw new Error(`Cannot reply to ${this.event.event_name}: no person`);
    if (typeof message === "string") await this.api.sendText(userId, message);
    else await this.api.sendMessage(userId, message);
  }
}
