import type { Reply } from "../../core/message.js";
import { splitText } from "../split-text.js";
import { buildButtons, buildImage, buildRequestUserInfo, ZALO_MAX_BUTTONS, ZALO_TEXT_LIMIT, type ZaloButton, type ZaloCsMessage } from "./sdk/index.js";
import { CHOICE_PREFIX } from "./to-message.js";

const MAX_BUTTON_TITLE = 100;

/**
 * Renders one neutral reply as the Zalo messages to send, in order: text parts (split at 2,000 characters), the
 * last one carrying the choices as `oa.query.show` buttons (more than 5 continue in further messages), then one
 * media message per image, then the request_user_info card when the reply asks for contact details and the OA has
 * an image for the card (Zalo refuses the card without one; the text alone then asks the person to type).
 * Links become lines of text, so they stay clickable in any client.
 *
 * @example renderForZalo({ text: "Chọn:", choices: [{ title: "Lễ hội", payload: "menu:festivals" }] })
 */
export function renderForZalo(reply: Reply, options: { contactCardImageUrl?: string } = {}): ZaloCsMessage[] {
  const links = (reply.links ?? []).map((link) => `${link.title}: ${link.url}`);
  const parts = splitText([reply.text, ...links].filter(Boolean).join("\n"), ZALO_TEXT_LIMIT);
  const buttons = (reply.choices ?? []).map(
    (choice): ZaloButton => ({ title: choice.title.slice(0, MAX_BUTTON_TITLE), type: "oa.query.show", payload: CHOICE_PREFIX + choice.payload }),
  );
  const messages: ZaloCsMessage[] = parts.map((part, index) =>
    index === parts.length - 1 && buttons.length > 0 ? buildButtons(part, buttons.slice(0, ZALO_MAX_BUTTONS)) : { text: part },
  );
  for (let start = ZALO_MAX_BUTTONS; start < buttons.length; start += ZALO_MAX_BUTTONS) {
    messages.push(buildButtons("…", buttons.slice(start, start + ZALO_MAX_BUTTONS)));
  }
  for (const image of reply.images ?? []) messages.push(buildImage({ url: image.url }, image.caption));
  if (reply.requestContact && options.contactCardImageUrl) messages.push(buildRequestUserInfo({ ...reply.requestContact, imageUrl: options.contactCardImageUrl }));
  return messages;
}
