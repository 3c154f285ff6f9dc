import type { NextFunction } from "../../core/composer.js";
import type { AppContext } from "../../shared/app-context.js";

/**
 * When a person writes, give them what the bot kept for them because it could not write first (a reminder, a
 * class opening, an announcement outside the window): their message opens the window. Only what still makes sense:
 * a class reminder after the class has started is marked expired and never sent. It runs after the features that
 * answer (the answer comes first, and a dialog's step is never held up by it).
 */
export async function deliverKept(ctx: AppContext, next: NextFunction): Promise<void> {
  await next();
  if (ctx.message.kind === "message") {
    const { deliver, expired } = await ctx.services.reach.kept.takeFor(ctx.conversation.key, ctx.services.reach.now());
    for (const message of deliver) await ctx.reply(message.reply);
    if (expired.length > 0) ctx.services.logger.info({ expired: expired.length }, "kept messages expired before the person wrote");
  }
}
