import type { Attachment, InboundMessage } from "../../core/message.js";
import { arr, epochMs, num, obj, str, textField } from "../read-fields.js";
import type { AnyUserMessageEvent, ZaloChatNowEvent, ZaloEvent, ZaloFollowEvent, ZaloOaEchoEvent, ZaloSubmitInfoEvent } from "./sdk/index.js";

/**
 * The only place that reads Zalo's raw event fields (Chatwoot's param_helpers.rb): one function per kind of event
 * the channel answers, each giving the neutral message or undefined when the event lacks what a message needs.
 * Fields are read defensively — a field of the wrong type reads as missing — so odd payloads never throw here.
 */

/** A button payload comes back as the person's text "#<payload>" (see render.ts). */
export const CHOICE_PREFIX = "#";
const CHOICE_TEXT = /^#([a-z0-9_:.\-]+)$/i;

// A gif from Zalo's gif picker is a reaction, like a sticker, not a photo of something.
const ATTACHMENT_KINDS: Record<string, Attachment["kind"]> = { image: "image", gif: "sticker", link: "link", file: "file", audio: "audio", video: "video", sticker: "sticker" };

/** What every neutral message from Zalo shares. */
function base(event: ZaloEvent) {
  const raw = event as unknown as Record<string, unknown>;
  return { channel: "zalo", attachments: [] as Attachment[], timestamp: epochMs(raw.timestamp) ?? Date.now() };
}

/** A person's message of any kind: text (a button's "#payload" becomes `choice`), attachments, a location. */
export function messageFromEvent(event: AnyUserMessageEvent): InboundMessage | undefined {
  const raw = event as unknown as Record<string, unknown>;
  const body = obj(raw.message);
  const msgId = str(body?.msg_id);
  const senderId = str(obj(raw.sender)?.id);
  if (!body || !msgId || !senderId) return undefined;
  const accountId = str(obj(raw.recipient)?.id) ?? str(raw.oa_id) ?? "";
  const message: InboundMessage = { ...base(event), id: msgId, accountId, userId: senderId, kind: "message" };
  const { text, long } = textField(body, "text");
  const choice = text?.trim().match(CHOICE_TEXT);
  if (choice) message.choice = choice[1];
  else if (text && event.event_name !== "user_send_link") {
    message.text = text;
    if (long) message.long = long;
  }

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
  if (event.event_name === "user_send_link" && message.attachments.length === 0 && text) message.attachments.push({ kind: "link", url: text });
  return message;
}

/** follow / unfollow: the follower, and the OA. */
export function followFromEvent(event: ZaloFollowEvent): InboundMessage | undefined {
  const raw = event as unknown as Record<string, unknown>;
  const followerId = str(obj(raw.follower)?.id);
  if (!followerId) return undefined;
  const message = base(event);
  return { ...message, id: `${event.event_name}:${followerId}:${message.timestamp}`, accountId: str(raw.oa_id) ?? "", userId: followerId, kind: event.event_name };
}

/** user_submit_info: the fields the person shared (string values only). */
export function submitInfoFromEvent(event: ZaloSubmitInfoEvent): InboundMessage | undefined {
  const raw = event as unknown as Record<string, unknown>;
  const senderId = str(obj(raw.sender)?.id);
  if (!senderId) return undefined;
  const info = Object.fromEntries(Object.entries(obj(raw.info) ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const message = base(event);
  return { ...message, id: `submit:${senderId}:${message.timestamp}`, accountId: str(obj(raw.recipient)?.id) ?? "", userId: senderId, kind: "submit_info", info };
}


/** user_click_chatnow: the person tapped "Nhắn tin" on the OA's page; nothing written yet. */
export function chatNowFromEvent(event: ZaloChatNowEvent): InboundMessage | undefined {
  const raw = event as unknown as Record<string, unknown>;
  const userId = str(raw.user_id) ?? str(obj(raw.sender)?.id);
  if (!userId) return undefined;
  const message = base(event);
  const accountId = str(raw.oa_id) ?? str(obj(raw.recipient)?.id) ?? "";
  return { ...message, id: `chatnow:${userId}:${message.timestamp}`, accountId, userId, kind: "start", start: { via: "chat_now" } };
}

/** oa_send_*: a message the OA sent, read for its id and the person it went to (the echo's recipient). */
export function echoTarget(event: ZaloOaEchoEvent): { msgId: string; userId: string } | undefined {
  const raw = event as unknown as Record<string, unknown>;
  const msgId = str(obj(raw.message)?.msg_id);
  const userId = str(obj(raw.recipient)?.id);
  return msgId && userId ? { msgId, userId } : undefined;
}

/**
 * oa_send_* that the bot did not send (handlers.ts checks): a staff member answered from the OA chat. The neutral
 * "staff_echo" for the person it went to, with what was sent, for the transcript.
 */
export function staffEchoFromEvent(event: ZaloOaEchoEvent): InboundMessage | undefined {
  const raw = event as unknown as Record<string, unknown>;
  const target = echoTarget(event);
  if (!target) return undefined;
  const body = obj(raw.message);
  const accountId = str(obj(raw.sender)?.id) ?? str(raw.oa_id) ?? "";
  const message: InboundMessage = { ...base(event), id: target.msgId, accountId, userId: target.userId, kind: "staff_echo" };
  const { text, long } = textField(body, "text");
  if (text) message.text = text;
  if (long) message.long = long;
  for (const item of arr(body?.attachments)) {
    const attachment = obj(item);
    const url = str(obj(attachment?.payload)?.url);
    const kind = ATTACHMENT_KINDS[str(attachment?.type) ?? ""];
    if (url && kind) message.attachments.push({ kind, url });
  }
  return message;
}
