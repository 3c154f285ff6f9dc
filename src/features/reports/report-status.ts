import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { lookupStatus, STATUS_CHOICE } from "./status-lookup.js";

/**
 * Status lookup (report_status): "tra cứu PA-2026-0007", "phản ánh của tôi", a bare code, or a code picked
 * from the person's list. Only the person who filed a report learns anything about it.
 */
export const reportStatus = new BotComposer<AppContext>();

reportStatus.on("choice", async (ctx, next) => {
  const code = STATUS_CHOICE.read(ctx.choice);
  if (code === undefined) return next();
  ctx.outcome = "answered";
  await ctx.reply(await lookupStatus(ctx.services, ctx.conversation.key, ctx.language, [code]));
});

reportStatus.on("text", async (ctx, next) => {
  const understanding = ctx.understanding;
  if (!understanding) return next();
  const codes = understanding.entities.ticketCodes ?? [];
  // A message that is little more than a code is a lookup whatever the classifier says.
  const bareCode = codes.length > 0 && understanding.folded.split(" ").length <= codes.length * 3 + 3;
  if (understanding.intent !== "report_status" && !bareCode) return next();
  ctx.outcome = "answered";
  await ctx.reply(await lookupStatus(ctx.services, ctx.conversation.key, ctx.language, codes));
});
