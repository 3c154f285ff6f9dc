import { mainMenu } from "../shared/menu.js";
import type { AppContext } from "../shared/app-context.js";
import type { NextFunction } from "../core/composer.js";
import type { Reply } from "../core/message.js";
import { dialogCommand } from "./commands.js";
import { CANCEL_PAYLOAD, SKIP_PAYLOAD, type Dialog } from "./define-dialog.js";
import type { DialogContext, DialogState, StepResult } from "./dialog.js";
import dialogTexts from "./dialog-texts.json" with { type: "json" };
import { isUnrelated } from "./unrelated.js";
import { SHARED_CONTACT_TTL_MS } from "./shared-contact.js";

/**
 * Runs whichever dialog the person is in, and does what every dialog shares: "hủy"/"cancel" leaves it,
 * "bỏ qua"/"skip" skips an optional step, a question about something else is answered by the rest of the bot
 * (`next()`) and the step asked again, and 30 minutes of silence end it (the dialog may keep a draft).
 */

export { CANCEL_PAYLOAD, SKIP_PAYLOAD };

/** How long a dialog waits for the person: after this, their next message starts fresh. */
export const DIALOG_TIMEOUT_MS = 30 * 60_000;

// Dialogs of every data shape share the runner; each reads its own data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDialog = Dialog<any>;

// ===  State  ===

/** The open dialog of this conversation, if any. */
export function activeDialog(ctx: Pick<DialogContext, "conversation">): DialogState | undefined {
  const state = ctx.conversation.state.dialog;
  return state && typeof state === "object" && typeof state.step === "string" ? state : undefined;
}

/**
 * Opens a dialog and asks its first unanswered step, or `step` (after `intro`, when given). Replaces any open dialog.
 *
 * @example await startDialog(ctx, reportDialog, { evidence: [] }, "Mình giúp bạn gửi phản ánh.");
 */
export async function startDialog<D>(ctx: AppContext, dialog: Dialog<D>, data: D, intro?: string, at?: string): Promise<void> {
  const now = ctx.services.now();
  // Contact details shared with one tap before this dialog asked are taken now (once), and not asked again.
  const shared = ctx.conversation.state.sharedContact;
  if (shared && now - shared.at > SHARED_CONTACT_TTL_MS) delete ctx.conversation.state.sharedContact;
  else if (shared && dialog.takeContact(ctx, data, { name: shared.name, phone: shared.phone })) delete ctx.conversation.state.sharedContact;
  const step = at ?? dialog.nextStep(data);
  const state: DialogState<D> = { name: dialog.name, step, data, startedAt: now, updatedAt: now };
  ctx.conversation.state.dialog = state;
  ctx.outcome = "in_dialog";
  await ask(ctx, dialog, state, intro);
  if (activeDialog(ctx) !== state) ctx.outcome = "answered";
}

/** Closes the open dialog (nothing is kept). */
export function endDialog(ctx: Pick<DialogContext, "conversation">): void {
  delete ctx.conversation.state.dialog;
}

// ===  Runner  ===

/**
 * The middleware: handles a message for the open dialog, or passes it on when there is none (or it timed out).
 *
 * @example composer.use(createDialogRunner([reportDialog, registrationDialog]), reportStart)
 */
