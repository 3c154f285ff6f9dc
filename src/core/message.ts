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

/** What the person did: wrote something, or (un)followed the account, or submitted a form. */
export type InboundKind = "message" | "follow" | "unfollow" | "submit_info";

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
  text?: string;
  attachments: Attachment[];
  location?: GeoLocation;
  /** A button or quick-reply payload: bypasses understanding. */
  choice?: string;
  /** Form fields (Zalo user_submit_info); phone numbers in it are never logged. */
  info?: Record<string, string>;
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
}

/** Normalises what handlers may pass to `ctx.reply`. */
export function toReply(reply: string | Reply): Reply {
  return typeof reply === "string" ? { text: reply } : reply;
}
