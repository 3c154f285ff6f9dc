import type { NextFunction } from "../../core/composer.js";
import { lookupStatus, STATUS_PAYLOAD_PREFIX } from "./status-lookup.js";
import type { AppContext } from "../../shared/app-context.js";

/**
 * Status lookup (report_status): "tra cứu PA-2026-0007", "phản ánh của tôi", a bare code, or a code picked
 * from the person's list. Only the person who filed a report learns anything about it.
 */
export async function reportStatus(ctx: AppContext, next: NextFunction): Promise<void> {
  if (ctx.choice?.startsWith(STATUS_PAYLOAD_PREFIX)) {
    return ctx.reply(await lookupStatus(ctx.services, ctx.conversation.key, ctx.language, [ctx.choice.slice(STATUS_PAYLOAD_PREFIX.length)]));
  }
  const understanding = ctx.understanding;
  if (!understanding || ctx.choice !== undefined) return next();
  const codes = understanding.entities.ticketCodes ?? [];
  // A message that is little more than a code is a lookup whatever the classifier says.
  const bareCode = codes.length > 0 && understanding.folded.split(" ").length <= codes.length * 3 + 3;
  if (understanding.intent !== "report_status" && !bareCode) return next();
  await ctx.reply(await lookupStatus(ctx.services, ctx.conversation.key, ctx.language, codes));
}
