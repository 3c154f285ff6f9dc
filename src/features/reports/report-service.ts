import type { Services } from "../../shared/services.js";
import type { ReportAlertType } from "../../domain/staff-event.js";
import { REPORT_STATUSES, type Report, type ReportStatus } from "../../domain/report.js";
import { matchOf } from "../../store/match.js";
import { updateDocument } from "../../store/update-document.js";
import { followerNotice, statusAbout, statusNotice, transferNotice, unitName } from "./report-text.js";
import { tellAboutReport } from "./tell-reporter.js";

/** What the staff side of reports needs: the store, the reach path and outbox (telling reporters), staff alerts, names, the clock. */
export type ReportServiceDeps = Pick<Services, "store" | "reach" | "outbox" | "logger" | "notifier" | "knowledge" | "now">;

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
  assignee?: string;
  from?: number;
  to?: number;
}

/**
 * Reports for staff (the /api and the console): read, list, change status, move to another unit, assign to a
 * person, keep internal notes. A status change or a transfer is saved durably and then told to the reporter in
 * their language through the reach path (src/features/reports/tell-reporter.ts); internal notes and assignments
 * are never told.
 *
 * @example
 * const reports = new ReportService(services);
 * await reports.changeStatus("PA-2026-0007", "in_progress", "Đã chuyển công an phường", "can-bo-lan");
 * await reports.addNote("PA-2026-0007", "Đã gọi trưởng thôn, chờ ảnh hiện trường", "can-bo-lan");
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
    const found = await this.reports.find(matchOf(filter, ["status", "categoryId", "unitId", "packId", "assignee"]));
    return found
      .filter((report) => (filter.from === undefined || report.createdAt >= filter.from) && (filter.to === undefined || report.createdAt <= filter.to))
      .sort((a, b) => b.createdAt - a.createdAt || b.code.localeCompare(a.code));
  }

  /**
   * Sets the status (the same status with a new note is allowed: the note is news for the reporter), appends
   * the history, saves durably, then tells the reporter (and followers, without the note).
   *
   * @throws ReportNotFound for an unknown code; RangeError for a status that does not exist.
   */
  async changeStatus(code: string, status: ReportStatus, note: string | undefined, by: string): Promise<Report> {
    if (!(REPORT_STATUSES as readonly string[]).includes(status)) throw new RangeError(`Unknown report status "${status}"`);
    const at = this.services.now();
    const cleanNote = note?.trim() || undefined;
    // Saved before anyone is told: a crash after the message must not lose the change. Applied to the stored copy,
    // so a change made meanwhile (another staff member, a duplicate linked by a new report) is kept.
    const updated = await this.#update(code, (report) => ({ ...report, status, updatedAt: at, history: [...report.history, { at, status, ...(cleanNote ? { note: cleanNote } : {}), by }] }));
    await tellAboutReport(this.services, updated, { reply: statusNotice(updated), about: statusAbout(updated) }, { reply: followerNotice(updated), about: statusAbout(updated, "follower") });
    return updated;
  }

  /**
   * Moves the report to another unit of its pack (a contact id): the new unit's staff are alerted, the reporter is
   * told which unit handles it now. The deadline stays: it is the office's promise to the reporter.
   *
   * @throws ReportNotFound; RangeError for a unit that is not a contact of the report's pack, or the same unit.
   */
  async transfer(code: string, unitId: string, by: string): Promise<Report> {
    const current = await this.get(code);
    if (!current) throw new ReportNotFound(code);
    const pack = this.services.knowledge.content.packs.get(current.packId);
    if (!pack?.contact(unitId)) throw new RangeError(`No unit "${unitId}" in pack ${current.packId}`);
    if (unitId === current.unitId) throw new RangeError(`Report ${code} is already with ${unitId}`);
    const at = this.services.now();
    const updated = await this.#update(code, (report) => ({
      ...report,
      unitId,
      // Someone of the old unit no longer handles it.
      assignee: undefined,
      updatedAt: at,
      activity: [...(report.activity ?? []), { at, by, kind: "transfer" as const, from: report.unitId, to: unitId }],
    }));
    await this.alert(updated, "report_transferred", `Chuyển từ ${unitName(pack, current.unitId, "vi")} · ${updated.description.slice(0, 100)}`);
    const notice = transferNotice(updated, unitName(pack, unitId, updated.language));
    await tellAboutReport(this.services, updated, { reply: notice, about: statusAbout(updated, "reporter", notice.text) });
    return updated;
  }

  /** Gives the report to a staff member (console username), or to nobody with "". Never told to the reporter. */
  async assign(code: string, username: string, by: string): Promise<Report> {
    const at = this.services.now();
    const to = username.trim();
    return this.#update(code, (report) => ({
      ...report,
      assignee: to || undefined,
      updatedAt: at,
      activity: [...(report.activity ?? []), { at, by, kind: "assign" as const, ...(report.assignee ? { from: report.assignee } : {}), to }],
    }));
  }

  /** Keeps a note for staff only: it is never sent to the reporter, nor shown in their lookup. */
  async addNote(code: string, text: string, by: string): Promise<Report> {
    const clean = text.trim().slice(0, 2000);
    if (!clean) throw new RangeError("An internal note needs text");
    const at = this.services.now();
    return this.#update(code, (report) => ({ ...report, updatedAt: at, internalNotes: [...(report.internalNotes ?? []), { at, by, text: clean }] }));
  }

  /** Alerts the staff of the report's unit (the one staff-alert path: src/staff). */
  async alert(report: Report, type: ReportAlertType, summary: string): Promise<void> {
    await this.services.notifier.notify({
      type,
      ref: report.code,
      packId: report.packId,
      unitId: report.unitId,
      summary,
      consolePath: `/admin/reports/${report.code}`,
      at: this.services.now(),
      ...(report.priority === "urgent" ? { priority: "urgent" as const } : {}),
    });
  }

  async #update(code: string, change: (report: Report) => Report): Promise<Report> {
    const updated = await updateDocument(this.reports, code, (report) => report && change(report), { durable: true });
    if (!updated) throw new ReportNotFound(code);
    return updated;
  }
}
