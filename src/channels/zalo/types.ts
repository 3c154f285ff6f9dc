/**
 * What Zalo OA sends to the webhook (https://developers.zalo.me/docs/official-account/webhook).
 * Fields we do not use are left out; unknown fields are ignored, optional ones may be missing.
 */

// ===  Pieces  ===

export interface ZaloUserRef {
  id: string;
}

export interface ZaloAttachment {
  type: "image" | "gif" | "link" | "sticker" | "location" | "file" | "audio" | "video" | string;
  payload?: {
    url?: string;
    thumbnail?: string;
    title?: string;
    description?: string;
    name?: string;
    size?: string;
    id?: string;
    coordinates?: { latitude: string | number; longitude: string | number };
  };
}

export interface ZaloMessageBody {
  msg_id: string;
  text?: string;
  attachments?: ZaloAttachment[];
}

interface ZaloEventBase {
  app_id: string;
  timestamp: string;
  user_id_by_app?: string;
  oa_id?: string;
}

/** A person wrote to the OA. */
export interface ZaloUserMessageEvent<Name extends string = ZaloUserMessageName> extends ZaloEventBase {
  event_name: Name;
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  message: ZaloMessageBody;
}

// ===  Events  ===

export const USER_MESSAGE_EVENTS = [
  "user_send_text",
  "user_send_image",
  "user_send_gif",
  "user_send_link",
  "user_send_sticker",
  "user_send_location",
  "user_send_file",
  "user_send_audio",
  "user_send_video",
] as const;
export type ZaloUserMessageName = (typeof USER_MESSAGE_EVENTS)[number];

export interface ZaloFollowEvent extends ZaloEventBase {
  event_name: "follow" | "unfollow";
  follower: ZaloUserRef;
  source?: string;
}

export interface ZaloSubmitInfoEvent extends ZaloEventBase {
  event_name: "user_submit_info";
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  info: Record<string, string | undefined>;
}

/** Receipts: the person received / saw what the OA sent. */
export interface ZaloReceiptEvent extends ZaloEventBase {
  event_name: "user_received_message" | "user_seen_message";
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  message?: { msg_ids?: string[] } & Partial<ZaloMessageBody>;
}

/** The OA itself sent something (from our API or the OA chat screen): an echo, never answered. */
export interface ZaloOaEchoEvent extends ZaloEventBase {
  event_name: "oa_send_text" | "oa_send_image" | "oa_send_list" | "oa_send_file" | "oa_send_gif" | "oa_send_sticker";
  sender: ZaloUserRef;
  recipient: ZaloUserRef;
  message: ZaloMessageBody;
}

export type ZaloEvent = ZaloUserMessageEvent | ZaloFollowEvent | ZaloSubmitInfoEvent | ZaloReceiptEvent | ZaloOaEchoEvent;
export type ZaloEventName = ZaloEvent["event_name"];

// ===  Outbound  ===

/** A Zalo template button; `oa.query.show` stands in for quick replies. */
export interface ZaloButton {
  title: string;
  type: "oa.query.show" | "oa.query.hide" | "oa.open.url" | "oa.open.phone";
  payload: string | { url: string } | { phone_code: string };
}

/** The `message` of a consultation (cs) send. */
export type ZaloOutboundMessage =
  | { text: string }
  | { text?: string; attachment: { type: "template"; payload: { buttons: ZaloButton[] } } }
  | {
      attachment: {
        type: "template";
        payload: {
          template_type: "list" | "media";
          elements: { title?: string; subtitle?: string; image_url?: string; media_type?: "image"; url?: string; default_action?: ZaloButton }[];
          buttons?: ZaloButton[];
        };
      };
    };

/** Every Open API answer: error 0 is success. */
export interface ZaloApiResponse<T = unknown> {
  error: number;
  message: string;
  data?: T;
}
