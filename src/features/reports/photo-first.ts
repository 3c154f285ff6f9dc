import { BotComposer } from "../../core/bot-composer.js";
import type { Attachment, Choice } from "../../core/message.js";
import { choicePayload } from "../../shared/choice-payload.js";
import type { AppContext } from "../../shared/app-context.js";
import { mainMenu, MENU } from "../../shared/menu.js";
import { startReport } from "./report-dialog.js";
import texts from "./photo-first-texts.json" with { type: "json" };

/**
 * A photo, a file, a video or a shared link sent with no dialog open (Zalo users very often open with a photo): "Bạn muốn gửi
 * phản ánh kèm ảnh này?" [Gửi phản ánh] [Không]. Yes opens the report dialog with what was sent as its first
 * evidence; no gets a friendly line and the menu. What was sent waits in `state.photoFirst` (one day at most).
 * A caption that tells a violation never gets here: reportStart opens the report with the photo at once.
 */
export const photoFirst = new BotComposer<AppContext>();

/** "report:photo:yes" / "report:photo:no" */
export const PHOTO_FIRST = choicePayload("report:photo", ["yes", "no"] as const);
const KEEP_MS = 24 * 3_600_000;

declare module "../../core/conversation.js" {
  interface ConversationState {
    /** A photo, file or video sent before any dialog, waiting for "Gửi phản ánh" (src/features/reports/photo-first.ts). */
    photoFirst?: { evidence: Attachment[]; at: number };
  }
}

const EVIDENCE_KINDS = new Set<Attachment["kind"]>(["image", "file", "video", "link"]);

photoFirst.on("choice", async (ctx, next) => {
  const answer = PHOTO_FIRST.read(ctx.choice);
  if (answer === undefined) return next();
  const kept = ctx.conversation.state.photoFirst;
  delete ctx.conversation.state.photoFirst;
  const evidence = kept && ctx.services.now() - kept.at <= KEEP_MS ? kept.evidence : [];
  if (answer === "yes") {
    if (evidence.length === 0) await ctx.reply({ text: ctx.say(texts.nothingKept) });
    return startReport(ctx, { evidence });
  }
  ctx.outcome = "answered";
  await ctx.reply({ text: ctx.say(texts.notReport), choices: mainMenu(ctx.language) });
});

photoFirst.on("message", async (ctx, next) => {
  const files = ctx.message.attachments.filter((attachment) => EVIDENCE_KINDS.has(attachment.kind));
  // With words that mean something (a question, a report), the rest of the bot answers; the photo alone is asked about.
  const saysSomething = ctx.text !== undefined && ctx.understanding?.intent !== "out_of_scope";
  if (files.length === 0 || ctx.choice !== undefined || saysSomething) return next();
  const kept = ctx.conversation.state.photoFirst;
  const earlier = kept && ctx.services.now() - kept.at <= KEEP_MS ? kept.evidence : [];
  const evidence = [...earlier, ...files];
  ctx.conversation.state.photoFirst = { evidence, at: ctx.services.now() };
  ctx.outcome = "answered";
  const choices: Choice[] = [
    { title: ctx.say(texts.sendReport), payload: PHOTO_FIRST.of("yes") },
    { title: ctx.say(texts.no), payload: PHOTO_FIRST.of("no") },
  ];
  const images = evidence.filter((item) => item.kind === "image").length;
  if (files.some((item) => item.kind === "video")) {
    return ctx.reply({ text: ctx.say(texts.askVideo), choices: [...choices, { title: ctx.say(texts.talkToStaff), payload: MENU.handoff }] });
  }
  const links = evidence.filter((item) => item.kind === "link").length;
  const text =
    images === evidence.length ? (images > 1 ? ctx.say(texts.askPhotos, { n: images }) : ctx.say(texts.askPhoto)) : links === evidence.length ? ctx.say(texts.askLink) : ctx.say(texts.askFile);
  // Reports are in Vietnamese and English: a Chinese or Korean speaker is also offered staff (issue 17).
  if (ctx.language === "zh" || ctx.language === "ko") choices.push({ title: ctx.say(texts.talkToStaff), payload: MENU.handoff });
  await ctx.reply({ text, choices });
});