export function createDialogRunner(dialogs: readonly AnyDialog[]) {
  const byName = new Map(dialogs.map((dialog) => [dialog.name, dialog]));
  return async function dialogRunner(ctx: AppContext, next: NextFunction): Promise<void> {
    const state = activeDialog(ctx);
    const dialog = state && byName.get(state.name);
    if (!state || ctx.message.kind !== "message") return next();
    const step = dialog?.step(state.step);
    if (!dialog || !step) {
      // A dialog or step that no longer exists (after an update): start fresh rather than get stuck.
      endDialog(ctx);
      return next();
    }
    if (ctx.services.now() - state.updatedAt > DIALOG_TIMEOUT_MS) {
      endDialog(ctx);
      await dialog.abandoned?.(ctx, state, "timeout");
      return next();
    }
    state.updatedAt = ctx.services.now();

    const command = ctx.choice === CANCEL_PAYLOAD ? "cancel" : ctx.choice === SKIP_PAYLOAD ? "skip" : ctx.choice ? undefined : dialogCommand(ctx.text);
    if (command === "cancel") {
      endDialog(ctx);
      ctx.outcome = "answered";
      await ctx.reply({ text: ctx.say(dialog.cancelled), choices: mainMenu(ctx.language) });
      return;
    }
    if (command === "skip") {
      if (step.skip) return apply(ctx, dialog, state, await step.skip(ctx, state.data));
      // "Không" may still answer a required step (a yes/no question): the step says whether it takes it.
      if (ctx.choice !== undefined || !step.accepts?.(ctx, state.data)) return again(ctx, dialog, state, ctx.say(dialogTexts.cannotSkip));
    }

    if (ctx.choice !== undefined && !dialog.ownsChoice(ctx.choice)) {
      if (dialog.startPayloads?.includes(ctx.choice)) return again(ctx, dialog, state, ctx.say(dialog.resumeLine));
      return answerElsewhere(ctx, next, dialog, state);
    }
    if (!step.takesData && isUnrelated(ctx, dialog, step, state.data)) return answerElsewhere(ctx, next, dialog, state);
    await apply(ctx, dialog, state, await step.handle(ctx, state.data));
  };
}

/** Lets the rest of the bot answer, then asks the step again, unless that answer opened another dialog or handed off. */
async function answerElsewhere(ctx: AppContext, next: NextFunction, dialog: AnyDialog, state: DialogState): Promise<void> {
  await next();
  if (ctx.outcome === "handed_off") return; // staff answer now; the dialog waits for the person's return
  const now = activeDialog(ctx);
  if (now === state) {
    if (ctx.outcome !== "answered") ctx.outcome = "in_dialog";
    return ask(ctx, dialog, state, ctx.say(dialog.resumeLine));
  }
  // Another dialog was started (or this one closed) by what came after: this one is left unfinished.
  if (now !== undefined) await dialog.abandoned?.(ctx, state, "replaced");
}

/** Applies a step's result. */
async function apply(ctx: AppContext, dialog: AnyDialog, state: DialogState, result: StepResult): Promise<void> {
  ctx.outcome = "in_dialog";
  if ("done" in result) {
    if (activeDialog(ctx) === state) endDialog(ctx);
    ctx.outcome = "answered";
    return;
  }
  if ("stay" in result) return ctx.reply(result.stay);
  // The question went out just before this message, which was written without it (BotContext.previousRepliesUnseen):
  // asking it again would send it twice, and a person answers each copy (the second answer lands on the next step).
  if ("invalid" in result) return ctx.previousRepliesUnseen ? undefined : ask(ctx, dialog, state, result.invalid);
  state.step = "goto" in result ? result.goto : dialog.nextStep(state.data);
  await ask(ctx, dialog, state, result.say);
  // A dialog without a summary ends with its last answer.
  if (activeDialog(ctx) !== state) ctx.outcome = "answered";
}

/** Asks the same step again, after `line`. */
function again(ctx: AppContext, dialog: AnyDialog, state: DialogState, line: string): Promise<void> {
  ctx.outcome = "in_dialog";
  return ask(ctx, dialog, state, line);
}

/**
 * Asks the current step, with a line before it when given. A step that prepares its question may find nothing to ask
 * (it is then answered) and the next one is asked; a dialog without a summary whose steps are all answered is over.
 */
export async function ask(ctx: DialogContext, dialog: AnyDialog, state: DialogState, before?: string): Promise<void> {
  let step = dialog.step(state.step);
  while (step?.prepare) {
    await step.prepare(ctx, state.data);
    const next = dialog.nextStep(state.data);
    if (next === state.step) break;
    state.step = next;
    step = dialog.step(next);
  }
  if (!step) {
    if (activeDialog(ctx) === state) endDialog(ctx);
    if (before) await ctx.reply({ text: before });
    return;
  }
  const question: Reply = step.ask(ctx, state.data);
  await ctx.reply(before ? { ...question, text: `${before}\n\n${question.text}` } : question);
}
