import type { NextFunction } from "../../core/composer.js";
import type { Handoff } from "../../domain/handoff.js";
import { HandoffService } from "./handoff-service.js";
import { handoffEndedByPersonText, handoffExpiredText, handoffStartedText } from "./handoff-texts.js";
import { normalize } from "../../nlu/index.js";
import type { AppContext } from "../../shared/app-context.js";
import { MENU, mainMenu } from "../../shared/menu.js";

/**
 * Human handoff. Starts when the person asks for staff (intent human_handoff) or picks "Gặp cán bộ"
 * (MENU.handoff); src/features/handoff/handoff-feature-misunderstood.ts starts it after two misunderstood messages.
 * While handed off the bot stays silent (the pipeline keeps each message in the transcript for staff),
 * except "kết thúc" / "end", which hands the person back to the bot. A handoff found 24 h without a staff
 * reply is closed on the person's next message, which the bot then answers.
 *
 * Sits after deliverPending, so staff replies kept while the window was closed still reach the person.
 */
export async function handoff(ctx: AppContext, next: NextFunction): Promise<void> {
  if (ctx.message.kind !== "message") return next();
  handledByHandoff.add(ctx);
  const service = new HandoffService(ctx.services);
  const key = ctx.conversation.key;
  // Without the marker there is no open handoff (start() saves the marker before the record): one read fewer per
  // message for nearly everyone. With it, the record is the truth (staff may have closed it meanwhile).
  const record = ctx.conversation.state.handoff ? await service.get(key) : undefined;

  if (record?.status === "open") {
    if (service.isDue(record)) {
      await service.close(key, "expired", ctx.conversation);
      await ctx.reply(handoffExpiredText(ctx.language));
      handledByHandoff.delete(ctx); // the bot answers this message as usual
      return next();
    }
    if (isEndCommand(ctx.text)) {
      await service.close(key, "ended_by_person", ctx.conversation);
      await ctx.reply({ text: handoffEndedByPersonText(ctx.language), choices: mainMenu(ctx.language) });
      return;
    }
    return; // silent: staff answer
  }
  // Released or expired elsewhere (API, sweeper) while this conversation was loaded.
  delete ctx.conversation.state.handoff;

  if (ctx.choice === MENU.handoff) return startHandoff(ctx, "menu");
  if (ctx.choice === undefined && ctx.understanding?.intent === "human_handoff") return startHandoff(ctx, "asked");
  handledByHandoff.delete(ctx);
  await next();
}

/**
 * Messages this feature took (silence while handed off, "kết thúc", a start): the misunderstanding
 * counter must not count them, whatever the understanding said.
 */
export const handledByHandoff = new WeakSet<AppContext>();

/**
 * Opens a handoff for the person being answered, notifies staff and tells the person who will answer,
 * and when, outside office hours.
 *
 * @example await startHandoff(ctx, "misunderstood");
 */
export async function startHandoff(ctx: AppContext, reason: Handoff["reason"]): Promise<void> {
  await new HandoffService(ctx.services).start(ctx.conversation, reason);
  const office = ctx.language === "en" ? (ctx.pack.office.names.en ?? ctx.pack.office.names.vi) : ctx.pack.office.names.vi;
  await ctx.reply(handoffStartedText(reason, office, ctx.services.now(), ctx.language));
}

// Polite particles people add: "kết thúc ạ", "kết thúc nhé".
const PARTICLES = new Set(["a", "nhe", "nha", "nhen", "di", "please", "now"]);

/** "kết thúc", "ket thuc", "end" (with polite particles), and nothing longer. */
export function isEndCommand(text: string | undefined): boolean {
  if (!text) return false;
  const words = normalize(text).foldedTokens.filter((token) => /\w/.test(token) && !PARTICLES.has(token));
  const phrase = words.join(" ");
  return phrase === "ket thuc" || phrase === "end" || phrase === "ket thuc tro chuyen" || phrase === "end chat";
}
