import type { Reply } from "../../core/message.js";
import { defineDialog, SKIP_PAYLOAD } from "../../dialogs/define-dialog.js";
import type { DialogContext, Step, StepResult } from "../../dialogs/dialog.js";
import dialogTexts from "../../dialogs/dialog-texts.json" with { type: "json" };
import { choicePayload } from "../../shared/choice-payload.js";
import { ReporterActions } from "./reporter-actions.js";
import texts from "./lifecycle-texts.json" with { type: "json" };

/**
 * The reporter rates how a resolved report was handled: a score from 1 to 5 (a button of the "Đã xử lý" notice, or
 * "đánh giá PA-2026-0007"), then an optional comment. No summary: each answer is saved as it comes, so a person who
 * taps a score and goes away has still rated it.
 */

/** What the rating dialog holds. */
export interface RatingData {
  code: string;
  score?: 1 | 2 | 3 | 4 | 5;
  commentDone?: boolean;
}

/** "rating:score:<n>" inside the dialog. */
const SCORE = choicePayload("rating:score", ["1", "2", "3", "4", "5"] as const);

const score: Step<RatingData> = {
  name: "score",
  answered: (data) => data.score !== undefined,
  ask: (ctx, data): Reply => ({
    text: ctx.say(texts.askScore, { code: data.code }),
    choices: (["1", "2", "3", "4", "5"] as const).map((n) => ({ title: `${n} ★`, payload: SCORE.of(n) })),
  }),
  async handle(ctx, data): Promise<StepResult> {
    const picked = SCORE.read(ctx.choice) ?? (ctx.text && /^\s*[1-5]\s*(★|sao|\/\s*5)?\s*$/i.test(ctx.text) ? ctx.text.trim()[0] : undefined);
    if (!picked) return { invalid: ctx.say(texts.badScore) };
    const value = Number(picked) as 1 | 2 | 3 | 4 | 5;
    if (!(await new ReporterActions(ctx.services).rate(data.code, ctx.conversation.key, value))) {
      await ctx.reply({ text: ctx.say(texts.notRateable, { code: data.code }) });
      return { done: true };
    }
    data.score = value;
    return { next: true, say: ctx.say(texts.ratingThanks, { code: data.code, score: value }) };
  },
};

const comment: Step<RatingData> = {
  name: "comment",
  takesData: true,
  answered: (data) => data.commentDone === true,
  ask: (ctx: DialogContext): Reply => ({ text: ctx.say(texts.askComment), choices: [{ title: ctx.say(dialogTexts.skip), payload: SKIP_PAYLOAD }] }),
  async handle(ctx, data): Promise<StepResult> {
    if (!ctx.text) return { invalid: ctx.say(texts.askComment) };
    await new ReporterActions(ctx.services).comment(data.code, ctx.conversation.key, ctx.text);
    data.commentDone = true;
    return { next: true, say: ctx.say(texts.commentThanks) };
  },
  skip(ctx, data): StepResult {
    data.commentDone = true;
    return { next: true, say: ctx.say(texts.commentSkipped) };
  },
};

export const ratingDialog = defineDialog<RatingData>({
  name: "report-rating",
  payloadPrefix: "rating",
  steps: [score, comment],
  ownIntents: [],
  cancelled: texts.ratingCancelled,
  resumeLine: texts.ratingResume,
});
