import type { Attachment, InboundMessage } from "../../core/message.js";
import type { ZaloAttachment, ZaloEvent } from "./types.js";

/**
 * The only place that reads Zalo's raw event fields (Chatwoot's param_helpers.rb): turns an event into the
 * neutral message, or undefined for events nobody answers (OA echoes, receipts).
 */

/** A button payload comes back as the text "#<payload>" (see render.ts). */
export const CHOICE_PREFIX = "#";
const CHOICE_TEXT = /^#([a-z0-9_:.\-]+)$/i;

export function zaloEventToMessage(event: ZaloEvent): InboundMessage | undefined {
  const timestamp = Number(event.timestamp) || Date.now();
  const base = { channel: "zalo", attachments: [] as Attachment[], timestamp };
  switch (event.event_name) {
    case "follow":
    case "unfollow": {
      if (!event.follower?.id) return undefined;
      const accountId = event.oa_id ?? "";
      return { ...base, id: `${event.event_name}:${event.follower.id}:${event.timestamp}`, accountId, userId: event.follower.id, kind: event.event_name };
    }
    case "user_submit_info": {
      const info = Object.fromEntries(Object.entries(event.info ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      return { ...base, id: `submit:${event.sender.id}:${event.timestamp}`, accountId: event.recipient?.id ?? "", userId: event.sender.id, kind: "submit_info", info };
    }
    case "user_received_message":
    case "user_seen_message":
      return undefined;
    default:
      if (event.event_name.startsWith("oa_send_")) return undefined;
  }
  if (!("message" in event) || !event.message?.msg_id || !("sender" in event) || !event.sender?.id) return undefined;
  const text = typeof event.message.text === "string" ? event.message.text : undefined;
  const message: InboundMessage = {
    ...base,
    id: event.message.msg_id,
    accountId: event.recipient?.id ?? event.oa_id ?? "",
    userId: event.sender.id,
    kind: "message",
  };
  const choice = text?.trim().match(CHOICE_TEXT);
  if (choice) message.choice = choice[1];
  else if (text && event.event_name !== "user_send_link") message.text = text;
  for (const attachment of event.message.attachments ?? []) {
    if (attachment.type === "location") {
      const coordinates = attachment.payload?.coordinates;
      const latitude = Number(coordinates?.latitude);
      const longitude = Number(coordinates?.longitude);
      if (Number.isFinite(latitude) && Number.isFinite(longitude)) message.location = { latitude, longitude };
      continue;
    }
    const converted = toAttachment(attachment);
    if (converted) message.attachments.push(converted);
  }
  if (event.event_name === "user_send_link" && message.attachments.length === 0 && text) message.attachments.push({ kind: "link", url: text });
  return message;
}

function toAttachment(attachment: ZaloAttachment): Attachment | undefined {
  const url = attachment.payload?.url;
  if (!url) return undefined;
  const kinds: Record<string, Attachment["kind"]> = { image: "image", gif: "image", link: "link", file: "file", audio: "audio", video: "video", sticker: "sticker" };
  const kind = kinds[attachment.type];
  if (!kind) return undefined;
  return { kind, url, name: attachment.payload?.name ?? attachment.payload?.title };
}
