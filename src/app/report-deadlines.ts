import type { Services } from "../shared/services.js";
import { startDeadlineChecks, type DeadlineChecks } from "../features/reports/deadline-check.js";
import { deadlineRules } from "../features/reports/deadline.js";
import { ReportService } from "../features/reports/report-service.js";

/**
 * Starts the report deadline check (every REPORT_CHECK_MINUTES, and now). Its clock is the services' clock, the
 * one reports are stamped with (not the reminders' pinned day: a deadline is an instant, not a calendar day).
 *
 * @example const checks = startReportDeadlines(services); await checks.tick();
 */
export function startReportDeadlines(services: Services): DeadlineChecks {
  const reports = new ReportService(services);
  return startDeadlineChecks(
    {
      store: services.store,
      alert: (report, type, summary) => reports.alert(report, type, summary),
      now: () => services.now(),
      rules: deadlineRules(services.config),
      packOf: (id) => services.knowledge.content.packs.get(id),
      logger: services.logger,
    },
    services.config.REPORT_CHECK_MINUTES * 60_000,
  );
}
