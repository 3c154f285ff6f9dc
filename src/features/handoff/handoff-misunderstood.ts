import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { startHandoff } from "./handoff-feature.js";

/** How many misunderstood messages in a row hand the person to staff. */
export const MISUNDERSTOOD_LIMIT = 2;

/**
 * Counts misunderstood messages in a row in `state.misunderstoodInARow` and hands the person to staff at the
 * second. A message is misunderstood when the feature that handled it said so (`ctx.outcome === "unanswered"`:
 * the fallback, an out-of-scope answer); any other outcome resets the count (a dialog step, a welcome, a greeting,
 * silence while handed off). Runs right after `understand` and looks at the outcome of the rest of the chain; the
 * person reads the apology, then the handoff.
 */
export const handoffOnMisunderstanding = new BotComposer<AppContext>();

handoffOnMisunderstanding.on("message", async (ctx, next) => {
  await next();
  const state = ctx.conversation.state;
  if (ctx.outcome !== "unanswered") {
    if (ctx.outcome !== undefined) state.misunderstoodInARow = 0;
    return;
  }
  const inARow = (state.misunderstoodInARow ?? 0) + 1;
  state.misunderstoodInARow = inARow;
  if (inARow >= MISUNDERSTOOD_LIMIT) {
    state.misunderstoodInARow = 0;
    await startHandoff(ctx, "misunderstood");
  }
});

// Opening the chat again (Get Started, a QR code) is answered with the welcome: the count starts over.
handoffOnMisunderstanding.on("start", async (ctx, next) => {
  await next();
  if (ctx.outcome === "answered") ctx.conversation.state.misunderstoodInARow = 0;
});
