import type { Reply } from "../../core/message.js";
import type { PersonRef } from "../../domain/person.js";
import type { Report } from "../../domain/report.js";
import type { Services } from "../../shared/services.js";

/** What telling a reporter needs: the reach path (window rules, kept messages), the outbox for outages, the logger. */
export type TellDeps = Pick<Services, "reach" | "outbox" | "logger">;

/**
 * Tells the reporter (and the people following the report) about their report, the way the reach path allows
 * (src/reach: inside the channel's window, or an allowed kind outside it; otherwise kept as "chưa gửi được" and
 * given when they next write). Each notice is kept on its own (`ref` code#n), so a person who comes back after
 * two changes learns both. A platform outage (network, 5xx) does not lose it: it goes to the outbox, which retries.
 *
 * @example await tellAboutReport(services, report, statusNotice(report), followerNotice(report));
 */
export async function tellAboutReport(deps: TellDeps, report: Report, reply: Reply, forFollowers?: Reply): Promise<void> {
  // An anonymised report (the reporter erased their data) has nobody left to tell.
  if (!report.anonymisedAt) await tell(deps, report, report.reporter, reply);
  if (forFollowers) for (const follower of report.followers ?? []) await tell(deps, report, follower, forFollowers);
}

async function tell(deps: TellDeps, report: Report, person: PersonRef, reply: Reply): Promise<void> {
  const source = { kind: "report-update" as const, ref: `${report.code}#${report.history.length + (report.activity?.length ?? 0)}`, label: `Cập nhật phản ánh ${report.code}` };
  try {
    const result = await deps.reach.sender.send(person, reply, { purpose: "report_update", source });
    if (result.status === "failed") deps.logger.warn({ report: report.code, error: result.error }, "report notice refused by the platform");
  } catch (error) {
    deps.logger.warn({ err: error, report: report.code }, "report notice: platform unavailable, left to the outbox");
    await deps.outbox.send(person, reply, "update");
  }
}
