import type { NextFunction } from "../core/composer.js";
import type { AppContext } from "../shared/app-context.js";
import { mainMenu } from "../shared/menu.js";
import type { Dialog } from "./define-dialog.js";
import { activeDialog, ask } from "./dialog-runner.js";
import { describeContact, sharedContactOf, sharedContactTexts as texts } from "./shared-contact.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDialog = Dialog<any>;

/**
 * Takes a "submit_info" message (the answer to Zalo's request_user_info card) into the open dialog: every name and
 * phone step still unanswered takes its part, and the dialog asks what is still missing. With no dialog open, the
 * details are kept for the next dialog that needs them (src/dialogs/dialog-runner.ts, startDialog) and the person
 * is told so. Phone numbers are only ever shown masked.
 *
 * @example composer.use(createContactIntake([reportDialog, registrationDialog]))
 */
export function createContactIntake(dialogs: readonly AnyDialog[]) {
  const byName = new Map(dialogs.map((dialog) => [dialog.name, dialog]));
  return async function contactIntake(ctx: AppContext, next: NextFunction): Promise<void> {
    if (ctx.message.kind !== "submit_info") return next();
    const contact = sharedContactOf(ctx.message.info);
    const state = activeDialog(ctx);
    const dialog = state && byName.get(state.name);
    if (!contact) {
      ctx.outcome = "answered";
      if (state && dialog?.step(state.step)) return ask(ctx, dialog, state, ctx.say(texts.nothingUsable));
      return ctx.reply({ text: ctx.say(texts.nothingUsable), choices: mainMenu(ctx.language) });
    }
    if (state && dialog && dialog.takeContact(ctx, state.data, contact)) {
      ctx.outcome = "in_dialog";
      state.updatedAt = ctx.services.now();
      // The step waiting may now be answered (or an earlier one still open): ask whatever is next.
      const waiting = dialog.step(state.step);
      if (waiting && waiting.answered(state.data)) state.step = dialog.nextStep(state.data);
      return ask(ctx, dialog, state, ctx.say(texts.received, { who: describeContact(contact) }));
    }
    ctx.conversation.state.sharedContact = { ...contact, at: ctx.services.now() };
    ctx.outcome = "answered";
    await ctx.reply({ text: ctx.say(texts.keptForLater, { who: describeContact(contact) }), choices: mainMenu(ctx.language) });
  };
}
