import type { Attachment, InboundMessage } from "../../core/message.js";
import { arr, epochMs, num, obj, str } from "../read-fields.js";
import type { ZaloEvent } from "./types.js";

/**
 * The only place that reads Zalo's raw event fields (Chatwoot's param_helpers.rb): turns an event into the
 * neutral message, or undefined for events nobody answers (OA echoes, receipts) or that lack what a message
 * needs. Fields of the wrong type read as missing: odd payloads never throw here.
 */

/** A button payload comes back as the text "#<payload>" (see render.ts). */
export const CHOICE_PREFIX = "#";
const CHOICE_TEXT = /^#([a-z0-9_:.\-]+)$/i;

const ATTACHMENT_KINDS: Record<string, Attachment["kind"]> = { image: "image", gif: "image", link: "link", file: "file", audio: "audio", video: "video", sticker: "sticker" };

export function zaloEventToMessage(event: ZaloEvent): InboundMessage | undefined {
  const raw = event as unknown as Record<string, unknown>;
  const name = str(raw.event_name) ?? "";
  const timestamp = epochMs(raw.timestamp) ?? Date.now();
  const senderId = str(obj(raw.sender)?.id);
  const recipientId = str(obj(raw.recipient)?.id);
  const base = { channel: "zalo", attachments: [] as Attachment[], timestamp };

  if (name === "follow" || name === "unfollow") {
    const followerId = str(obj(raw.follower)?.id);
    if (!followerId) return undefined;
    return { ...base, id: `${name}:${followerId}:${timestamp}`, accountId: str(raw.oa_id) ?? "", userId: followerId, kind: name };
  }
  if (name === "user_submit_info") {
    if (!senderId) return undefined;
    const info = Object.fromEntries(Object.entries(obj(raw.info) ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    return { ...base, id: `submit:${senderId}:${timestamp}`, accountId: recipientId ?? "", userId: senderId, kind: "submit_info", info };
  }
  if (!name.startsWith("user_send_")) return undefined; // receipts, OA echoes, unknown events

  const body = obj(raw.message);
  const msgId = str(body?.msg_id);
  if (!body || !msgId || !senderId) return undefined;
  const text = str(body.text);
  const message: InboundMessage = { ...base, id: msgId, accountId: recipientId ?? str(raw.oa_id) ?? "", userId: senderId, kind: "message" };
  const choice = text?.trim().match(CHOICE_TEXT);
  if (choice) message.choice = choice[1];
  else if (text && name !== "user_send_link") message.text = text;

  for (const item of arr(body.attachments)) {
    const attachment = obj(item);
    const type = str(attachment?.type) ?? "";
    const payload = obj(attachment?.payload);
    if (type === "location") {
      const coordinates = obj(payload?.coordinates);
      const latitude = num(coordinates?.latitude);
      const longitude = num(coordinates?.longitude);
      if (latitude !== undefined && longitude !== undefined) message.location = { latitude, longitude };
      continue;
    }
    const url = str(payload?.url);
    const kind = ATTACHMENT_KINDS[type];
    if (url && kind) message.attachments.push({ kind, url, name: str(payload?.name) ?? str(payload?.title) });
  }
  if (name === "user_send_link" && message.attachments.length === 0 && text) message.attachments.push({ kind: "link", url: text });
  return message;
}
