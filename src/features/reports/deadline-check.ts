import type { Logger } from "pino";
import type { ContentPack } from "../../content/index.js";
import { OPEN_STATUSES, type Report } from "../../domain/report.js";
import type { ReportAlertType } from "../../domain/staff-event.js";
import type { Store } from "../../store/store.js";
import { updateDocument } from "../../store/update-document.js";
import { deadlineState, dueSoonAt, type DeadlineRules } from "./deadline.js";
import { dueLine } from "./file-report.js";
import { REPORTS } from "./report-service.js";
import { categoryName } from "./report-text.js";

/** What the deadline check needs: the store, the one staff-alert path, the clock, the rules, names. */
export interface DeadlineCheckDeps {
  store: Store;
  /** ReportService.alert: the unit's staff through the staff notifier (which falls back when a channel fails). */
  alert(report: Report, type: ReportAlertType, summary: string): Promise<void>;
  now: () => number;
  rules: DeadlineRules;
  packOf(id: string): ContentPack | undefined;
  logger: Logger;
}

/** How many alerts a run sent. */
export interface DeadlineRun {
  dueSoon: number;
  overdue: number;
}

/**
 * One pass over the open reports: the unit's staff get "sắp đến hạn" once the due day is REPORT_DUE_SOON_DAYS working
 * days away (at office opening) and "quá hạn" once the deadline has passed, each once per deadline (a reopened
 * report has a new deadline and is alerted again). Each alert is claimed on the stored report before it is sent, so
 * two instances never send it twice; a crash between the two loses at most that alert (the console still shows it
 * overdue). A report filed after its "due soon" moment (an urgent one) is not alerted "due soon": staff were told
 * of it as it came in.
 */
export async function checkDeadlines(deps: DeadlineCheckDeps): Promise<DeadlineRun> {
  const run: DeadlineRun = { dueSoon: 0, overdue: 0 };
  const now = deps.now();
  const reports = deps.store.collection<Report>(REPORTS);
  for (const status of OPEN_STATUSES) {
    for (const report of await reports.find({ status })) {
      const state = deadlineState(report, now, deps.rules);
      if (state !== "overdue" && state !== "due_soon") continue;
      const kind = state === "overdue" ? "overdue" : "dueSoon";
      if (report.alerted?.[kind] !== undefined) continue;
      // Filed (or reopened) after the moment it became "due soon": the new-report alert already said so.
      const startedAt = [...report.history].reverse().find((entry) => entry.status === "received" || entry.status === "reopened")?.at ?? report.createdAt;
      const quiet = kind === "dueSoon" && dueSoonAt(report.dueAt!, deps.rules) <= startedAt;
      let claimed = false;
      await updateDocument(reports, report.code, (stored) => {
        claimed = !!stored && stored.dueAt === report.dueAt && stored.alerted?.[kind] === undefined;
        return claimed ? { ...stored!, alerted: { ...stored!.alerted, [kind]: now } } : undefined;
      }, { durable: true });
      if (!claimed || quiet) continue;
      const pack = deps.packOf(report.packId);
      const who = report.assignee ? ` · Người phụ trách: ${report.assignee}` : " · Chưa giao cho ai";
      const what = `${categoryName(pack, report.categoryId, "vi")}${who}`;
      if (kind === "overdue") {
        await deps.alert(report, "report_overdue", `Quá hạn xử lý từ ${dueLine(report.dueAt!)} · ${what}`);
        run.overdue++;
      } else {
        await deps.alert(report, "report_due_soon", `Hạn xử lý: ${dueLine(report.dueAt!)} · ${what}`);
        run.dueSoon++;
      }
    }
  }
  return run;
}

/** The running check: `tick` runs one pass now (tests), `stop` ends the timer. */
export interface DeadlineChecks {
  tick(): Promise<DeadlineRun>;
  stop(): void;
}

/**
 * Runs the deadline check on start and every `intervalMs`, one pass at a time; the timer does not keep the process alive.
 *
 * @example const checks = startDeadlineChecks(deps, 10 * 60_000); await checks.tick();
 */
export function startDeadlineChecks(deps: DeadlineCheckDeps, intervalMs: number): DeadlineChecks {
  let running: Promise<DeadlineRun> = Promise.resolve({ dueSoon: 0, overdue: 0 });
  const tick = () => (running = running.catch(() => ({ dueSoon: 0, overdue: 0 })).then(() => checkDeadlines(deps)));
  const logged = () => void tick().catch((error: unknown) => deps.logger.error({ err: error }, "report deadline check failed"));
  const timer = setInterval(logged, intervalMs);
  timer.unref();
  logged();
  return { tick, stop: () => clearInterval(timer) };
}
