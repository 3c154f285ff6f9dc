import type { Services } from "../../shared/services.js";
import { REPORT_STATUSES, type Report, type ReportStatus } from "../../domain/report.js";
import { matchOf } from "../../store/match.js";
import { updateDocument } from "../../store/update-document.js";
import { statusAbout, statusNotice } from "./report-text.js";

/** What the staff side of reports needs: the store, the person outbox, the clock. */
export type ReportServiceDeps = Pick<Services, "store" | "outbox" | "now">;

/** The collection reports are kept in, by code. */
export const REPORTS = "reports";

/** A report code that does not exist. */
export class ReportNotFound extends Error {
  constructor(readonly code: string) {
    super(`No report ${code}`);
    this.name = "ReportNotFound";
  }
}

/** Filters of {@link ReportService.list}; `from`/`to` are epoch ms on `createdAt`, both inclusive. */
export interface ReportFilter {
  status?: ReportStatus;
  categoryId?: string;
  unitId?: string;
  packId?: string;
  from?: number;
  to?: number;
}

/**
 * Reports for staff (the /api and the console): read, list, change status. A status change is saved durably
 * and then told to the reporter in their language through the outbox (sent within the channel's window,
 * otherwise kept and delivered when they next write).
 *
 * @example
 * const reports = new ReportService(services);
 * await reports.changeStatus("PA-2026-0007", "in_progress", "Đã chuyển công an phường", "can-bo-lan");
 */
export class ReportService {
  constructor(private readonly services: ReportServiceDeps) {}

  private get reports() {
    return this.services.store.collection<Report>(REPORTS);
  }

  /** One report by code, or undefined. */
  get(code: string): Promise<Report | undefined> {
    return this.reports.get(code);
  }

  /** Reports matching the filter, newest first. */
  async list(filter: ReportFilter = {}): Promise<Report[]> {
    const found = await this.reports.find(matchOf(filter, ["status", "categoryId", "unitId", "packId"]));
    return found
      .filter((report) => (filter.from === undefined || report.createdAt >= filter.from) && (filter.to === undefined || report.createdAt <= filter.to))
      .sort((a, b) => b.createdAt - a.createdAt || b.code.localeCompare(a.code));
  }

  /**
   * Sets the status (the same status with a new note is allowed: the note is news for the reporter), appends
   * the history, saves durably, then tells the reporter.
   *
   * @throws ReportNotFound for an unknown code; RangeError for a status that does not exist.
   */
  async changeStatus(code: string, status: ReportStatus, note: string | undefined, by: string): Promise<Report> {
    if (!(REPORT_STATUSES as readonly string[]).includes(status)) throw new RangeError(`Unknown report status "${status}"`);
    const at = this.services.now();
    const cleanNote = note?.trim() || undefined;
    // Saved before anyone is told: a crash after the message must not lose the change. Applied to the stored copy,
    // so a change made meanwhile (another staff member, a duplicate linked by a new report) is kept.
    const updated = await updateDocument(
      this.reports,
      code,
      (report) => report && { ...report, status, updatedAt: at, history: [...report.history, { at, status, ...(cleanNote ? { note: cleanNote } : {}), by }] },
      { durable: true },
    );
    if (!updated) throw new ReportNotFound(code);
    // An anonymised report (the reporter erased their data) has nobody left to tell.
    if (!updated.anonymisedAt) await this.services.outbox.send(updated.reporter, statusNotice(updated), "update", statusAbout(updated));
    return updated;
  }
}
