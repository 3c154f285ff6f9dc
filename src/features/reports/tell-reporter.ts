import type { Reply } from "../../core/message.js";
import type { NoticeAbout } from "../../domain/staff-event.js";
import type { Report } from "../../domain/report.js";
import type { Services } from "../../shared/services.js";

/** What telling a reporter needs: the person outbox (which asks the reach policy outside the window). */
export type TellDeps = Pick<Services, "outbox">;

/** A notice and what it is about (the facts a template kind is filled with outside the window). */
export interface ReportNotice {
  reply: Reply;
  about: NoticeAbout;
}

/**
 * Tells the reporter (and, with `forFollowers`, the people following the report) about their report: inside the
 * channel's window as an ordinary message, outside it as the first kind the reach policy allows for a report update
 * (a Zalo transaction message, a Messenger utility message or tag, as configured: src/reach), else kept for their
 * next message and shown to staff as "chưa gửi được" (src/staff/person-outbox.ts). Through the outbox, so a
 * platform outage does not lose it.
 *
 * @example await tellAboutReport(services, report, { reply: statusNotice(report), about: statusAbout(report) });
 */
export async function tellAboutReport(deps: TellDeps, report: Report, notice: ReportNotice, forFollowers?: ReportNotice): Promise<void> {
  // An anonymised report (the reporter erased their data) has nobody left to tell.
  if (!report.anonymisedAt) await deps.outbox.send(report.reporter, notice.reply, "update", notice.about);
  if (forFollowers) for (const follower of report.followers ?? []) await deps.outbox.send(follower, forFollowers.reply, "update", forFollowers.about);
}
