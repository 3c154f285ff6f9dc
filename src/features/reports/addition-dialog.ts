import type { Attachment, Reply } from "../../core/message.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { defineDialog } from "../../dialogs/define-dialog.js";
import type { DialogContext, Step, StepResult } from "../../dialogs/dialog.js";
import { mainMenu } from "../../shared/menu.js";
import { evidenceCount, linksIn } from "./report-data.js";
import { ReporterActions } from "./reporter-actions.js";
import texts from "./lifecycle-texts.json" with { type: "json" };

/**
 * "Bổ sung PA-2026-0007": the reporter adds photos, videos, links or words to their report, as many messages as they
 * like, then "Xong"; the summary (Gửi / Sửa / Hủy) confirms it, and the unit's staff are alerted. Opened by
 * src/features/reports/report-follow-up.ts once it has checked the report is theirs.
 */

/** What the person is adding. */
export interface AdditionData {
  code: string;
  text?: string;
  evidence: Attachment[];
  done?: boolean;
}

/** "addition:done" */
const DONE = "addition:done";

function takeAlong(ctx: DialogContext, data: AdditionData): { files: number; words: boolean } {
  const files = ctx.message.attachments.filter((attachment) => attachment.kind !== "sticker");
  const links = linksIn(ctx.text);
  data.evidence.push(...files, ...links);
  const words = ctx.choice === undefined && !!ctx.text && dialogCommand(ctx.text) !== "done" && ctx.text.replace(/https?:\/\/\S+/g, "").trim().length > 0;
  if (words) data.text = data.text ? `${data.text}\n${ctx.text}` : ctx.text;
  return { files: files.length + links.length, words };
}

const doneChoice = (ctx: DialogContext) => ({ title: ctx.say(texts.done), payload: DONE });
const have = (ctx: DialogContext, data: AdditionData) => [data.text ? `“${data.text.length > 60 ? `${data.text.slice(0, 59)}…` : data.text}”` : "", data.evidence.length ? evidenceCount(ctx, data.evidence) : ""].filter(Boolean).join(", ");

const details: Step<AdditionData> = {
  name: "details",
  takesData: true,
  answered: (data) => data.done === true,
  ask(ctx, data): Reply {
    const got = data.text || data.evidence.length ? ctx.say(texts.additionReceived, { have: have(ctx, data) }) : ctx.say(texts.askAddition, { code: data.code });
    return { text: got, choices: [doneChoice(ctx)] };
  },
  handle(ctx, data): StepResult {
    const got = takeAlong(ctx, data);
    if (ctx.choice === DONE || dialogCommand(ctx.text) === "done") {
      if (!data.text && data.evidence.length === 0) return { invalid: ctx.say(texts.additionNothing) };
      data.done = true;
      return { next: true };
    }
    if (got.files || got.words) return { stay: { text: ctx.say(texts.additionReceived, { have: have(ctx, data) }), choices: [doneChoice(ctx)] } };
    return { invalid: ctx.say(texts.additionNothing) };
  },
  edit: { title: texts.additionText, clear: (data) => void (delete data.text, (data.evidence = []), delete data.done) },
};

async function submit(ctx: DialogContext, data: AdditionData): Promise<void> {
  await new ReporterActions(ctx.services).add(data.code, "reporter", { ...(data.text ? { text: data.text } : {}), evidence: data.evidence });
  await ctx.reply({ text: ctx.say(texts.additionSent, { code: data.code }), choices: mainMenu(ctx.language) });
}

export const additionDialog = defineDialog<AdditionData>({
  name: "report-addition",
  payloadPrefix: "addition",
  steps: [details],
  summary: {
    text: (ctx, data) =>
      [
        ctx.say(texts.additionSummary, { code: data.code }),
        data.text ? `• ${ctx.say(texts.additionText)}: ${data.text}` : "",
        data.evidence.length ? `• ${ctx.say(texts.additionFiles)}: ${evidenceCount(ctx, data.evidence)}` : "",
      ].filter(Boolean).join("\n"),
    prompt: texts.additionPrompt,
    submitTitle: texts.send,
    submit,
    takeAlong: (ctx, data) => void takeAlong(ctx, data),
  },
  ownIntents: [],
  cancelled: texts.additionCancelled,
  resumeLine: texts.additionResume,
});
