import { BotComposer } from "../../core/bot-composer.js";
import { REPORT_STATUS_NAMES } from "../../domain/report.js";
import { startDialog } from "../../dialogs/dialog-runner.js";
import { foldQuestion } from "../../nlu/index.js";
import type { AppContext } from "../../shared/app-context.js";
import { viOrEn } from "../../shared/bilingual.js";
import { MENU } from "../../shared/menu.js";
import { canonicalCode } from "../../shared/ticket-code.js";
import { additionDialog } from "./addition-dialog.js";
import { RATE, readRate } from "./follow-up-payloads.js";
import { ratingDialog } from "./rating-dialog.js";
import { ReporterActions } from "./reporter-actions.js";
import { dayOf, unitName } from "./report-text.js";
import { notFound } from "./status-lookup.js";
import texts from "./lifecycle-texts.json" with { type: "json" };

/**
 * What a reporter says about their report after filing it (outside any dialog):
 * - "bổ sung PA-2026-0007" (with photos, or words after the code) opens the addition dialog;
 * - "chưa xử lý xong [PA-2026-0007] [why]" reopens it within 7 days of "Đã xử lý";
 * - a rating button of the "Đã xử lý" notice, or "đánh giá PA-2026-0007", opens the rating dialog.
 * Someone else's code gets exactly the unknown-code reply (src/features/reports/status-lookup.ts).
 */
export const reportFollowUp = new BotComposer<AppContext>();

// Folded (no diacritics) phrasings.
const ADD = /^(bo sung|bo xung|them anh|them thong tin|gui them|add to|add photos? to|add more to)\b/;
/** The same, as typed (with diacritics), to take it off the words that follow. */
const ADD_PHRASE = /^\s*(bổ sung|bổ xung|bo sung|bo xung|thêm ảnh|them anh|thêm thông tin|them thong tin|gửi thêm|gui them|add (?:more |photos? )?to)\s*[:,\-–]?\s*/i;
const RATE_WORDS = /^(danh gia|cham diem|rate)\b/;
/** With or without a code: plainly about a report that was said to be resolved. */
const NOT_FIXED = /\b(chua xu ly xong|chua duoc xu ly|van chua duoc xu ly|chua duoc giai quyet|not fixed|still not fixed|not resolved|still not resolved)\b/;
/** Only with a code: shorter phrasings that could mean anything without one. */
const NOT_FIXED_WITH_CODE = /\b(chua xong|van con|van chua xong|chua het)\b/;

const CODE_IN_TEXT = /\b(?:pa)[\s\-_.]?(?:19|20)\d\d[\s\-_.]?\d{1,6}\b/i;

/** The report code in a text, canonical, and the text without it. */
function codeIn(text: string): { code?: string; rest: string } {
  const match = CODE_IN_TEXT.exec(text);
  const code = match ? canonicalCode(match[0]) : undefined;
  return { code, rest: match ? (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim() : text };
}

reportFollowUp.on("choice", async (ctx, next) => {
  const rated = readRate(RATE.read(ctx.choice));
  if (!rated) return next();
  const actions = new ReporterActions(ctx.services);
  if (!(await actions.rate(rated.code, ctx.conversation.key, rated.score))) {
    ctx.outcome = "answered";
    const mine = await actions.own(rated.code, ctx.conversation.key);
    return ctx.reply({ text: mine ? ctx.say(texts.notRateable, { code: rated.code }) : notFound(rated.code, viOrEn(ctx.language)) });
  }
  await startDialog(ctx, ratingDialog, { code: rated.code, score: rated.score }, ctx.say(texts.ratingThanks, { code: rated.code, score: rated.score }));
});

reportFollowUp.on("message", async (ctx, next) => {
  const text = ctx.text ?? "";
  const folded = foldQuestion(text);
  const { code, rest } = codeIn(text);
  const actions = new ReporterActions(ctx.services);
  const lang = viOrEn(ctx.language);

  if (ADD.test(folded)) {
    ctx.outcome = "answered";
    if (!code) return ctx.reply({ text: ctx.say(texts.whichReport) });
    const report = await actions.own(code, ctx.conversation.key);
    if (!report) return ctx.reply({ text: notFound(code, lang) });
    if (report.status === "not_competent" || report.status === "duplicate") {
      return ctx.reply({ text: ctx.say(texts.additionClosed, { code, status: REPORT_STATUS_NAMES[report.status][lang] }), choices: [{ title: ctx.say(texts.newReport), payload: MENU.report }] });
    }
    // Words after "bổ sung <code>" and photos sent with it are the first things added.
    const words = rest.replace(ADD_PHRASE, "").trim();
    const evidence = ctx.message.attachments.filter((attachment) => attachment.kind !== "sticker");
    return startDialog(ctx, additionDialog, { code, ...(words ? { text: words } : {}), evidence });
  }

  if (RATE_WORDS.test(folded) && code) {
    ctx.outcome = "answered";
    const report = await actions.own(code, ctx.conversation.key);
    if (!report) return ctx.reply({ text: notFound(code, lang) });
    if (report.status !== "resolved") return ctx.reply({ text: ctx.say(texts.notRateable, { code }) });
    const score = /\b([1-5])\b/.exec(rest)?.[1];
    if (score) {
      await actions.rate(code, ctx.conversation.key, Number(score) as 1 | 2 | 3 | 4 | 5);
      return startDialog(ctx, ratingDialog, { code, score: Number(score) as 1 | 2 | 3 | 4 | 5 }, ctx.say(texts.ratingThanks, { code, score }));
    }
    return startDialog(ctx, ratingDialog, { code });
  }

  if (NOT_FIXED.test(folded) || (code && NOT_FIXED_WITH_CODE.test(folded))) {
    ctx.outcome = "answered";
    const why = rest.replace(/^\s*(chưa xử lý xong|chưa được xử lý|vẫn chưa được xử lý|chưa xong|vẫn chưa xong|not fixed|still not fixed)\s*[,:.\-–]?\s*/i, "").trim();
    const result = await actions.reopen(code, ctx.conversation.key, why.length > 3 ? why : undefined);
    switch (result.kind) {
      case "not_found":
        return ctx.reply({ text: code ? notFound(code, lang) : ctx.say(texts.nothingToReopen) });
      case "not_resolved":
        return ctx.reply({ text: ctx.say(texts.reopenNotResolved, { code: result.report.code, status: REPORT_STATUS_NAMES[result.report.status][lang] }) });
      case "too_late":
        return ctx.reply({ text: ctx.say(texts.reopenTooLate, { code: result.report.code, date: dayOf(result.resolvedAt, lang) }), choices: [{ title: ctx.say(texts.newReport), payload: MENU.report }] });
      case "reopened": {
        const pack = ctx.services.knowledge.content.packs.get(result.report.packId);
        return ctx.reply({ text: ctx.say(texts.reopened, { code: result.report.code, unit: unitName(pack, result.report.unitId, lang) }) });
      }
    }
  }
  return next();
});
