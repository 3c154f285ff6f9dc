import { viOrEn } from "../../shared/bilingual.js";
import type { Report } from "../../domain/report.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { defineDialog, SUMMARY_STEP, EDIT_STEP } from "../../dialogs/define-dialog.js";
import type { DialogContext } from "../../dialogs/dialog.js";
import { startDialog } from "../../dialogs/dialog-runner.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu } from "../../shared/menu.js";
import { fileReport, notifyStaffOfReport, unitFor } from "./file-report.js";
import { guessCategory, isDescriptive } from "./guess-category.js";
import { absorb, REPORT_PAYLOADS, reportSummary, type ReportData, type ReportDraft } from "./report-data.js";
import { reportSteps } from "./report-steps.js";
import { categoryName, OTHER_CATEGORY } from "./report-text.js";
import texts from "./report-texts.json" with { type: "json" };

/**
 * The violation report (report_violation), declared: the steps of src/features/reports/report-steps.ts, then the
 * summary with Gửi / Sửa / Hủy. Whatever the person already said is not asked again: the first message may give
 * the category (keywords) and the description; a shared location or a photo is taken at any step.
 * Left unfinished (30 minutes of silence, or another dialog), it is kept as a draft for "tiếp tục".
 */

export { REPORT_PAYLOADS, reportSummary, type ReportData, type ReportDraft };

/** Drafts older than this are dropped rather than offered. */
export const DRAFT_TTL_MS = 7 * 24 * 3_600_000;

export const reportDialog = defineDialog<ReportData>({
  name: "report",
  payloadPrefix: "report",
  steps: reportSteps,
  summary: { text: reportSummary, prompt: texts.summaryPrompt, submitTitle: texts.send, submit, takeAlong: (ctx, data) => void absorb(ctx, data) },
  ownIntents: ["report_violation"],
  startPayloads: [REPORT_PAYLOADS.start],
  cancelled: texts.cancelled,
  resumeLine: texts.resumeLine,
  abandoned(ctx, state, why) {
    const data = state.data;
    if (!data.categoryId && !data.description) return;
    ctx.conversation.state.reportDraft = { step: state.step === EDIT_STEP ? SUMMARY_STEP : state.step, data, savedAt: ctx.services.now() };
    // Someone who is resuming does not need to be told how to resume.
    if (dialogCommand(ctx.text) === "resume" || ctx.choice === REPORT_PAYLOADS.resume) return;
    const line = ctx.say(texts.draftSaved);
    // On a timeout the line comes first and the message is then handled afresh; after another dialog took over, it comes last.
    return ctx.reply(why === "timeout" ? { text: line } : { text: line, choices: [{ title: ctx.say(texts.continueReport), payload: REPORT_PAYLOADS.resume }] });
  },
});

// ===  Submitting  ===

async function submit(ctx: DialogContext, data: ReportData): Promise<void> {
  const contact = data.contact && !data.contact.anonymous ? { anonymous: false as const, name: data.contact.name!, phone: data.contact.phone! } : { anonymous: true as const };
  const report: Report = await fileReport(ctx.services, ctx.pack, {
    categoryId: data.categoryId ?? OTHER_CATEGORY,
    description: data.description ?? "",
    ...(data.place ? { place: data.place } : {}),
    ...(data.happened ? { happened: data.happened } : {}),
    evidence: data.evidence,
    contact,
    reporter: { key: ctx.conversation.key, channel: ctx.message.channel, accountId: ctx.message.accountId, userId: ctx.message.userId },
    language: viOrEn(ctx.language),
  }, ctx);
  const unit = ctx.pack.contact(unitFor(ctx.pack, report.categoryId));
  const unitName = unit ? (ctx.language === "en" ? (unit.names.en ?? unit.names.vi) : unit.names.vi) : ctx.say(texts.responsibleUnit);
  await ctx.reply({
    text: [ctx.say(texts.sent, { code: report.code }), ctx.say(texts.goesTo, { unit: unitName }), ctx.say(texts.checkAnyTime, { code: report.code })].join("\n"),
    choices: mainMenu(ctx.language),
  });
  // Staff hear of it once it is stored with the step.
  ctx.afterCommit(() => notifyStaffOfReport(ctx.services, ctx.pack, report));
}

// ===  Starting and resuming  ===

/** The draft of this conversation, if it is recent enough to offer. */
export function reportDraft(ctx: AppContext): ReportDraft | undefined {
  const draft = ctx.conversation.state.reportDraft;
  if (!draft) return undefined;
  if (ctx.services.now() - draft.savedAt > DRAFT_TTL_MS) {
    delete ctx.conversation.state.reportDraft;
    return undefined;
  }
  return draft;
}

/**
 * Opens the report dialog from the person's first message: the category guessed from its words, the message
 * itself as the description when it already describes something, a location or photos taken along.
 *
 * `seed` is what is known before (the photo sent first becomes the first evidence).
 *
 * @example await startReport(ctx) // "Mình sẽ giúp bạn gửi phản ánh… Bạn muốn phản ánh về việc gì?"
 */
export async function startReport(ctx: AppContext, seed: Partial<ReportData> = {}): Promise<void> {
  const data: ReportData = { ...seed, evidence: [...(seed.evidence ?? [])] };
  absorb(ctx, data);
  const text = ctx.choice === undefined ? ctx.text : undefined;
  if (text && isDescriptive(text)) data.description = text;
  const guessed = text ? guessCategory(text, ctx.pack) : undefined;
  if (guessed) data.categoryId = guessed.id;
  const intro = [ctx.say(texts.intro), guessed ? ctx.say(texts.guessedKind, { kind: categoryName(ctx.pack, guessed.id, viOrEn(ctx.language)) }) : ""];
  await startDialog(ctx, reportDialog, data, intro.filter(Boolean).join("\n"));
}

/** Reopens the saved draft at the step where it was left. */
export async function resumeReport(ctx: AppContext, draft: ReportDraft): Promise<void> {
  delete ctx.conversation.state.reportDraft;
  await startDialog(ctx, reportDialog, draft.data, ctx.say(texts.resumed), draft.step);
}

/** Asks whether to continue the draft or start a new report. */
export async function offerDraft(ctx: AppContext, draft: ReportDraft): Promise<void> {
  const description = draft.data.description;
  const about = description ? `: “${description.length > 60 ? `${description.slice(0, 59)}…` : description}”` : "";
  ctx.outcome = "answered";
  await ctx.reply({
    text: ctx.say(texts.draftWaiting, { about }),
    choices: [
      { title: ctx.say(texts.continue), payload: REPORT_PAYLOADS.resume },
      { title: ctx.say(texts.newReport), payload: REPORT_PAYLOADS.fresh },
    ],
  });
}
