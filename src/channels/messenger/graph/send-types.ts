/**
 * What the Send API takes (developers.facebook.com/docs/messenger-platform/reference/send-api): the message, and
 * the kind of send, which decides when it is allowed.
 */

export interface MessengerQuickReply {
  content_type: "text";
  title: string;
  payload: string;
}

export type MessengerButton = { type: "postback"; title: string; payload: string } | { type: "web_url"; title: string; url: string };

/** The `message` of a Send API call. */
export type MessengerOutboundMessage = (
  | { text: string; quick_replies?: MessengerQuickReply[] }
  | { attachment: { type: "image"; payload: { url: string; is_reusable?: boolean } } }
  | { attachment: { type: "template"; payload: { template_type: "button"; text: string; buttons: MessengerButton[] } } }
) & {
  /** A string of ours (at most 1,000 characters) that Meta returns in the message's echo. */
  metadata?: string;
};

/**
 * Message tags (Send API reference, `tag`): a tagged message may be sent outside the 24-hour window, only for its
 * purpose, never for promotion. HUMAN_AGENT: a person's reply up to 7 days after the person's last message (the
 * app needs Meta's Human Agent permission). ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE: Meta is
 * replacing them with utility messages (below); they are kept for pages that still may use them.
 */
export type MessageTag = "HUMAN_AGENT" | "ACCOUNT_UPDATE" | "CONFIRMED_EVENT_UPDATE" | "POST_PURCHASE_UPDATE" | "CUSTOMER_FEEDBACK";

/**
 * Why a message is sent (`messaging_type`): RESPONSE answers the person within 24 h; UPDATE is the page writing
 * first within 24 h; MESSAGE_TAG carries a tag.
 */
export type SendKind = { type: "RESPONSE" } | { type: "UPDATE" } | { type: "MESSAGE_TAG"; tag: MessageTag };

/**
 * A utility message (developers.facebook.com/docs/messenger-platform/send-messages/utility-messages): an approved
 * template of the page — status of an application or account, an appointment or event reminder — sent with
 * `messaging_type: "UTILITY"` also outside the 24-hour window. Needs the page_utility_messaging permission; Meta
 * lists Vietnam among the markets where it is open.
 */
export interface UtilityTemplate {
  /** The template's name in the page's library (approved). */
  name: string;
  /** e.g. "vi" or "en". */
  language: string;
  /** The body's values, in order; named when the template was made with parameter_format NAMED. */
  body?: (string | { name: string; text: string })[];
  /** Payloads of the template's postback buttons, in order. */
  postbacks?: string[];
}

/** A Send API request body. */
export interface MessengerSendBody {
  recipient: { id: string };
  messaging_type?: "RESPONSE" | "UPDATE" | "MESSAGE_TAG" | "UTILITY";
  tag?: MessageTag;
  message?: MessengerOutboundMessage | { template: object };
  sender_action?: "typing_on" | "typing_off" | "mark_seen";
}
