import type { NextFunction } from "../../core/composer.js";
import { dialogCommand } from "../../dialogs/commands.js";
import { recordPrivacyAction } from "../../privacy/audit-log.js";
import { isErasureRequest } from "../../privacy/erasure-request.js";
import { erasePersonData } from "../../privacy/person-data.js";
import type { AppContext } from "../../shared/app-context.js";

/**
 * "Xóa dữ liệu của tôi" / "delete my data": the bot says what will be erased and what kept (reports stay,
 * anonymised), asks to confirm, and on [Xóa dữ liệu] erases the person's data once this message is handled (after
 * the pipeline saved the conversation, so nothing of it is written back). See docs/privacy.md.
 */

export const PRIVACY_PAYLOADS = { erase: "privacy:erase", keep: "privacy:keep" } as const;

/** How long the confirmation question stays open. */
const CONFIRM_WITHIN_MS = 30 * 60 * 1000;

interface PrivacyState {
  askedAt: number;
}

export async function privacy(ctx: AppContext, next: NextFunction): Promise<void> {
  const asked = ctx.conversation.state.privacy as PrivacyState | undefined;
  const open = asked && ctx.services.now() - asked.askedAt < CONFIRM_WITHIN_MS;
  if (ctx.choice === PRIVACY_PAYLOADS.erase || (open && ctx.choice === undefined && dialogCommand(ctx.text) === "yes")) {
    if (!open) return ask(ctx); // an old button: ask again rather than erase on a stale tap
    return erase(ctx);
  }
  if (ctx.choice === PRIVACY_PAYLOADS.keep) {
    delete ctx.conversation.state.privacy;
    return ctx.reply(ctx.t("Mình giữ nguyên dữ liệu của bạn.", "I have kept your data as it is."));
  }
  if (ctx.choice === undefined && isErasureRequest(ctx.text)) return ask(ctx);
  if (asked) delete ctx.conversation.state.privacy; // anything else closes the question
  return next();
}

async function ask(ctx: AppContext): Promise<void> {
  ctx.conversation.state.privacy = { askedAt: ctx.services.now() } satisfies PrivacyState;
  await ctx.reply({
    text: ctx.t(
      "Bạn muốn mình xóa dữ liệu của bạn? Lịch sử trò chuyện, thông tin liên hệ (họ tên, số điện thoại) và các đăng ký nhận tin sẽ bị xóa ngay. " +
        "Các phản ánh và đăng ký lớp học bạn đã gửi được giữ lại ở dạng ẩn danh (không còn họ tên, số điện thoại) để cơ quan tiếp tục xử lý, nên cán bộ sẽ không liên hệ lại được với bạn. Việc này không hoàn tác được.",
      "Do you want me to delete your data? Your chat history, contact details (name, phone number) and subscriptions will be erased at once. " +
        "Reports and class registrations you sent are kept anonymously (without your name or phone number) so the office can finish handling them; staff will no longer be able to contact you. This cannot be undone.",
    ),
    choices: [
      { title: ctx.t("Xóa dữ liệu", "Delete my data"), payload: PRIVACY_PAYLOADS.erase },
      { title: ctx.t("Không", "No"), payload: PRIVACY_PAYLOADS.keep },
    ],
  });
}

async function erase(ctx: AppContext): Promise<void> {
  const person = { channel: ctx.message.channel, accountId: ctx.message.accountId, userId: ctx.message.userId };
  const { store, logger } = ctx.services;
  await ctx.reply(
    ctx.t(
      "Mình đã xóa dữ liệu của bạn: lịch sử trò chuyện, thông tin liên hệ và các đăng ký nhận tin. Các phản ánh bạn đã gửi được giữ ở dạng ẩn danh. Nếu bạn nhắn tiếp, mình sẽ bắt đầu một cuộc trò chuyện mới.",
      "I have deleted your data: chat history, contact details and subscriptions. Reports you sent are kept anonymously. If you write again, we start a new conversation.",
    ),
  );
  // After the pipeline has saved this turn: the conversation it writes is then deleted too.
  ctx.afterHandled.push(async () => {
    const summary = await erasePersonData(store, person, ctx.services.now(), { removeMedia: (id) => ctx.services.evidence.remove(id) });
    await recordPrivacyAction(store, { at: ctx.services.now(), action: "erase", by: "person", personKey: ctx.conversation.key, summary });
    logger.info({ summary }, "personal data erased at the person's request");
  });
}
