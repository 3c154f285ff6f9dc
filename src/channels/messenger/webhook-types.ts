/**
 * What the Messenger Platform sends to the webhook (https://developers.facebook.com/docs/messenger-platform/webhooks).
 * Unknown fields are ignored. What the Send API takes is in graph/send-types.ts.
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
    /** A sticker (369239263222822 is the thumbs-up "like"); its picture comes as an image attachment. */
    sticker_id?: number;
    attachments?: MessengerAttachment[];
  };
  postback?: { mid?: string; title?: string; payload: string; referral?: MessengerReferral };
  /** An m.me link or QR code with ?ref= opened a conversation that already existed. */
  referral?: MessengerReferral;
  delivery?: unknown;
  read?: unknown;
}

export interface MessengerWebhookBody {
  object: string;
  entry: { id: string; time: number; messaging?: MessengerMessagingItem[] }[];
}

/** Where a person came from (https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messaging_referrals). */
export interface MessengerReferral {
  ref?: string;
  source?: "SHORTLINK" | "ADS" | "MESSENGER_CODE" | "CUSTOMER_CHAT_PLUGIN" | string;
  type?: "OPEN_THREAD" | string;
}
