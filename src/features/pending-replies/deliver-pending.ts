import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";

/**
 * When a person writes, first deliver what was kept for them because the channel's window was closed
 * (a status change, a reminder, a staff reply): their message reopens the window.
 */
export const deliverPending = new BotComposer<AppContext>();

deliverPending.on("message", async (ctx, next) => {
  for (const pending of await ctx.services.outbox.takePending(ctx.conversation.key)) {
    // A kept staff reply is in the transcript since the moment staff wrote it (see person-outbox.ts).
    await ctx.reply(pending.reply, { transcript: pending.purpose !== "staff" });
  }
  await next();
});
