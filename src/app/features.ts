import type { Middleware } from "../core/composer.js";
import type { AppContext } from "../shared/app-context.js";
import { answers } from "../features/answers/answers-feature.js";
import { questionsBeforeDialogs } from "../features/answers/plans/plan-question-first.js";
import { classesMenu } from "../features/registration/classes-menu.js";
import { deliverPending } from "../features/pending-replies/deliver-pending.js";
import { reportStart } from "../features/reports/report-start.js";
import { photoFirst } from "../features/reports/photo-first.js";
import { reactions } from "../features/reactions/reactions.js";
import { reportDialog } from "../features/reports/report-dialog.js";
import { registrationDialog } from "../features/registration/registration-dialog.js";
import { createDialogRunner } from "../dialogs/dialog-runner.js";
import { createContactIntake } from "../dialogs/contact-intake.js";
import { fallback } from "../features/fallback/fallback.js";
import { floodLimit } from "../features/flood-limit/flood-limit.js";
import { follow } from "../features/welcome/follow.js";
import { handoffFromPlatformInbox, handoffHold, handoffStart } from "../features/handoff/handoff-feature.js";
import { handoffOnMisunderstanding } from "../features/handoff/handoff-misunderstood.js";
import { privacy } from "../features/privacy/privacy-feature.js";
import { reportStatus } from "../features/reports/report-status.js";
import { reportFollowUp } from "../features/reports/report-follow-up.js";
import { additionDialog } from "../features/reports/addition-dialog.js";
import { ratingDialog } from "../features/reports/rating-dialog.js";
import { understand } from "../features/understand/understand.js";
import { languageSwitch, viEnOnlyGate } from "../features/language/language-feature.js";
import { reminders } from "../features/reminders/reminders-feature.js";
import { deliverKept } from "../features/kept-messages/deliver-kept.js";

/**
 * The bot's features in the order they see a message. Each is `(ctx, next)`: it answers what is its
 * own and calls `next()` for the rest. Order matters: understanding first, then what holds the person
 * (handoff to staff, an open dialog), then one-shot answers, and the fallback last.
 */
export function defaultFeatures(): Middleware<AppContext>[] {
  return [
    // A staff member's reply from the platform's own inbox is not the person's message: it pauses the bot, nothing more.
    handoffFromPlatformInbox,
    floodLimit,
    understand,
    languageSwitch,
    // Before anything that holds the person (a dialog, a handoff): "xóa dữ liệu của tôi" is always heard.
    privacy,
    handoffOnMisunderstanding,
    follow,
    deliverPending,
    // — conversations that hold the person: handoff, pending notices, dialogs (src/dialogs) —
    handoffHold,
    // A person inside a dialog (report, class registration) is handled by it first; class registration starts
    // from the class list (classesMenu), a report from reportStart.
    createDialogRunner([reportDialog, registrationDialog, additionDialog, ratingDialog]),
    // Outside a dialog, a question the plans answer ("tổ dân phố phát hiện vi phạm thì báo cho ai") starts no report,
    // lookup, handoff or reminder offer unless it plainly asks to ("tôi muốn phản ánh…"): it goes to the answers.
    questionsBeforeDialogs,
    // Reports and classes speak Vietnamese and English: Chinese and Korean speakers are told so and offered English.
    viEnOnlyGate,
    // Name and phone shared with one tap (Zalo's request_user_info card): into the open dialog, or kept for the next.
    createContactIntake([reportDialog, registrationDialog]),
    // Stickers, likes, emoji and voice notes outside a dialog: a short reply, never a misunderstanding.
    reactions,
    // Reminder requests and buttons (outside a dialog); then what was kept for the person, after the answer.
    reminders,
    deliverKept,
    // "bổ sung PA-…", "chưa xử lý xong", rating buttons: before a report starts or a code is looked up.
    reportFollowUp,
    reportStart,
    // A photo, file or video with nothing else: "Gửi phản ánh kèm ảnh này?"
    photoFirst,
    // After the dialog: inside one, "cho tôi" or a name is the step's answer, not a request for staff.
    handoffStart,
    reportStatus,
    classesMenu,
    // — one-shot answers by intent and menu choice —
    answers,
    fallback,
  ];
}
