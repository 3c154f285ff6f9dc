import type { Reply } from "../core/message.js";
import type { DialogContext, SharedContact } from "./dialog.js";
import { maskPhone, normalizePhone, personName } from "./phone.js";
import texts from "./shared-contact-texts.json" with { type: "json" };

/**
 * Contact details shared with one tap (Zalo's request_user_info card → a "submit_info" message): the name and
 * phone a dialog's name and phone steps take instead of typed text. Typing stays possible everywhere: channels
 * without the card show only the step's question, which asks the person to type.
 */

export type { SharedContact };

declare module "../core/conversation.js" {
  interface ConversationState {
    /** Shared before any dialog asked: kept for the next dialog that needs it, then dropped (src/dialogs/shared-contact.ts). */
    sharedContact?: SharedContact & { at: number };
    /** When the one-tap card was last offered: once per dialog (its startedAt). */
    contactCardFor?: number;
  }
}

/** Details shared before any dialog are kept this long for the next one, then dropped (collect only what a task needs). */
export const SHARED_CONTACT_TTL_MS = 7 * 24 * 3_600_000;

/** The name and phone in a submit_info's fields; undefined when neither is usable. */
export function sharedContactOf(info: Record<string, string> | undefined): SharedContact | undefined {
  const name = info?.name ? personName(info.name) : undefined;
  const phone = info?.phone ? normalizePhone(info.phone) : undefined;
  return name || phone ? { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } : undefined;
}

/** "Nguyễn Văn A, 09******78" — the phone masked, as every reply shows it. */
export function describeContact(contact: SharedContact): string {
  return [contact.name, contact.phone && maskPhone(contact.phone)].filter(Boolean).join(", ");
}

/**
 * The step's question with the one-tap card, the first time a dialog asks for contact details (a second card
 * for the phone after the name was typed would only repeat it).
 */
export function withContactCard(ctx: DialogContext, question: Reply): Reply {
  const dialog = ctx.conversation.state.dialog;
  if (!dialog || ctx.conversation.state.contactCardFor === dialog.startedAt) return question;
  ctx.conversation.state.contactCardFor = dialog.startedAt;
  return { ...question, requestContact: { title: ctx.say(texts.cardTitle), subtitle: ctx.say(texts.cardSubtitle) } };
}

export { texts as sharedContactTexts };
