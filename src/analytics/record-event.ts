import { formatInTimeZone } from "./time-zone.js";
import type { AppContext } from "../shared/app-context.js";
import { gapText, type MessageEvent } from "./message-event.js";

/**
 * Records one handled message (the pipeline's `onHandled` hook). A message counts as unanswered when the
 * understanding step called it out of scope or the fallback answered it (`ctx.conversation.state.unanswered`
 * grew), unless a dialog handled it — those keep their text so staff see what people ask that the content
 * does not cover.
 */
export async function recordMessageEvent(ctx: AppContext, unansweredBefore: number): Promise<void> {
  if (ctx.message.kind !== "message") return;
  const at = ctx.message.timestamp || ctx.services.now();
  const unansweredNow = (ctx.conversation.state.unanswered as number | undefined) ?? 0;
  // A dialog step's answer ("xong", "hôm qua") is handled by the dialog, whatever the classifier thought of it.
  const inDialog = ctx.inDialogBefore || ctx.conversation.state.dialog !== undefined;
  const answered = inDialog || (unansweredNow === unansweredBefore && ctx.understanding?.intent !== "out_of_scope");
  const event: MessageEvent = {
    id: `${ctx.message.channel}:${ctx.message.id}`,
    at,
    day: formatInTimeZone(at),
    channel: ctx.message.channel,
    packId: ctx.pack.id,
    kind: ctx.choice !== undefined ? "choice" : ctx.text ? "text" : "other",
    intent: ctx.understanding?.intent,
    confidence: ctx.understanding ? Math.round(ctx.understanding.confidence * 1000) / 1000 : undefined,
    answered,
    text: answered ? undefined : gapText(ctx.text),
  };
  await ctx.services.store.collection<MessageEvent>("events").set(event.id, event);
}
