import type { Attachment, InboundMessage } from "../../core/message.js";
import { arr, epochMs, num, obj, str, textField } from "../read-fields.js";
import type { MessengerWebhookBody } from "./webhook-types.js";

/**
 * The only place that reads Messenger's raw webhook fields: every messaging item of every entry becomes a
 * neutral message; deliveries and reads are dropped. Postbacks and quick replies become `choice`. An echo (a message
 * the page sent) is dropped when the bot sent it — it carries our metadata (BOT_METADATA) or our app's id
 * (FB_APP_ID) — and otherwise becomes a "staff_echo": someone answered from the Page inbox (app_id absent or another app's).
 * Fields of the wrong type read as missing: odd payloads never throw here.
 */

/** The payload of the page's Get Started button (scripts/messenger-setup.ts). */
export const GET_STARTED = "GET_STARTED";

/** The `metadata` every message the bot sends carries (outbound.ts); Meta returns it in the echo. */
export const BOT_METADATA = "tro-ly-van-hoa:bot";

/** What tells the bot's own echoes apart: our app's id, when configured (FB_APP_ID). */
export interface EchoOptions {
  appId?: string;
}

const ATTACHMENT_KINDS: Record<string, Attachment["kind"]> = { image: "image", video: "video", audio: "audio", file: "file", fallback: "link" };

export function messengerBodyToMessages(body: MessengerWebhookBody, echo: EchoOptions = {}): InboundMessage[] {
  const messages: InboundMessage[] = [];
  for (const rawEntry of arr(obj(body)?.entry)) {
    const entry = obj(rawEntry);
    for (const rawItem of arr(entry?.messaging)) {
      const item = obj(rawItem);
      const pageId = str(entry?.id) ?? str(obj(item?.recipient)?.id) ?? "";
      const message = !item ? undefined : obj(item.message)?.is_echo === true ? echoToMessage(item, pageId, echo) : itemToMessage(item, pageId);
      if (message) messages.push(message);
    }
  }
  return messages;
}

/** An echo: undefined when it is the bot's own, else the staff member's reply to the person (its recipient). */
function echoToMessage(item: Record<string, unknown>, pageId: string, echo: EchoOptions): InboundMessage | undefined {
  const message = obj(item.message)!;
  const userId = str(obj(item.recipient)?.id);
  const mid = str(message.mid);
  if (!userId || !mid) return undefined;
  if (str(message.metadata) === BOT_METADATA) return undefined;
  const appId = message.app_id === undefined || message.app_id === null ? undefined : String(message.app_id);
  if (echo.appId && appId === echo.appId) return undefined;
  const result: InboundMessage = { channel: "messenger", accountId: pageId, userId, kind: "staff_echo", id: mid, attachments: [], timestamp: epochMs(item.timestamp) ?? Date.now() };
  const { text, long } = textField(message, "text");
  if (text) result.text = text;
  if (long) result.long = long;
  for (const rawAttachment of arr(message.attachments)) {
    const attachment = obj(rawAttachment);
    const url = str(obj(attachment?.payload)?.url);
    const kind = ATTACHMENT_KINDS[str(attachment?.type) ?? ""];
    if (kind && url) result.attachments.push({ kind, url });
  }
  return result;
}

function itemToMessage(item: Record<string, unknown>, pageId: string): InboundMessage | undefined {
  const userId = str(obj(item.sender)?.id);
  if (!userId) return undefined;
  const timestamp = epochMs(item.timestamp) ?? Date.now();
  const base = { channel: "messenger", accountId: pageId, userId, kind: "message" as const, attachments: [] as Attachment[], timestamp };

  // An m.me link or QR code with ?ref= opened an existing conversation (a standalone referral event)…
  const referral = obj(item.referral);
  if (referral) {
    const ref = str(referral.ref);
    return { ...base, kind: "start", id: `referral:${userId}:${timestamp}`, start: { via: "referral", ...(ref ? { ref } : {}) } };
  }
  const postback = obj(item.postback);
  const postbackPayload = str(postback?.payload);
  // …or Get Started was tapped, possibly from such a link (then the postback carries the referral).
  if (postbackPayload === GET_STARTED) {
    const ref = str(obj(postback?.referral)?.ref);
    const id = str(postback?.mid) ?? `start:${userId}:${timestamp}`;
    return { ...base, kind: "start", id, start: ref ? { via: "referral", ref } : { via: "get_started" } };
  }
  if (postbackPayload) {
    const id = str(postback?.mid) ?? `postback:${userId}:${timestamp}:${postbackPayload}`;
    return { ...base, id, choice: postbackPayload, text: str(postback?.title) };
  }

  const message = obj(item.message);
  const mid = str(message?.mid);
  if (!message || !mid) return undefined;
  const result: InboundMessage = { ...base, id: mid };
  if (message.sticker_id !== undefined && arr(message.attachments).length === 0) result.attachments.push({ kind: "sticker", url: "" });
  const quickReply = str(obj(message.quick_reply)?.payload);
  if (quickReply) result.choice = quickReply;
  const { text, long } = textField(message, "text");
  if (text) result.text = text;
  if (long) result.long = long;
  for (const rawAttachment of arr(message.attachments)) {
    const attachment = obj(rawAttachment);
    const type = str(attachment?.type) ?? "";
    const payload = obj(attachment?.payload);
    const coordinates = obj(payload?.coordinates);
    if (type === "location" && coordinates) {
      const latitude = num(coordinates.lat);
      const longitude = num(coordinates.long);
      if (latitude !== undefined && longitude !== undefined) result.location = { latitude, longitude, title: str(attachment?.title) };
      continue;
    }
    const url = str(payload?.url) ?? str(attachment?.url);
    const kind = ATTACHMENT_KINDS[type];
    // A sticker, and the thumbs-up "like" (a sticker too), come as images with a sticker_id.
    if (kind && url) result.attachments.push({ kind: payload?.sticker_id !== undefined ? "sticker" : kind, url, name: str(attachment?.title) });
  }
  return result;
}
