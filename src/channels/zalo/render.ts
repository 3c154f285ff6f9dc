import type { Reply } from "../../core/message.js";
import { splitText } from "../split-text.js";
import { ZALO_TEXT_LIMIT } from "./api.js";
import { CHOICE_PREFIX } from "./to-message.js";
import type { ZaloButton, ZaloOutboundMessage } from "./types.js";

/** Zalo shows at most 5 buttons under one message. */
const MAX_BUTTONS = 5;
const MAX_BUTTON_TITLE = 100;

/**
 * Renders one neutral reply as the Zalo messages to send, in order: text parts (split at 2,000 characters),
 * the last one carrying the choices as `oa.query.show` buttons (more than 5 continue in further messages),
 * then one media message per image. Links become lines of text, so they stay clickable in any client.
 *
 * @example renderForZalo({ text: "Chọn:", choices: [{ title: "Lễ hội", payload: "menu:festivals" }] })
 */
export function renderForZalo(reply: Reply): ZaloOutboundMessage[] {
  const links = (reply.links ?? []).map((link) => `${link.title}: ${link.url}`);
  const text = [reply.text, ...links].filter(Boolean).join("\n");
  const parts = splitText(text, ZALO_TEXT_LIMIT);
  const messages: ZaloOutboundMessage[] = [];
  const buttons = (reply.choices ?? []).map(
    (choice): ZaloButton => ({ title: choice.title.slice(0, MAX_BUTTON_TITLE), type: "oa.query.show", payload: CHOICE_PREFIX + choice.payload }),
  );
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (!last || buttons.length === 0) messages.push({ text: part });
    else messages.push({ text: part, attachment: { type: "template", payload: { buttons: buttons.slice(0, MAX_BUTTONS) } } });
  });
  for (let start = MAX_BUTTONS; start < buttons.length; start += MAX_BUTTONS) {
    messages.push({ text: "…", attachment: { type: "template", payload: { buttons: buttons.slice(start, start + MAX_BUTTONS) } } });
  }
  for (const image of reply.images ?? []) {
    messages.push({ attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", url: image.url }] } } });
  }
  return messages;
}
