import { BotComposer } from "../../core/bot-composer.js";
import type { Handoff } from "../../domain/handoff.js";
import { normalize } from "../../nlu/index.js";
import type { AppContext } from "../../shared/app-context.js";
import { MENU, mainMenu } from "../../shared/menu.js";
import { HandoffService } from "./handoff-service.js";
import { handoffEndedByPersonText, handoffExpiredText, handoffStartedText } from "./handoff-texts.js";

/**
 * Human handoff, in two places of the feature order (src/app/features.ts):
 * - `handoffHold`, before the dialogs: while handed off the bot stays silent (the pipeline keeps each message in the
 *   transcript for staff), except "kết thúc" / "end", which hands the person back to the bot. A handoff found past its
 *   due time (a working day of office hours without a staff reply, or the quiet period after a reply from the
 *   platform's inbox) is closed on the person's next message, which the bot then answers.
 * - `handoffStart`, after the dialog runner: the person asks for staff (intent human_handoff) or picks "Gặp cán bộ".
 *   Inside a dialog the step sees the message first, so a name such as "Nguyễn Văn Gặp" or "cho mình" (for myself)
 *   is an answer, not a request for staff. src/features/handoff/handoff-misunderstood.ts starts it after two
 *   misunderstood messages.
 */
export const handoffHold = new BotComposer<AppContext>();

handoffHold.on("message", async (ctx, next) => {
  // Without the marker there is no open handoff (start() saves the marker before the record): one read fewer per
  // message for nearly everyone. With it, the record is the truth (staff may have closed it meanwhile).
  if (!ctx.conversation.state.handoff) return next();
  const service = new HandoffService(ctx.services);
  const key = ctx.conversation.key;
  const record = await service.get(key);
  if (record?.status !== "open") {
    // Released or expired elsewhere (API, sweeper) while this conversation was loaded.
    delete ctx.conversation.state.handoff;
    return next();
  }
  if (service.isDue(record)) {
    await service.close(key, "expired", ctx.conversation);
    // A pause the person never asked for (staff answered from the platform's inbox) ends without a word.
    if (record.reason !== "platform_inbox") await ctx.reply(handoffExpiredText(ctx.language));
    return next(); // the bot answers this message as usual
  }
  if (isEndCommand(ctx.text)) {
    await service.close(key, "ended_by_person", ctx.conversation);
    ctx.outcome = "answered";
    return ctx.reply({ text: handoffEndedByPersonText(ctx.language), choices: mainMenu(ctx.language) });
  }
  ctx.outcome = "handed_off"; // silent: staff answer
});

/**
 * First in the feature order (src/app/features.ts): a staff member answered the person from the platform's own inbox
 * (the channel turned the echo of a message the bot did not send into a "staff_echo"). The bot pauses for that person
 * (HandoffService.noteReplyFromPlatformInbox); the pipeline writes the reply in the transcript as staff's. Nothing else
 * sees the echo: it is not the person's message.
 */
export const handoffFromPlatformInbox = new BotComposer<AppContext>();

handoffFromPlatformInbox.on("staff_echo", async (ctx) => {
  await new HandoffService(ctx.services).noteReplyFromPlatformInbox(ctx.conversation, ctx.message.timestamp || ctx.services.now());
  ctx.outcome = "handed_off";
});

export const handoffStart = new BotComposer<AppContext>();

handoffStart.on("choice", (ctx, next) => (ctx.choice === MENU.handoff ? startHandoff(ctx, "menu") : next()));
handoffStart.on("text", (ctx, next) => (ctx.understanding?.intent === "human_handoff" ? startHandoff(ctx, "asked") : next()));

/**
 * Opens a handoff for the person being answered, notifies staff and tells the person who will answer,
 * and when, outside office hours.
 *
 * @example await startHandoff(ctx, "misunderstood");
 */
export async function startHandoff(ctx: AppContext, reason: Handoff["reason"]): Promise<void> {
  await new HandoffService(ctx.services).start(ctx.conversation, reason);
  ctx.outcome = "handed_off";
  const office = ctx.language === "en" ? (ctx.pack.office.names.en ?? ctx.pack.office.names.vi) : ctx.pack.office.names.vi;
  await ctx.reply(handoffStartedText(reason, office, ctx.services.now(), ctx.language));
}

// Polite particles people add: "kết thúc ạ", "kết thúc nhé".
const PARTICLES = new Set(["a", "nhe", "nha", "nhen", "di", "please", "now"]);

// "结束" and "종료" arrive one character / syllable per token (src/nlu/cjk.ts).
const END_PHRASES = new Set(["ket thuc", "end", "ket thuc tro chuyen", "end chat", "结 束", "结 束 对 话", "종 료", "대 화 종 료"]);

/** "kết thúc", "ket thuc", "end", "结束", "종료" (with polite particles), and nothing longer. */
export function isEndCommand(text: string | undefined): boolean {
  if (!text) return false;
  const words = normalize(text).foldedTokens.filter((token) => /[\p{L}\p{N}]/u.test(token) && !PARTICLES.has(token));
  return END_PHRASES.has(words.join(" "));
}
