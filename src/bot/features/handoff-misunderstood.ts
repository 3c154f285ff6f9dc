import type { NextFunction } from "../../core/composer.js";
import type { AppContext } from "../context.js";
import { startHandoff } from "./handoff.js";

/** How many misunderstood messages in a row hand the person to staff. */
export const MISUNDERSTOOD_LIMIT = 2;

/**
 * Counts misunderstood messages in a row in `state.misunderstoodInARow` and hands the person to staff at the
 * second. A message is misunderstood when the fallback answered it (it grows `state.unanswered`); any other
 * answered message resets the count. Runs right after `understand` and looks at the result of the rest of
 * the chain, so it needs no change in the fallback. The person reads the fallback's apology, then the handoff.
 */
export async function handoffOnMisunderstanding(ctx: AppContext, next: NextFunction): Promise<void> {
  if (ctx.message.kind !== "message") return next();
  await next();
  const state = ctx.conversation.state;
  const unanswered = (state.unanswered as number | undefined) ?? 0;
  // Handed off (or just now): the bot is silent by design, which is not a misunderstanding.
  if (state.handoff || unanswered <= ctx.unansweredBefore) {
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
