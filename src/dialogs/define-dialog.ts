import type { Choice, Reply } from "../core/message.js";
import { choicePayload, type ChoicePayload } from "../shared/choice-payload.js";
import { dialogCommand } from "./commands.js";
import type { DialogContext, DialogDeclaration, DialogSummary, SharedContact, Step, StepResult } from "./dialog.js";
import dialogTexts from "./dialog-texts.json" with { type: "json" };

/** The payload of the "Hủy" choice, understood by every dialog. */
export const CANCEL_PAYLOAD = "dialog:cancel";
/** The payload of the "Bỏ qua" choice. */
export const SKIP_PAYLOAD = "dialog:skip";

/** The name of the summary step every dialog ends with, and of its "which item?" step. */
export const SUMMARY_STEP = "confirm";
export const EDIT_STEP = "edit";

/** A declared dialog, ready for the runner: its steps plus the summary and "Sửa" steps, and "what next". */
export interface Dialog<D> extends DialogDeclaration<D> {
  /** The summary's choice payloads. */
  readonly payloads: { submit: string; edit: string; editItem: ChoicePayload };
  /** The step called `name`: one of the declared ones, or the summary's. */
  step(name: string): Step<D> | undefined;
  /** What to ask next: the first step that applies and is unanswered, else the summary. */
  nextStep(data: D): string;
  /** Whether a choice payload belongs to this dialog (others are passed on, then the step is asked again). */
  ownsChoice(payload: string): boolean;
  /** Gives contact details shared with one tap to every step that asks for them; true when one took something. */
  takeContact(ctx: DialogContext, data: D, contact: SharedContact): boolean;
}

/**
 * Builds a dialog from its declaration: "what next" is computed from the steps' `answered` / `applies`, and the
 * summary ("Gửi / Sửa / Hủy") and the "which item?" step come with it.
 *
 * @example export const reportDialog = defineDialog<ReportData>({ name: "report", payloadPrefix: "report", steps, … });
 */
export function defineDialog<D>(declaration: DialogDeclaration<D>): Dialog<D> {
  const payloads = {
    submit: `${declaration.payloadPrefix}:submit`,
    edit: `${declaration.payloadPrefix}:edit`,
    editItem: choicePayload(`${declaration.payloadPrefix}:edit`),
  };
  const byName = new Map<string, Step<D>>(declaration.steps.map((step) => [step.name, step]));
  if (declaration.summary) {
    byName.set(SUMMARY_STEP, summaryStep(declaration.summary, payloads));
    byName.set(EDIT_STEP, editStep(declaration, payloads));
  }
  return {
    ...declaration,
    payloads,
    step: (name) => byName.get(name),
    nextStep(data) {
      const next = declaration.steps.find((step) => (step.applies?.(data) ?? true) && !step.answered(data));
      return next?.name ?? SUMMARY_STEP;
    },
    ownsChoice: (payload) => payload.startsWith(`${declaration.payloadPrefix}:`) || payload.startsWith("dialog:"),
    takeContact(ctx, data, contact) {
      let took = false;
      for (const step of declaration.steps) if (step.takeContact?.(ctx, data, contact)) took = true;
      return took;
    },
  };
}

// ===  The summary and "Sửa"  ===

function summaryStep<D>(summary: DialogSummary<D>, payloads: Dialog<D>["payloads"]): Step<D> {
  return {
    name: SUMMARY_STEP,
    answered: () => false,
    ask(ctx, data): Reply {
      return {
        text: `${summary.text(ctx, data)}\n\n${ctx.say(summary.prompt)}`,
        choices: [
          { title: ctx.say(summary.submitTitle), payload: payloads.submit },
          { title: ctx.say(dialogTexts.edit), payload: payloads.edit },
          { title: ctx.say(dialogTexts.cancel), payload: CANCEL_PAYLOAD },
        ],
      };
    },
    async handle(ctx, data): Promise<StepResult> {
      summary.takeAlong?.(ctx, data);
      const command = dialogCommand(ctx.text);
      if (ctx.choice === payloads.edit || command === "edit") return { goto: EDIT_STEP };
      if (ctx.choice !== payloads.submit && command !== "yes") return { invalid: ctx.say(dialogTexts.pickSummaryChoice, { submit: ctx.say(summary.submitTitle) }) };
      await summary.submit(ctx, data);
      return { done: true };
    },
  };
}

function editable<D>(declaration: DialogDeclaration<D>, data: D): Step<D>[] {
  return declaration.steps.filter((step) => step.edit && (step.applies?.(data) ?? true) && (step.edit.offered?.(data) ?? true));
}

function editStep<D>(declaration: DialogDeclaration<D>, payloads: Dialog<D>["payloads"]): Step<D> {
  return {
    name: EDIT_STEP,
    answered: () => false,
    ask(ctx: DialogContext, data: D): Reply {
      const choices: Choice[] = editable(declaration, data).map((step) => ({ title: ctx.say(step.edit!.title), payload: payloads.editItem.of(step.name) }));
      return { text: ctx.say(dialogTexts.whichItem), choices };
    },
    handle(ctx, data): StepResult {
      const items = editable(declaration, data);
      const picked = payloads.editItem.read(ctx.choice) ?? (ctx.text && /^\d{1,2}$/.test(ctx.text) ? items[Number(ctx.text) - 1]?.name : undefined);
      const step = items.find((candidate) => candidate.name === picked);
      if (!step) return { invalid: ctx.say(dialogTexts.pickFromList) };
      // Cleared, the item is unanswered again: "what next" asks it, then goes on to whatever it makes unanswered
      // (a child's details after "for whom"), and back to the summary.
      step.edit!.clear(data);
      return { next: true };
    },
  };
}
