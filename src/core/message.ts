/**
 * The channel-neutral message: every channel turns its events into an `InboundMessage`,
 * and everything past the channels works on this shape only.
 */

// ===  Inbound  ===

/** A file, picture or link the person sent. */
export interface Attachment {
  kind: "image" | "file" | "link" | "audio" | "video" | "sticker";
  url: string;
  name?: string;
  /** A copy the bot already keeps (a photo uploaded straight to the web chat): its media id, nothing to download. */
  keptMediaId?: string;
}

/** A shared location (Zalo user_send_location, a Messenger location attachment). */
export interface GeoLocation {
  latitude: number;
  longitude: number;
  title?: string;
}

/**
 * What the person did: wrote something, (un)followed the account, submitted a form (shared their contact), or
 * opened the conversation without writing ("start": Messenger's Get Started button, an m.me link with `?ref=`,
 * Zalo's "Nhắn tin" button). "staff_echo" is the one kind the person did not send: a staff member answered them
 * from the platform's own inbox (the OA chat, the Page inbox) — the echo of a message the bot did not send. Its
 * `userId` is the person it was sent to; it opens no reply window.
 */
export type InboundKind = "message" | "follow" | "unfollow" | "submit_info" | "start" | "staff_echo";

/** How a conversation was opened (kind "start"). */
export interface StartInfo {
  /** get_started: the platform's start button; referral: a link or QR code with a ref; chat_now: Zalo's "Nhắn tin". */
  via: "get_started" | "referral" | "chat_now";
  /** The link's `ref` (docs/starting-points.md): "heritage:<id>", "festival:<id>", or anything else (→ welcome). */
  ref?: string;
}

/**
 * How much of a long text a message holds as a string when the channel has the text as bytes (a large webhook body,
 * parsed off the main thread): the main thread then never holds a megabyte of text as a string — copying and
 * collecting one held every message of the moment (issue 15).
 */
export const LONG_TEXT_CHARS = 4_000;

/** The whole of a long text (InboundMessage.long). */
export interface LongText {
  /** Its length in characters (UTF-16 units, as String.length counts). */
  chars: number;
  /** The whole text, as UTF-8. */
  bytes: Uint8Array;
}

/**
 * One thing a person sent, channel-neutral.
 *
 * @example
 * { id: "zalo:0c1f…", channel: "zalo", accountId: "5797…", userId: "2512…", kind: "message",
 *   text: "hội lim năm nay ngày nào", attachments: [], timestamp: 1764040000000 }
 */
export interface InboundMessage {
  /** Unique per channel: used to handle a retried delivery once. */
  id: string;
  /** Which channel it came from ("zalo", "messenger", "cli", "web"): a name, never a branch point outside channels. */
  channel: string;
  /** The OA id or page id that received it: picks the content pack. */
  accountId: string;
  /** The person, as the channel identifies them. */
  userId: string;
  kind: InboundKind;
  /**
   * What the person wrote; for a long text the channel got as bytes (`long`), only its first {@link LONG_TEXT_CHARS}
   * characters — more than anything reads of a text (understanding reads 2,000, a transcript line shows 2,000).
   */
  text?: string;
  /** A text longer than `text` holds: its length and the whole, as UTF-8 (the transcript keeps it). */
  long?: LongText;
  attachments: Attachment[];
  location?: GeoLocation;
  /** A button or quick-reply payload: bypasses understanding. */
  choice?: string;
  /** Form fields (Zalo user_submit_info: name, phone, address…); phone numbers in it are never logged. */
  info?: Record<string, string>;
  /** How the conversation was opened, for kind "start". */
  start?: StartInfo;
  /** The person's platform locale when the channel knows it ("vi_VN", "en_US"). */
  locale?: string;
  /** Epoch milliseconds when the person sent it. */
  timestamp: number;
}

// ===  Outbound  ===

/** One button / quick reply: the title the person sees, the payload that comes back as `choice`. */
export interface Choice {
  title: string;
  payload: string;
}

/**
 * One neutral reply; each channel renders it in its own format
 * (Zalo buttons or list template, Messenger quick replies or button template).
 *
 * @example { text: "Bạn muốn tìm hiểu gì?", choices: [{ title: "Lễ hội", payload: "menu:festivals" }] }
 */
export interface Reply {
  text: string;
  choices?: Choice[];
  images?: { url: string; caption?: string }[];
  links?: { title: string; url: string }[];
  /**
   * Ask for name and phone with one tap where the channel can (Zalo's request_user_info card; the answer comes
   * back as a "submit_info" message). Channels without it send `text` alone, which asks the person to type them.
   */
  requestContact?: { title: string; subtitle: string };
}

/** Normalises what handlers may pass to `ctx.reply`. */
export function toReply(reply: string | Reply): Reply {
  return typeof reply === "string" ? { text: reply } : reply;
}
