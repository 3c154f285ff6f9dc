import type {
  ZaloEvent,
  ZaloFollowEvent,
  ZaloOaEchoEvent,
  ZaloReceiptEvent,
  ZaloSubmitInfoEvent,
  ZaloUserMessageEvent,
  ZaloUserMessageName,
} from "./types.js";
import { USER_MESSAGE_EVENTS } from "./types.js";

/**
 * Filter queries for `bot.on(...)`, after grammY's src/filter.ts: one object lists the legal queries
 * and also gives their types, so a typo fails to compile and the handler sees the narrowed event.
 *
 * - an event name: `"user_send_text"`, `"follow"`, …
 * - `"message"`: any message a person sent;
 * - a shortcut for what the message holds: `":text"`, `":location"`, `":image"`, `":link"`, `":file"`,
 *   `":sticker"`, `":audio"`, `":video"`, `":attachments"`.
 */

type UserMessage<N extends ZaloUserMessageName> = ZaloUserMessageEvent<N>;
type WithText<E extends ZaloUserMessageEvent> = E & { message: E["message"] & { text: string } };

/** What each query lets through. */
export interface ZaloFilterMap {
  user_send_text: WithText<UserMessage<"user_send_text">>;
  user_send_image: UserMessage<"user_send_image">;
  user_send_gif: UserMessage<"user_send_gif">;
  user_send_link: UserMessage<"user_send_link">;
  user_send_sticker: UserMessage<"user_send_sticker">;
  user_send_location: UserMessage<"user_send_location">;
  user_send_file: UserMessage<"user_send_file">;
  user_send_audio: UserMessage<"user_send_audio">;
  user_send_video: UserMessage<"user_send_video">;
  follow: ZaloFollowEvent & { event_name: "follow" };
  unfollow: ZaloFollowEvent & { event_name: "unfollow" };
  user_submit_info: ZaloSubmitInfoEvent;
  user_received_message: ZaloReceiptEvent & { event_name: "user_received_message" };
  user_seen_message: ZaloReceiptEvent & { event_name: "user_seen_message" };
  oa_send_text: ZaloOaEchoEvent & { event_name: "oa_send_text" };
  message: ZaloUserMessageEvent;
  ":text": WithText<ZaloUserMessageEvent>;
  ":location": UserMessage<"user_send_location">;
  ":image": UserMessage<"user_send_image" | "user_send_gif">;
  ":link": UserMessage<"user_send_link">;
  ":file": UserMessage<"user_send_file">;
  ":sticker": UserMessage<"user_send_sticker">;
  ":audio": UserMessage<"user_send_audio">;
  ":video": UserMessage<"user_send_video">;
  ":attachments": ZaloUserMessageEvent & { message: { attachments: NonNullable<ZaloUserMessageEvent["message"]["attachments"]> } };
}

export type ZaloFilterQuery = keyof ZaloFilterMap;

const isUserMessage = (event: ZaloEvent): event is ZaloUserMessageEvent =>
  (USER_MESSAGE_EVENTS as readonly string[]).includes(event.event_name);

const byName = (...names: string[]) => (event: ZaloEvent) => names.includes(event.event_name);

const PREDICATES: Record<ZaloFilterQuery, (event: ZaloEvent) => boolean> = {
  user_send_text: (event) => event.event_name === "user_send_text" && typeof (event as ZaloUserMessageEvent).message?.text === "string",
  user_send_image: byName("user_send_image"),
  user_send_gif: byName("user_send_gif"),
  user_send_link: byName("user_send_link"),
  user_send_sticker: byName("user_send_sticker"),
  user_send_location: byName("user_send_location"),
  user_send_file: byName("user_send_file"),
  user_send_audio: byName("user_send_audio"),
  user_send_video: byName("user_send_video"),
  follow: byName("follow"),
  unfollow: byName("unfollow"),
  user_submit_info: byName("user_submit_info"),
  user_received_message: byName("user_received_message"),
  user_seen_message: byName("user_seen_message"),
  oa_send_text: byName("oa_send_text"),
  message: isUserMessage,
  ":text": (event) => isUserMessage(event) && typeof event.message.text === "string" && event.message.text.length > 0,
  ":location": byName("user_send_location"),
  ":image": byName("user_send_image", "user_send_gif"),
  ":link": byName("user_send_link"),
  ":file": byName("user_send_file"),
  ":sticker": byName("user_send_sticker"),
  ":audio": byName("user_send_audio"),
  ":video": byName("user_send_video"),
  ":attachments": (event) => isUserMessage(event) && (event.message.attachments?.length ?? 0) > 0,
};

/** The legal queries (checked at runtime too, for queries built from strings). */
export const ZALO_FILTER_QUERIES = Object.keys(PREDICATES) as ZaloFilterQuery[];

/**
 * Turns a query into a predicate over events.
 *
 * @example matchFilter(":location")(event) // true for user_send_location
 */
export function matchFilter(query: ZaloFilterQuery | ZaloFilterQuery[]): (event: ZaloEvent) => boolean {
  const queries = Array.isArray(query) ? query : [query];
  const predicates = queries.map((q) => {
    const predicate = PREDICATES[q];
    if (!predicate) throw new Error(`Unknown Zalo filter query "${q}"; use one of ${ZALO_FILTER_QUERIES.join(", ")}`);
    return predicate;
  });
  return (event) => predicates.some((predicate) => predicate(event));
}
