import type { AppContext } from "../shared/app-context.js";
import { mainMenu } from "../shared/menu.js";
import type { NextFunction } from "../core/composer.js";
import type { Reply } from "../core/message.js";
import { dialogCommand } from "./commands.js";
import type { DialogDefinition, DialogState, StepOutcome } from "./dialog.js";
import { isUnrelated } from "./unrelated.js";

/**
 * Runs whichever dialog the person is in, and does what every dialog shares: "hủy"/"cancel" leaves it,
 * "bỏ qua"/"skip" skips an optional step, a question about something else is answered by the rest of the bot
 * (`next()`) and the step asked again, and 30 minutes of silence end it (the dialog may keep a draft).
 */

/** How long a dialog waits for the person: after this, their next message starts fresh. */
export const DIALOG_TIMEOUT_MS = 30 * 60_000;

/** The payload of the "Hủy" choice, understood by every dialog. */
export const CANCEL_PAYLOAD = "dialog:cancel";
/** The payload of the "Bỏ qua" choice. */
export const SKIP_PAYLOAD = "dialog:skip";

// ===  State  ===

/** The open dialog of this conversation, if any. */
export function activeDialog(ctx: AppContext): DialogState | undefined {
  const state = ctx.conversation.state.dialog as DialogState | undefined;
  return state && typeof state === "object" && typeof state.step === "string" ? state : undefined;
}

/**
 * Opens a dialog at `step` and asks it (after `intro`, when given). Replaces any open dialog.
 *
 * @example await startDialog(ctx, reportDialog, "category", { evidence: [] }, "Mình giúp bạn gửi phản ánh.");
 */
export async function startDialog<D>(ctx: AppContext, dialog: DialogDefinition<D>, step: string, data: D, intro?: string): Promise<void> {
  const now = ctx.services.now();
  const state: DialogState<D> = { name: dialog.name, step, data, startedAt: now, updatedAt: now };
  ctx.conversation.state.dialog = state;
  await ask(ctx, dialog, state, intro);
}

/** Closes the open dialog (nothing is kept). */
export function endDialog(ctx: AppContext): void {
  delete ctx.conversation.state.dialog;
}

// ===  Runner  ===

/**
 * The middleware: handles a message for the open dialog, or passes it on when there is none (or it timed out).
 *
 * @example new BotComposer<AppContext>(createDialogRunner([reportDialog, registrationDialog]), startReport)
 */
export function createDialogRunner(dialogs: readonly DialogDefinition[]) {
  const byName = new Map(dialogs.map((dialog) => [dialog.name, dialog]));
  return async function dialogRunner(ctx: AppContext, next: NextFunction): Promise<void> {
    const state = activeDialog(ctx);
    const dialog = state && byName.get(state.name);
    if (!state || ctx.message.kind !== "message") return next();
    const step = dialog?.steps[state.step];
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
      await ctx.reply({ text: dialog.cancelled(ctx, state), choices: mainMenu(ctx.language) });
      return;
    }
    if (command === "skip") {
      if (step.skip) return apply(ctx, dialog, state, await step.skip(ctx, state));
      // "Không" may still answer a required step (a yes/no question): the step says whether it takes it.
      if (ctx.choice !== undefined || !step.accepts?.(ctx, state)) {
        return ask(ctx, dialog, state, ctx.t("Bước này cần thiết, không bỏ qua được.", "This step is needed and cannot be skipped."));
      }
    }

    if (ctx.choice !== undefined && !dialog.ownsChoice(ctx.choice)) {
      if (dialog.startPayloads.includes(ctx.choice)) return ask(ctx, dialog, state, dialog.resumeLine(ctx));
      return answerElsewhere(ctx, next, dialog, state);
    }
    if (isUnrelated(ctx, dialog, step, state)) return answerElsewhere(ctx, next, dialog, state);
    await apply(ctx, dialog, state, await step.handle(ctx, state));
  };
}

/** Lets the rest of the bot answer, then asks the step again, unless that answer opened another dialog. */
async function answerElsewhere(ctx: AppContext, next: NextFunction, dialog: DialogDefinition, state: DialogState): Promise<void> {
  await next();
  const now = activeDialog(ctx);
  if (now === state) return ask(ctx, dialog, state, dialog.resumeLine(ctx));
  // Another dialog was started (or this one closed) by what came after: this one is left unfinished.
  if (now !== undefined) await dialog.abandoned?.(ctx, state, "replaced");
}

/** Applies a step's outcome. */
async function apply(ctx: AppContext, dialog: DialogDefinition, state: DialogState, outcome: StepOutcome): Promise<void> {
  if ("done" in outcome) {
    if (activeDialog(ctx) === state) endDialog(ctx);
    return;
  }
  if ("stay" in outcome) return ctx.reply(outcome.stay);
  if ("invalid" in outcome) return ask(ctx, dialog, state, outcome.invalid);
  state.step = outcome.go;
  await ask(ctx, dialog, state, outcome.say);
}

/** Asks the current step, with a line before it when given. */
async function ask<D>(ctx: AppContext, dialog: DialogDefinition<D>, state: DialogState<D>, before?: string): Promise<void> {
  const step = dialog.steps[state.step];
  const question: Reply = step.ask(ctx, state);
  await ctx.reply(before ? { ...question, text: `${before}\n\n${question.text}` } : question);
}
