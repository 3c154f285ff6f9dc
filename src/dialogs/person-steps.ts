import type { Reply } from "../core/message.js";
import type { DialogContext, Step, StepResult } from "./dialog.js";
import dialogTexts from "./dialog-texts.json" with { type: "json" };
import { personName, splitPhone } from "./phone.js";
import { withContactCard } from "./shared-contact.js";

/**
 * The name and phone steps every dialog that asks for them shares. Their answer is data, never an intent
 * (`takesData`): "Nguyễn Văn An" or "Nguyễn Văn Gặp" is a name, not a request for staff, and is never passed
 * to the rest of the bot.
 *
 * @example
 * nameStep<Data>({ name: "name", ask: (ctx) => ({ text: ctx.say(texts.askName) }),
 *   answered: (data) => !!data.fullName, take: (_ctx, data, name) => void (data.fullName = name) })
 */

/** What a name or phone step is told. */
export interface PersonStepOptions<D> {
  name: string;
  ask(ctx: DialogContext, data: D): Reply;
  answered(data: D): boolean;
  applies?(data: D): boolean;
  /** An answer that is not a name or number (the report's "Ẩn danh"); checked first. */
  alternative?(ctx: DialogContext, data: D): StepResult | undefined;
  /** The same step may be skipped (e.g. to stay anonymous). */
  skip?(ctx: DialogContext, data: D): StepResult | Promise<StepResult>;
  edit?: Step<D>["edit"];
}

/**
 * A full-name step. A number in the same message is handed to `take` too ("Nguyễn Văn An 0912345678"), which
 * returns the line said before the next question, if any.
 */
export function nameStep<D>(options: PersonStepOptions<D> & { take(ctx: DialogContext, data: D, name: string, phone?: string): string | undefined }): Step<D> {
  return {
    ...stepBase(options),
    handle(ctx, data) {
      const other = options.alternative?.(ctx, data);
      if (other) return other;
      const { phone, rest } = splitPhone(ctx.text ?? "");
      const name = personName(rest);
      if (!name) return { invalid: ctx.say(dialogTexts.badName) };
      return answered(options.take(ctx, data, name, phone));
    },
    takeContact(ctx, data, contact) {
      if (!contact.name || !open(options, data)) return false;
      options.take(ctx, data, contact.name, contact.phone);
      return true;
    },
  };
}

/** A phone-number step: Vietnamese mobiles and landlines as people type them, kept in national form. */
export function phoneStep<D>(options: PersonStepOptions<D> & { take(ctx: DialogContext, data: D, phone: string): string | undefined }): Step<D> {
  return {
    ...stepBase(options),
    handle(ctx, data) {
      const other = options.alternative?.(ctx, data);
      if (other) return other;
      const phone = ctx.text ? splitPhone(ctx.text).phone : undefined;
      if (!phone) return { invalid: ctx.say(dialogTexts.badPhone) };
      return answered(options.take(ctx, data, phone));
    },
    takeContact(ctx, data, contact) {
      if (!contact.phone || !open(options, data)) return false;
      options.take(ctx, data, contact.phone);
      return true;
    },
    accepts: (ctx) => !!ctx.text && splitPhone(ctx.text).phone !== undefined,
  };
}

function stepBase<D>(options: PersonStepOptions<D>): Omit<Step<D>, "handle"> {
  return {
    name: options.name,
    takesData: true,
    // On Zalo the question comes with the one-tap card (request_user_info); elsewhere the person types.
    ask: (ctx, data) => withContactCard(ctx, options.ask(ctx, data)),
    answered: options.answered,
    ...(options.applies ? { applies: options.applies } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
    ...(options.edit ? { edit: options.edit } : {}),
  };
}

/** The step applies and is unanswered. */
function open<D>(options: PersonStepOptions<D>, data: D): boolean {
  return (options.applies?.(data) ?? true) && !options.answered(data);
}

function answered(say: string | undefined): StepResult {
  return say ? { next: true, say } : { next: true };
}
