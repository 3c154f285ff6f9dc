/**
 * What Zalo OA posts to a webhook (developers.zalo.me → Official Account → Webhook). Each event name has its own
 * type, so `bot.on("user_send_image", …)` can hand a handler the image event and nothing else.
 * Fields the SDK does not use are left out; unknown fields are kept as they came.
 */

// ===  Pieces  ===

/** A person or an OA, by its id. */
export interface ZaloUserRef {
  id: string;
}

/** What every event carries. `timestamp` is epoch milliseconds as a string. */
export interface ZaloEventBase {
  app_id: string;
  timestamp: string;
  user_id_by_app?: string;
  oa_id?: string;
}

export interface ZaloMediaPayload {
  url: string;
  thumbnail?: string;
  title?: string;
  description?: string;
  name?: string;
  size?: string;
  id?: string;
}

/** An image, gif, link, file, sticker, audio or video a person sent. */
export interface ZaloMediaAttachment<T extends string = string> {
  type: T;
  payload: ZaloMediaPayload;
}

/** A shared location; Zalo sends the coordinates as strings. */
export interface ZaloLocationAttachment {
  type: "location";
  payload: { coordinates: { latitude: string | number; longitude: string | number } };
}

export type ZaloAttachment = ZaloMediaAttachment | ZaloLocationAttachment;

// ===  Person → OA messages  ===

/** The event names of messages a person sends, with the attachment each one holds. */
export interface ZaloUserMessageAttachments {
  user_send_text: never;
  user_send_image: ZaloMediaAttachment<"image">;
  user_send_gif: ZaloMediaAttachment<"gif">;
  user_send_link: ZaloMediaAttachment<"link">;
  user_send_sticker: ZaloMediaAttachment<"sticker">;
  user_send_location: ZaloLocationAttachment;
  user_send_file: ZaloMediaAttachment<"file">;
  user_send_audio: ZaloMediaAttachment<"audio">;
  user_send_video: ZaloMediaAttachment<"video">;
}
export type ZaloUserMessageName = keyof ZaloUserMessageAttachments;

/** The `message` of a person's message: text for user_send_text, attachments for the others. */
export type ZaloUserMessageBody<N extends ZaloUserMessageName> = N extends "user_send_text"
  ? { msg_id: string; text: string }
  : { msg_id: string; text?: string; attachments: ZaloUserMessageAttachments[N][] };

/** A person wrote to the OA. */
export interface ZaloUserMessageEvent<N extends ZaloUserMessageName = ZaloUserMessageName> extends ZaloEventBase {
  event_name: N;
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  message: ZaloUserMessageBody<N>;
}

/** One member per message event name (a union Extract<> can pick from). */
export type AnyUserMessageEvent = { [N in ZaloUserMessageName]: ZaloUserMessageEvent<N> }[ZaloUserMessageName];

// ===  Other events  ===

export interface ZaloFollowEvent<N extends "follow" | "unfollow" = "follow" | "unfollow"> extends ZaloEventBase {
  event_name: N;
  follower: ZaloUserRef;
  source?: string;
}

/** The answer to a request_user_info template (Api.requestUserInfo). */
export interface ZaloSubmitInfoEvent extends ZaloEventBase {
  event_name: "user_submit_info";
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  info: { name?: string; phone?: string; address?: string; ward?: string; district?: string; city?: string; [field: string]: string | undefined };
}

/** A person tapped "Nhắn tin" (chat now) on the OA's page before writing. */
export interface ZaloChatNowEvent extends ZaloEventBase {
  event_name: "user_click_chatnow";
  user_id: string;
}

/** Receipts: the person received / saw what the OA sent. */
export interface ZaloReceiptEvent<N extends "user_received_message" | "user_seen_message" = "user_received_message" | "user_seen_message">
  extends ZaloEventBase {
  event_name: N;
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  message: { msg_ids: string[] };
}

export const OA_ECHO_EVENTS = ["oa_send_text", "oa_send_image", "oa_send_gif", "oa_send_list", "oa_send_file", "oa_send_sticker"] as const;
export type ZaloOaEchoName = (typeof OA_ECHO_EVENTS)[number];

/** The OA itself sent something (through this API or from the OA chat screen): an echo. */
export interface ZaloOaEchoEvent<N extends ZaloOaEchoName = ZaloOaEchoName> extends ZaloEventBase {
  event_name: N;
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  message: { msg_id: string; text?: string; attachments?: ZaloAttachment[] };
}

// ===  All events  ===

export type ZaloEvent =
  | AnyUserMessageEvent
  | ZaloFollowEvent<"follow">
  | ZaloFollowEvent<"unfollow">
  | ZaloSubmitInfoEvent
  | ZaloChatNowEvent
  | ZaloReceiptEvent<"user_received_message">
  | ZaloReceiptEvent<"user_seen_message">
  | { [N in ZaloOaEchoName]: ZaloOaEchoEvent<N> }[ZaloOaEchoName];

export type ZaloEventName = ZaloEvent["event_name"];
