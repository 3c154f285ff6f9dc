import type { AppContext } from "../shared/app-context.js";
import type { IntentLabel } from "../nlu/index.js";
import type { Dialog } from "./define-dialog.js";
import type { Step } from "./dialog.js";

/**
 * Whether a message inside a dialog is about something else (a festival question in the middle of a report):
 * then the rest of the bot answers it and the dialog asks its step again.
 *
 * Deliberately strict, because the steps take free text (a description may well name a festival): the intent
 * must be another answerable topic, the classifier sure of it, and the message shaped like a question, or
 * another dialog's intent said plainly ("tôi muốn phản ánh" while registering, "cho tôi gặp cán bộ"). A step that
 * takes data (a name, a phone number) is never asked this: its answer is never an intent.
 */

/** Intents the rest of the bot answers in one message. */
const ANSWERED: readonly IntentLabel[] = ["festival_dates", "heritage_info", "plan_info", "contact_info", "join_class", "report_status"];
/** Intents that start a dialog of their own, or the handoff to staff. */
const STARTS_DIALOG: readonly IntentLabel[] = ["report_violation", "join_class", "human_handoff"];

/** How sure the classifier must be (it reaches 0.9–1.0 on plain questions; free-text answers score lower). */
export const UNRELATED_MIN_CONFIDENCE = 0.8;

const QUESTION_WORDS = /(^| )(nao|gi|dau|sao|bao gio|bao nhieu|bao lau|khi nao|the nao|ra sao|la ai|ai|what|when|where|which|who|how|why)( |$)|(^| )(khong|chua|ko|k)$/;

/** A question by its shape: a question mark or a Vietnamese/English question word. */
export function looksLikeQuestion(text: string, folded: string): boolean {
  return text.includes("?") || QUESTION_WORDS.test(folded);
}

/** True when the message should go to the rest of the bot rather than to the step. */
export function isUnrelated<D>(ctx: AppContext, dialog: Dialog<D>, step: Step<D>, data: D): boolean {
  const understanding = ctx.understanding;
  if (!understanding || ctx.choice !== undefined || !ctx.text) return false;
  if (dialog.ownIntents.includes(understanding.intent)) return false;
  if (step.accepts?.(ctx, data)) return false;
  if (understanding.confidence < UNRELATED_MIN_CONFIDENCE) return false;
  if (understanding.intent === "report_status" && (understanding.entities.ticketCodes?.length ?? 0) > 0) return true;
  if (STARTS_DIALOG.includes(understanding.intent) && understanding.confidence >= 0.9) return true;
  return ANSWERED.includes(understanding.intent) && looksLikeQuestion(ctx.text, understanding.folded);
}
