import type { Attachment, InboundMessage } from "../../core/message.js";
import type { MessengerMessagingItem, MessengerWebhookBody } from "./types.js";

/**
 * The only place that reads Messenger's raw webhook fields: every messaging item of every entry becomes a
 * neutral message; echoes, deliveries and reads are dropped. Postbacks and quick replies become `choice`.
 */
export function messengerBodyToMessages(body: MessengerWebhookBody): InboundMessage[] {
  const messages: InboundMessage[] = [];
  for (const entry of Array.isArray(body?.entry) ? body.entry : []) {
    for (const item of Array.isArray(entry?.messaging) ? entry.messaging : []) {
      const message = itemToMessage(item, String(entry.id ?? item?.recipient?.id ?? ""));
      if (message) messages.push(message);
    }
  }
  return messages;
}

function itemToMessage(item: MessengerMessagingItem, pageId: string): InboundMessage | undefined {
  const userId = item?.sender?.id;
  if (typeof userId !== "string" || !userId) return undefined;
  const base = { channel: "messenger", accountId: pageId, userId, kind: "message" as const, attachments: [] as Attachment[], timestamp: Number(item.timestamp) || Date.now() };
  if (item.postback && typeof item.postback.payload === "string") {
    const id = item.postback.mid ?? `postback:${userId}:${item.timestamp}:${item.postback.payload}`;
    return { ...base, id, choice: item.postback.payload, text: item.postback.title };
  }
  const message = item.message;
  if (!message || typeof message.mid !== "string" || message.is_echo) return undefined;
  const result: InboundMessage = { ...base, id: message.mid };
  if (message.quick_reply?.payload) result.choice = message.quick_reply.payload;
  if (typeof message.text === "string") result.text = message.text;
  for (const attachment of Array.isArray(message.attachments) ? message.attachments : []) {
    const coordinates = attachment?.payload?.coordinates;
    if (attachment?.type === "location" && coordinates) {
      result.location = { latitude: Number(coordinates.lat), longitude: Number(coordinates.long), title: attachment.title };
      continue;
    }
    const url = attachment?.payload?.url ?? attachment?.url;
    const kinds: Record<string, Attachment["kind"]> = { image: "image", video: "video", audio: "audio", file: "file", fallback: "link" };
    const kind = kinds[attachment?.type];
    if (kind && typeof url === "string") result.attachments.push({ kind: attachment.payload?.sticker_id ? "sticker" : kind, url, name: attachment.title });
  }
  return result;
}
