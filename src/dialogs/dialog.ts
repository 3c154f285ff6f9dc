import type { Reply } from "../core/message.js";
import type { IntentLabel } from "../nlu/index.js";
import type { AppContext } from "../shared/app-context.js";
import type { Bilingual } from "../shared/bilingual.js";

/**
 * A dialog is declared, not programmed: its steps in order, each saying when the data already answers it, so the
 * runner works out what to ask next (grammY's conversations plugin and Botpress flows keep the same split between
 * the flow and the engine). The summary with "Gửi / Sửa / Hủy" and the "which item?" step come from
 * src/dialogs/define-dialog.ts; the name and phone steps from src/dialogs/person-steps.ts. The state lives in
 * `conversation.state.dialog`, so the pipeline saves it after every message and a restart resumes at the same step.
 *
 * @example
 * const dialog = defineDialog<Data>({
 *   name: "report", payloadPrefix: "report",
 *   steps: [category, description, place],            // asked in this order, each only while unanswered
 *   summary: { text: reportSummary, submit: fileIt, submitTitle: texts.send, prompt: texts.confirmPrompt },
 *   …
 * });
 */

// ===  State  ===

/** Where a dialog is; plain JSON (it is stored with the conversation). */
export interface DialogState<D = unknown> {
  /** Which dialog (the registry key). */
  name: string;
  /** The step waiting for the person's answer. */
  step: string;
  data: D;
  startedAt: number;
  /** Last time the person answered (the 30-minute timeout counts from it). */
  updatedAt: number;
}

declare module "../core/conversation.js" {
  interface ConversationState {
    /** The open dialog, if any (src/dialogs). */
    dialog?: DialogState;
  }
}

/** What a step sees: the app context (a test passes a fake with these fields). */
export type DialogContext = Pick<AppContext, "message" | "text" | "choice" | "language" | "today" | "pack" | "understanding" | "say" | "reply" | "save" | "afterCommit" | "conversation" | "services">;

// ===  Steps  ===

/** A name and/or phone the person shared with one tap (src/dialogs/shared-contact.ts). */
export interface SharedContact {
  name?: string;
  phone?: string;
}

/**
 * What a step made of the person's message.
 * - `next`: answered; the runner asks the next step still unanswered (after `say`, if given);
 * - `goto`: go to that step (a correction, a step out of the usual order);
 * - `stay`: answer with `reply` and keep waiting at the same step (e.g. "got your photo, more or “xong”");
 * - `invalid`: say why, then ask the same step again;
 * - `done`: the dialog has replied and ends.
 */
export type StepResult = { next: true; say?: string } | { goto: string; say?: string } | { stay: Reply } | { invalid: string } | { done: true };

/** One step of a dialog. */
export interface Step<D> {
  /** Its name, stored while the dialog waits at it. */
  readonly name: string;
  /** True when the data already answers it: the step is not asked. */
  answered(data: D): boolean;
  /** False when the step does not apply to this data (a child's age for an adult). Default: it applies. */
  applies?(data: D): boolean;
  /** The question, with its choices. */
  ask(ctx: DialogContext, data: D): Reply;
  /** Takes the person's message (commands and side questions never get here). */
  handle(ctx: DialogContext, data: D): StepResult | Promise<StepResult>;
  /** Present when the step may be skipped ("bỏ qua" / "skip"): what skipping does. */
  skip?(ctx: DialogContext, data: D): StepResult | Promise<StepResult>;
  /**
   * Takes contact details shared with one tap (Zalo's request_user_info card) when this step asks for them and
   * is still unanswered; true when it took something. Name and phone steps have it (src/dialogs/person-steps.ts).
   */
  takeContact?(ctx: DialogContext, data: D, contact: SharedContact): boolean;
  /**
   * Loads what the question needs before it is asked (a lookup in the store); it may answer the step (nothing to
   * ask), and the runner then moves on to the next one. Runs every time the step is about to be asked.
   */
  prepare?(ctx: DialogContext, data: D): Promise<void>;
  /** True when the message is plainly an answer to this step (a phone number at the phone step). */
  accepts?(ctx: DialogContext, data: D): boolean;
  /**
   * The answer is data (a name, a phone number): it is never read as an intent, so "Nguyễn Văn Gặp" is a name and
   * not a request for staff, and it is never passed to the rest of the bot.
   */
  readonly takesData?: boolean;
  /** Offered in the summary's "Sửa" list: its title, and how to clear its answer so it is asked again. */
  readonly edit?: {
    title: Bilingual;
    clear(data: D): void;
    /** False when the item cannot be changed for this data (who a class is for, when the class decides it). */
    offered?(data: D): boolean;
  };
}

// ===  Dialogs  ===

/** The summary step every dialog ends with: "Gửi / Sửa / Hủy". */
export interface DialogSummary<D> {
  /** The summary lines the person confirms. */
  text(ctx: DialogContext, data: D): string;
  /** The line under the summary ("Bạn chọn “Gửi” để gửi, …"). */
  prompt: Bilingual;
  /** The title of the confirming choice ("Gửi", "Xác nhận"). */
  submitTitle: Bilingual;
  /** Saves and tells the person; the dialog then ends. */
  submit(ctx: DialogContext, data: D): Promise<void>;
  /** Takes what a message at the summary carries along (a photo sent late joins the evidence). */
  takeAlong?(ctx: DialogContext, data: D): void;
}

/** What a dialog declares. */
export interface DialogDeclaration<D> {
  name: string;
  /** Its choice payloads start with `${payloadPrefix}:`; the summary's are `${payloadPrefix}:submit`, `:edit`, `:edit:<step>`. */
  payloadPrefix: string;
  /** The steps in the order they are asked; a step is asked while it applies and is unanswered. */
  steps: readonly Step<D>[];
  /**
   * The summary to confirm ("Gửi / Sửa / Hủy"). Without one, the dialog ends when its last step is answered: the
   * steps save as they go (a rating, where a confirmation would only lose answers).
   */
  summary?: DialogSummary<D>;
  /** Intents that belong to this dialog: text with them is always an answer to the step. */
  ownIntents: readonly IntentLabel[];
  /** Payloads that would start this same dialog: while it is open they only ask the step again. */
  startPayloads?: readonly string[];
  /** What the person is told when they cancel. */
  cancelled: Bilingual;
  /** A short reminder of what the person is doing, said before a step is asked again ("Quay lại phản ánh của bạn."). */
  resumeLine: Bilingual;
  /** Told when the dialog is left unfinished (30 minutes of silence, or another dialog started): keep a draft. */
  abandoned?(ctx: DialogContext, state: DialogState<D>, why: "timeout" | "replaced"): void | Promise<void>;
}
