/**
 * What the OA sends: the `message` of a consultation ("cs") or transaction send, and small builders for each
 * kind, so `Api` methods and `Context` shortcuts are one line and a channel can render a reply into a list of
 * messages before sending them. Shapes from developers.zalo.me → Official Account → API → "Gửi tin Tư vấn" /
 * "Gửi tin Giao dịch" (see README.md for the pages read).
 */

// ===  Buttons  ===

/**
 * A template button. `oa.query.show` / `oa.query.hide` send `payload` back to the OA as the person's message
 * (shown or hidden in their chat): they stand in for quick replies.
 */
export type ZaloButton =
  | { title: string; type: "oa.query.show" | "oa.query.hide"; payload: string; image_icon?: string }
  | { title: string; type: "oa.open.url"; payload: { url: string }; image_icon?: string }
  | { title: string; type: "oa.open.phone"; payload: { phone_code: string }; image_icon?: string }
  | { title: string; type: "oa.open.sms"; payload: { content: string; phone_code: string }; image_icon?: string };

/** A list element: the first is shown large with its image; at most 5 per list. */
export interface ZaloListElement {
  title: string;
  subtitle?: string;
  image_url?: string;
  default_action?: ZaloButton;
}

/** An image by its URL, or by the attachment id `Api.uploadImage` returned. */
export type ZaloImage = { url: string } | { attachmentId: string };

// ===  Consultation messages  ===

export interface ZaloTextMessage {
  text: string;
}
export interface ZaloTemplateMessage<P> {
  text?: string;
  attachment: { type: "template"; payload: P };
}
export type ZaloButtonsMessage = ZaloTemplateMessage<{ buttons: ZaloButton[] }>;
export type ZaloListMessage = ZaloTemplateMessage<{ template_type: "list"; elements: ZaloListElement[]; buttons?: ZaloButton[] }>;
export type ZaloMediaMessage = ZaloTemplateMessage<{
  template_type: "media";
  elements: ({ media_type: "image"; url: string } | { media_type: "image"; attachment_id: string })[];
}>;
export type ZaloRequestUserInfoMessage = ZaloTemplateMessage<{
  template_type: "request_user_info";
  elements: [{ title: string; subtitle: string; image_url: string }];
}>;
export interface ZaloFileMessage {
  attachment: { type: "file"; payload: { token: string } };
}

/** The `message` of one consultation send. */
export type ZaloCsMessage = ZaloTextMessage | ZaloButtonsMessage | ZaloListMessage | ZaloMediaMessage | ZaloRequestUserInfoMessage | ZaloFileMessage;

// ===  Transaction messages  ===

/**
 * The template kinds of a transaction message ("tin Giao dịch"): an update about something the person did —
 * an application, a booking, an account, an event they registered for — never promotion.
 */
export type ZaloTransactionTemplate =
  | "transaction_order"
  | "transaction_booking"
  | "transaction_account"
  | "transaction_event"
  | "transaction_membership"
  | "transaction_billing"
  | "transaction_reward"
  | "transaction_contract"
  | "transaction_partnership"
  | "transaction_transaction"
  | "transaction_internal";

/** One block of a transaction message, in order: a banner, a header, paragraphs, a key/value table. */
export type ZaloTransactionElement =
  | { type: "banner"; image_url: string }
  | { type: "banner"; attachment_id: string }
  | { type: "header"; content: string; align?: "left" | "center" | "right" }
  | { type: "text"; content: string; align?: "left" | "center" | "right" }
  | { type: "table"; content: { key: string; value: string; style?: "green" | "yellow" | "red" | "grey" | "blue" }[] };

/** A transaction message: at most 4 buttons; `language` switches Zalo's own wording in the frame. */
export interface ZaloTransactionMessage {
  template: ZaloTransactionTemplate;
  language?: "VI" | "EN";
  elements: ZaloTransactionElement[];
  buttons?: ZaloButton[];
}

// ===  Builders  ===

/** Zalo's limit for one text message (longer text is refused: split it first). */
export const ZALO_TEXT_LIMIT = 2000;
/** At most this many buttons under one message, and elements in a list. */
export const ZALO_MAX_BUTTONS = 5;
export const ZALO_MAX_LIST_ELEMENTS = 5;

/**
 * @example buildButtons("Bạn muốn tìm hiểu gì?", [{ title: "Lễ hội", type: "oa.query.show", payload: "#menu" }])
 */
export function buildButtons(text: string, buttons: ZaloButton[]): ZaloButtonsMessage {
  return { text, attachment: { type: "template", payload: { buttons } } };
}

/** @example buildImage({ url: "https://example.org/a.jpg" }, "Đình Đông Xá") */
export function buildImage(image: ZaloImage, text?: string): ZaloMediaMessage {
  const element = "url" in image ? { media_type: "image" as const, url: image.url } : { media_type: "image" as const, attachment_id: image.attachmentId };
  return { ...(text ? { text } : {}), attachment: { type: "template", payload: { template_type: "media", elements: [element] } } };
}

/** A list of at most 5 elements (more are cut), with optional buttons under it. */
export function buildList(elements: ZaloListElement[], buttons?: ZaloButton[]): ZaloListMessage {
  const payload = { template_type: "list" as const, elements: elements.slice(0, ZALO_MAX_LIST_ELEMENTS), ...(buttons?.length ? { buttons } : {}) };
  return { attachment: { type: "template", payload } };
}

/**
 * The request_user_info template: a card the person taps to share name, phone and address with the OA; the
 * answer arrives as a `user_submit_info` event. Title ≤ 100 characters, subtitle ≤ 500; Zalo requires an image.
 */
export function buildRequestUserInfo(card: { title: string; subtitle: string; imageUrl: string }): ZaloRequestUserInfoMessage {
  return {
    attachment: {
      type: "template",
      payload: { template_type: "request_user_info", elements: [{ title: card.title.slice(0, 100), subtitle: card.subtitle.slice(0, 500), image_url: card.imageUrl }] },
    },
  };
}

/** The `message` of a transaction send. */
export function buildTransaction(message: ZaloTransactionMessage) {
  return {
    attachment: {
      type: "template" as const,
      payload: {
        template_type: message.template,
        language: message.language ?? "VI",
        elements: message.elements,
        ...(message.buttons?.length ? { buttons: message.buttons.slice(0, 4) } : {}),
      },
    },
  };
}
