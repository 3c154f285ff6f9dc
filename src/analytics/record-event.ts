import { vietnamDateOf } from "../calendar/index.js";
import type { AppContext } from "../shared/app-context.js";
import { gapText, type MessageEvent } from "./message-event.js";

/**
 * Records one handled message (the pipeline's `onHandled` hook). A message counts as unanswered when the feature
 * that handled it said so (`ctx.outcome === "unanswered"`: the fallback, an out-of-scope answer); those keep their
 * text so staff see what people ask that the content does not cover. A dialog step's answer ("xong", "hôm qua")
 * is `in_dialog`, whatever the classifier thought of it.
 */
export async function recordMessageEvent(ctx: AppContext): Promise<void> {
  if (ctx.message.kind !== "message") return;
  const at = ctx.message.timestamp || ctx.services.now();
  const answered = ctx.outcome !== "unanswered";
  // Typed inside a dialog that was already open: the answer to a step, not a question (issue 16: these were counted
  // among the questions, under the classifier's guess, often out_of_scope).
  // ("answered" with the dialog closed: the last step's answer finished it; with the dialog still open: a question
  // asked in the middle, answered elsewhere, which is a question.)
  const finishedDialog = ctx.outcome === "answered" && ctx.conversation.state.dialog === undefined;
  const stepAnswer = ctx.inDialogBefore && ctx.choice === undefined && !!ctx.text && (ctx.outcome === "in_dialog" || finishedDialog);
  const event: MessageEvent = {
    id: `${ctx.message.channel}:${ctx.message.id}`,
    at,
    day: vietnamDateOf(at),
    channel: ctx.message.channel,
    packId: ctx.pack.id,
    kind: ctx.choice !== undefined ? "choice" : !ctx.text ? "other" : stepAnswer ? "dialog" : "text",
    // What the classifier made of a step's answer ("Nguyễn Văn An", "xong") is no intent of the person's.
    intent: stepAnswer ? undefined : ctx.understanding?.intent,
    confidence: ctx.understanding ? Math.round(ctx.understanding.confidence * 1000) / 1000 : undefined,
    answered,
    text: answered ? undefined : gapText(ctx.text),
  };
  await ctx.services.store.collection<MessageEvent>("events").set(event.id, event);
}
