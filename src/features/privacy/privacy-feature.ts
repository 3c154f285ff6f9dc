import { BotComposer } from "../../core/bot-composer.js";
import { replyEntryId } from "../../core/outbound.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { recordPrivacyAction } from "../../privacy/audit-log.js";
import { isErasureRequest } from "../../privacy/erasure-request.js";
import { isPolicyRequest } from "../../privacy/policy-request.js";
import { privacyPack } from "../../privacy/privacy-notice.js";
import { erasePersonData } from "../../privacy/person-data.js";
import type { AppContext } from "../../shared/app-context.js";
import { privacyTexts as texts } from "./privacy-texts.js";

/**
 * "Xóa dữ liệu của tôi" / "delete my data": the bot says what will be erased and what kept (reports stay,
 * anonymised), asks to confirm, and on [Xóa dữ liệu] erases the person's data once this step is stored (so the
 * pipeline's save cannot write the conversation back) and before the confirmation is sent. "Chính sách dữ liệu" /
 * "privacy policy": the policy's text in the chat (the notice's way to it when there is no PUBLIC_URL for a link).
 * See docs/privacy.md.
 */

export const PRIVACY_PAYLOADS = { erase: "privacy:erase", keep: "privacy:keep" } as const;

/** How long the confirmation question stays open. */
const CONFIRM_WITHIN_MS = 30 * 60 * 1000;

interface PrivacyState {
  askedAt: number;
}

declare module "../../core/conversation.js" {
  interface ConversationState {
    /** An erasure request waiting for its confirmation (src/features/privacy). */
    privacy?: PrivacyState;
  }
}

export const privacy = new BotComposer<AppContext>();

privacy.on("message", async (ctx, next) => {
  const asked = ctx.conversation.state.privacy;
  const open = asked !== undefined && ctx.services.now() - asked.askedAt < CONFIRM_WITHIN_MS;
  if (ctx.choice === PRIVACY_PAYLOADS.erase || (open && ctx.choice === undefined && dialogCommand(ctx.text) === "yes")) {
    // An old button (the question has expired) asks again rather than erasing on a stale tap.
    return open ? erase(ctx) : ask(ctx);
  }
  if (ctx.choice === PRIVACY_PAYLOADS.keep) {
    delete ctx.conversation.state.privacy;
    return ctx.reply(ctx.say(texts.kept));
  }
  if (ctx.choice === undefined && isErasureRequest(ctx.text)) return ask(ctx);
  // What the notice tells people to write when there is no public address for the page (PUBLIC_URL unset).
  if (ctx.choice === undefined && isPolicyRequest(ctx.text)) return showPolicy(ctx);
  if (asked) delete ctx.conversation.state.privacy; // anything else closes the question
  return next();
});

async function showPolicy(ctx: AppContext): Promise<void> {
  ctx.outcome = "answered";
  const language = ctx.language === "vi" ? "vi" : "en";
  const policy = ctx.services.privacy.policyText(privacyPack(ctx.pack), language);
  // Asked in the middle of a report or a registration (right after the notice): the dialog still waits for its answer.
  await ctx.reply(ctx.conversation.state.dialog ? `${policy}\n\n${ctx.say(texts.backToDialog)}` : policy);
}

async function ask(ctx: AppContext): Promise<void> {
  ctx.conversation.state.privacy = { askedAt: ctx.services.now() };
  await ctx.reply({
    text: ctx.say(texts.confirm),
    choices: [
      { title: ctx.say(texts.eraseChoice), payload: PRIVACY_PAYLOADS.erase },
      { title: ctx.say(texts.keepChoice), payload: PRIVACY_PAYLOADS.keep },
    ],
  });
}

async function erase(ctx: AppContext): Promise<void> {
  const person = { channel: ctx.message.channel, accountId: ctx.message.accountId, userId: ctx.message.userId };
  const { store, logger, evidence } = ctx.services;
  // The confirmation is a reply like any other: stored with this step (transcript, outbox), then sent.
  await ctx.reply(ctx.say(texts.erased));
  // Once this step is stored and before its replies leave: the erasure removes this very step too (its transcript
  // lines), except the outbox entry carrying the confirmation, which the outbound removes once it is sent. The
  // confirmation then reaches the person (on a local chat, in a fresh inbox the page takes at once).
  ctx.afterCommit(async () => {
    const summary = await erasePersonData(store, person, ctx.services.now(), { removeMedia: (id) => evidence.remove(id), inFlight: [replyEntryId(ctx.message)] });
    await recordPrivacyAction(store, { at: ctx.services.now(), action: "erase", by: "person", personKey: ctx.conversation.key, summary });
    logger.info({ summary }, "personal data erased at the person's request");
  });
  // lowdb appends every change: once the confirmation is sent (its outbox entry gone), the files are rewritten again so
  // neither the entry nor the lines of the erased documents stay on disk.
  ctx.afterHandled.push(async () => {
    await store.compact?.();
  });
}
