import { BotComposer } from "../../core/bot-composer.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { asksQuestion, fold } from "../../nlu/index.js";
import type { AppContext } from "../../shared/app-context.js";
import { guessCategory, isDescriptive } from "./guess-category.js";
import { offerDraft, REPORT_PAYLOADS, reportDraft, resumeReport, startReport } from "./report-dialog.js";

/**
 * A report starts here (the "Phản ánh" menu choice, or a message understood as report_violation), and "tiếp tục"
 * resumes a report draft. It sits right after the dialog runner (src/app/features.ts), so a person inside a dialog
 * is handled by the dialog first.
 */
export const reportStart = new BotComposer<AppContext>();

reportStart.on("choice", async (ctx, next) => {
  const draft = reportDraft(ctx);
  if (ctx.choice === REPORT_PAYLOADS.resume) return draft ? resumeReport(ctx, draft) : startReport(ctx);
  if (ctx.choice === REPORT_PAYLOADS.fresh) {
    delete ctx.conversation.state.reportDraft;
    return startReport(ctx);
  }
  if (ctx.choice !== REPORT_PAYLOADS.start) return next();
  return draft ? offerDraft(ctx, draft) : startReport(ctx);
});

reportStart.on("text", async (ctx, next) => {
  const draft = reportDraft(ctx);
  if (draft && dialogCommand(ctx.text) === "resume") return resumeReport(ctx, draft);
  if (ctx.understanding?.intent !== "report_violation" && !tellsViolation(ctx, ctx.text)) return next();
  // A draft is offered unless the message already tells a new matter.
  if (draft && !isDescriptive(ctx.text)) return offerDraft(ctx, draft);
  return startReport(ctx);
});

/**
 * A message the classifier could not place that plainly tells of a violation ("Tường đình bị vẽ bậy nhiều chỗ"):
 * it names a report category's keyword and says enough to be a description. Better a report the person can
 * cancel than "I did not understand".
 */
function tellsViolation(ctx: AppContext, text: string): boolean {
  // A question ("who handles security at festivals?") asks; it does not tell of a violation (issue 12).
  return (
    ctx.understanding?.intent === "out_of_scope" &&
    !asksQuestion(fold(text).replace(/[?!.,;:]+/g, " ").trim(), text) &&
    isDescriptive(text) &&
    guessCategory(text, ctx.pack) !== undefined
  );
}
