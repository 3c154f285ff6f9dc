import type { NextFunction } from "../../core/composer.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { offerDraft, REPORT_PAYLOADS, reportDraft, resumeReport, startReport } from "./report-dialog.js";
import { guessCategory, isDescriptive } from "./guess-category.js";
import type { AppContext } from "../../shared/app-context.js";
import { MENU } from "../../shared/menu.js";

/**
 * A report starts here (the "Phản ánh" menu choice, or a message understood as report_violation), and "tiếp tục"
 * resumes a report draft. It sits right after the dialog runner (src/app/features.ts), so a person inside a dialog
 * is handled by the dialog first.
 */
export async function reportStart(ctx: AppContext, next: NextFunction): Promise<void> {
  if (ctx.message.kind !== "message") return next();
  const draft = reportDraft(ctx);
  if (ctx.choice === REPORT_PAYLOADS.resume || (ctx.choice === undefined && draft && dialogCommand(ctx.text) === "resume")) {
    if (draft) return resumeReport(ctx, draft);
    return startReport(ctx);
  }
  if (ctx.choice === REPORT_PAYLOADS.fresh) {
    delete ctx.conversation.state.reportDraft;
    return startReport(ctx);
  }
  const asked = ctx.choice === MENU.report || (ctx.choice === undefined && (ctx.understanding?.intent === "report_violation" || tellsViolation(ctx)));
  if (!asked) return next();
  // A draft is offered unless the message already tells a new matter.
  if (draft && !(ctx.text && ctx.choice === undefined && isDescriptive(ctx.text))) return offerDraft(ctx, draft);
  return startReport(ctx);
}

/**
 * A message the classifier could not place that plainly tells of a violation ("Tường đình bị vẽ bậy nhiều chỗ"):
 * it names a report category's keyword and says enough to be a description. Better a report the person can
 * cancel than "I did not understand".
 */
function tellsViolation(ctx: AppContext): boolean {
  const understanding = ctx.understanding;
  return understanding?.intent === "out_of_scope" && !!ctx.text && isDescriptive(ctx.text) && guessCategory(ctx.text, ctx.pack) !== undefined;
}
