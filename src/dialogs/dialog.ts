import type { AppContext } from "../shared/app-context.js";
import type { Reply } from "../core/message.js";
import type { IntentLabel } from "../nlu/index.js";

/**
 * The shape of a dialog: a small state machine whose state lives in `conversation.state.dialog`, so the
 * pipeline saves it after every message and a restart resumes at the same step.
 */

/** Where a dialog is; plain JSON (it is stored with the conversation). */
export interface DialogState<D = any> {
  /** Which dialog (the registry key). */
  name: string;
  /** The step waiting for the person's answer. */
  step: string;
  data: D;
  startedAt: number;
  /** Last time the person answered (the 30-minute timeout counts from it). */
  updatedAt: number;
}

/**
 * What a step made of the person's message.
 * - `go`: move to that step and ask it (after `say`, if given);
 * - `stay`: answer with `reply` and keep waiting at the same step (e.g. "got your photo, more or “xong”");
 * - `invalid`: say why, then ask the same step again;
 * - `done`: the dialog has replied and ends.
 */
export type StepOutcome = { go: string; say?: string } | { stay: Reply } | { invalid: string } | { done: true };

/** One step. A step with `skip` is optional ("bỏ qua" / "skip"). */
export interface DialogStep<D> {
  /** The question of the step (with its choices). */
  ask(ctx: AppContext, state: DialogState<D>): Reply;
  /** Handles the person's message at this step (commands and unrelated questions never get here). */
  handle(ctx: AppContext, state: DialogState<D>): StepOutcome | Promise<StepOutcome>;
  /** Present when the step may be skipped: where skipping leads. */
  skip?(ctx: AppContext, state: DialogState<D>): StepOutcome | Promise<StepOutcome>;
  /** True when the message is plainly an answer to this step (a phone number at the phone step): never taken for another topic. */
  accepts?(ctx: AppContext, state: DialogState<D>): boolean;
}

/** A dialog: its steps and how it behaves when left. */
export interface DialogDefinition<D = any> {
  name: string;
  steps: Record<string, DialogStep<D>>;
  /** Intents that belong to this dialog: text with them is always an answer to the step. */
  ownIntents: readonly IntentLabel[];
  /** Whether a choice payload belongs to this dialog (others are passed on, then the step is asked again). */
  ownsChoice(payload: string): boolean;
  /** Payloads that would start this same dialog: while it is open they only ask the step again. */
  startPayloads: readonly string[];
  /** What the person is told when they cancel. */
  cancelled(ctx: AppContext, state: DialogState<D>): string;
  /** Told when the dialog is left unfinished (30 minutes of silence, or another dialog started): keep a draft. */
  abandoned?(ctx: AppContext, state: DialogState<D>, why: "timeout" | "replaced"): void | Promise<void>;
  /** A short reminder of what the person is doing, said before a step is asked again ("Quay lại phản ánh của bạn."). */
  resumeLine(ctx: AppContext): string;
}
