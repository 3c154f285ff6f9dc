import type { NextFunction } from "../../core/composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { handledByHandoff, startHandoff } from "./handoff-feature.js";

/** How many misunderstood messages in a row hand the person to staff. */
export const MISUNDERSTOOD_LIMIT = 2;

/**
 * Counts misunderstood messages in a row in `state.misunderstoodInARow` and hands the person to staff at the
 * second. A message is misunderstood when the fallback answered it (it grows `state.unanswered`) or when it
 * was understood as out of scope outside a dialog (the analytics count both as unanswered; inside a dialog
 * free text is the dialog's to judge). Any other message resets the count. Runs right after `understand`
 * and looks at the result of the rest of the chain, so the fallback needs no change; the person reads the
 * fallback's (or out-of-scope) apology, then the handoff.
 */
export async function handoffOnMisunderstanding(ctx: AppContext, next: NextFunction): Promise<void> {
  if (ctx.message.kind !== "message") return next();
  const state = ctx.conversation.state;
  const inDialogBefore = state.dialog !== undefined;
  await next();
  // Handed off (or just now): the bot is silent by design, which is not a misunderstanding.
  if (state.handoff || handledByHandoff.has(ctx) || !misunderstood(ctx, inDialogBefore)) {
    state.misunderstoodInARow = 0;
    return;
  }
  const inARow = ((state.misunderstoodInARow as number | undefined) ?? 0) + 1;
  state.misunderstoodInARow = inARow;
  if (inARow >= MISUNDERSTOOD_LIMIT) {
    state.misunderstoodInARow = 0;
    await startHandoff(ctx, "misunderstood");
  }
}

function misunderstood(ctx: AppContext, inDialogBefore: boolean): boolean {
  const unanswered = (ctx.conversation.state.unanswered as number | undefined) ?? 0;
  if (unanswered > ctx.unansweredBefore) return true;
  return ctx.understanding?.intent === "out_of_scope" && !inDialogBefore && ctx.conversation.state.dialog === undefined;
}
