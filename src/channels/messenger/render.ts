import type { Reply } from "../../core/message.js";
import { splitText } from "../split-text.js";
import type { MessengerOutboundMessage, MessengerQuickReply } from "./graph/send-types.js";

/** Messenger's limits. */
export const MESSENGER_LIMITS = { text: 2000, quickReplies: 13, quickReplyTitle: 20, templateButtons: 3 } as const;

/**
 * Renders one neutral reply as Send API messages: text split at 2,000 characters, choices as quick replies
 * on the last part (at most 13, titles cut to 20 characters; more choices are listed in the text with numbers,
 * which the bot also understands), then one message per image. Links become lines of text.
 *
 * @example renderForMessenger({ text: "Chọn:", choices: [{ title: "Lễ hội", payload: "menu:festivals" }] })
 */
export function renderForMessenger(reply: Reply): MessengerOutboundMessage[] {
  const choices = reply.choices ?? [];
  const overflow = choices.length > MESSENGER_LIMITS.quickReplies ? choices.map((choice, i) => `${i + 1}. ${choice.title}`) : [];
  const links = (reply.links ?? []).map((link) => `${link.title}: ${link.url}`);
  const text = [reply.text, ...overflow, ...links].filter(Boolean).join("\n");
  const parts = splitText(text, MESSENGER_LIMITS.text);
  const quickReplies: MessengerQuickReply[] = choices.slice(0, MESSENGER_LIMITS.quickReplies).map((choice) => ({
    content_type: "text",
    title: shorten(choice.title, MESSENGER_LIMITS.quickReplyTitle),
    payload: choice.payload,
  }));
  const messages: MessengerOutboundMessage[] = parts.map((part, index) =>
    index === parts.length - 1 && quickReplies.length > 0 ? { text: part, quick_replies: quickReplies } : { text: part },
  );
  for (const image of reply.images ?? []) messages.push({ attachment: { type: "image", payload: { url: image.url, is_reusable: true } } });
  return messages;
}

function shorten(title: string, limit: number): string {
  const chars = [...title];
  return chars.length <= limit ? title : chars.slice(0, limit - 1).join("") + "…";
}
