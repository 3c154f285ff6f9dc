/**
 * What the Messenger Platform sends to the webhook and what the Send API takes
 * (https://developers.facebook.com/docs/messenger-platform/webhooks). Unknown fields are ignored.
 */

export interface MessengerAttachment {
  type: "image" | "video" | "audio" | "file" | "location" | "fallback" | "template" | string;
  title?: string;
  url?: string;
  payload?: { url?: string; title?: string; coordinates?: { lat: number; long: number }; sticker_id?: number };
}

export interface MessengerMessagingItem {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
  message?: {
    mid: string;
    text?: string;
    is_echo?: boolean;
    quick_reply?: { payload: string };
    attachments?: MessengerAttachment[];
  };
  postback?: { mid?: string; title?: string; payload: string };
  delivery?: unknown;
  read?: unknown;
}

export interface MessengerWebhookBody {
  object: string;
  entry: { id: string; time: number; messaging?: MessengerMessagingItem[] }[];
}

export interface MessengerQuickReply {
  content_type: "text";
  title: string;
  payload: string;
}

/** The `message` of a Send API call. */
export type MessengerOutboundMessage =
  | { text: string; quick_replies?: MessengerQuickReply[] }
  | { attachment: { type: "image"; payload: { url: string; is_reusable?: boolean } } }
  | {
      attachment: {
        type: "template";
        payload: { template_type: "button"; text: string; buttons: ({ type: "postback"; title: string; payload: string } | { type: "web_url"; title: string; url: string })[] };
      };
    };

/** A Send API request body. */
export interface MessengerSendBody {
  recipient: { id: string };
  messaging_type?: "RESPONSE" | "UPDATE" | "MESSAGE_TAG";
  tag?: "HUMAN_AGENT";
  message?: MessengerOutboundMessage;
  sender_action?: "typing_on" | "typing_off" | "mark_seen";
}
