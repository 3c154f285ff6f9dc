import type { Attachment } from "../../core/message.js";
import type { PersonRef } from "../../domain/person.js";
import { isOpen, type Report } from "../../domain/report.js";
import type { Services } from "../../shared/services.js";
import { updateDocument } from "../../store/update-document.js";
import { deadlineOf, deadlineRules } from "./deadline.js";
import { keepEvidence, withMediaIds } from "./kept-evidence.js";
import { REPORTS, ReportService } from "./report-service.js";
import { categoryName } from "./report-text.js";

/** What the reporter's side needs: the staff side's deps plus evidence keeping and the deadline settings. */
export type ReporterActionsDeps = ConstructorParameters<typeof ReportService>[0] & Pick<Services, "evidence" | "config">;

/** How long after "Đã xử lý" the reporter may say it is not fixed (calendar days, as the issue asks). */
export const REOPEN_WITHIN_MS = 7 * 24 * 3_600_000;

/** What came of a reopen request. */
export type ReopenResult =
  | { kind: "reopened"; report: Report }
  | { kind: "too_late"; report: Report; resolvedAt: number }
  | { kind: "not_resolved"; report: Report }
  | { kind: "not_found" };

/**
 * What a reporter does with their report after filing it: add photos or details ("bổ sung"), reopen it within 7
 * days of "Đã xử lý" ("chưa xử lý xong"), rate it 1–5 with a comment; and what someone about to file the same
 * matter does: follow it. Every check of "is it theirs" is here: a code alone gives nobody else anything.
 *
 * @example
 * const actions = new ReporterActions(services);
 * await actions.reopen("PA-2026-0007", person.key, "tường vẫn còn hình vẽ"); // { kind: "reopened", report }
 */
export class ReporterActions {
  readonly #staff: ReportService;

  constructor(private readonly services: ReporterActionsDeps) {
    this.#staff = new ReportService(services);
  }

  private get reports() {
    return this.services.store.collection<Report>(REPORTS);
  }

  /** The report if `personKey` filed it (anything else reads as missing). */
  async own(code: string, personKey: string): Promise<Report | undefined> {
    const report = await this.reports.get(code);
    return report && !report.anonymisedAt && report.reporter.key === personKey ? report : undefined;
  }

  /** Whether `personKey` may see the report: its reporter, or a follower. */
  async visibleTo(code: string, personKey: string): Promise<{ report: Report; as: "reporter" | "follower" } | undefined> {
    const report = await this.reports.get(code);
    if (!report) return undefined;
    if (!report.anonymisedAt && report.reporter.key === personKey) return { report, as: "reporter" };
    return report.followers?.some((f) => f.key === personKey) ? { report, as: "follower" } : undefined;
  }

  /**
   * Adds words and files to a report (the reporter's "bổ sung", or a follower's details): the files are kept like
   * the first ones, the unit's staff are alerted.
   */
  async add(code: string, from: "reporter" | "follower", what: { text?: string; evidence: readonly Attachment[] }): Promise<Report | undefined> {
    const at = this.services.now();
    const evidence = withMediaIds(this.services, what.evidence);
    let firstNew = 0;
    const updated = await updateDocument(this.reports, code, (report) => {
      if (!report) return undefined;
      firstNew = report.evidence.length;
      const indexes = evidence.map((_, i) => firstNew + i);
      const addition = { at, from, ...(what.text ? { text: what.text } : {}), evidence: indexes };
      return { ...report, evidence: [...report.evidence, ...evidence], additions: [...(report.additions ?? []), addition], updatedAt: at };
    }, { durable: true });
    if (!updated) return undefined;
    keepEvidence(this.services, updated, firstNew);
    const files = evidence.length ? ` · ${evidence.length} tệp/ảnh mới` : "";
    await this.#staff.alert(updated, "report_added", `${from === "reporter" ? "Người phản ánh" : "Người theo dõi"} bổ sung${files}${what.text ? `: ${what.text.slice(0, 100)}` : ""}`);
    return updated;
  }

  /**
   * "Chưa xử lý xong": reopens the reporter's report if it was resolved less than 7 days ago. It goes back to its unit
   * as "Đã mở lại" with a new deadline, and the unit's staff are alerted. `why` (what the person said) is kept as an
   * addition. Without a code, the reporter's most recently resolved report.
   */
  async reopen(code: string | undefined, personKey: string, why?: string): Promise<ReopenResult> {
    const report = code ? await this.own(code, personKey) : await this.latestResolved(personKey);
    if (!report) return { kind: "not_found" };
    if (report.status !== "resolved") return { kind: "not_resolved", report };
    const resolvedAt = [...report.history].reverse().find((entry) => entry.status === "resolved")?.at ?? report.updatedAt;
    const at = this.services.now();
    if (at - resolvedAt > REOPEN_WITHIN_MS) return { kind: "too_late", report, resolvedAt };
    const pack = this.services.knowledge.content.packs.get(report.packId);
    const { dueAt } = deadlineOf(pack, report.categoryId, report.description, at, deadlineRules(this.services.config));
    const updated = await updateDocument(this.reports, report.code, (stored) => stored && {
      ...stored,
      status: "reopened" as const,
      dueAt,
      alerted: {},
      updatedAt: at,
      history: [...stored.history, { at, status: "reopened" as const, by: "reporter" }],
      ...(why ? { additions: [...(stored.additions ?? []), { at, from: "reporter" as const, text: why, evidence: [] }] } : {}),
    }, { durable: true });
    if (!updated) return { kind: "not_found" };
    await this.#staff.alert(updated, "report_reopened", `Người phản ánh báo chưa xử lý xong${why ? `: ${why.slice(0, 100)}` : ""} · ${categoryName(pack, updated.categoryId, "vi")}`);
    return { kind: "reopened", report: updated };
  }

  /** The reporter's report resolved most recently, if any. */
  async latestResolved(personKey: string): Promise<Report | undefined> {
    const mine = (await this.reports.find({ status: "resolved" })).filter((r) => r.reporter.key === personKey && !r.anonymisedAt);
    return mine.sort((a, b) => b.updatedAt - a.updatedAt)[0];
  }

  /** Records the reporter's 1–5 rating of a resolved report (the latest rating counts); undefined when it cannot be rated. */
  async rate(code: string, personKey: string, score: 1 | 2 | 3 | 4 | 5): Promise<Report | undefined> {
    const report = await this.own(code, personKey);
    if (!report || report.status !== "resolved") return undefined;
    const at = this.services.now();
    return updateDocument(this.reports, code, (stored) => stored && { ...stored, rating: { score, at }, updatedAt: at }, { durable: true });
  }

  /** Adds the comment to the reporter's rating. */
  async comment(code: string, personKey: string, text: string): Promise<Report | undefined> {
    const report = await this.own(code, personKey);
    if (!report?.rating) return undefined;
    const clean = text.trim().slice(0, 1000);
    return updateDocument(this.reports, code, (stored) => stored?.rating && { ...stored, rating: { ...stored.rating, comment: clean } }, { durable: true });
  }

  /**
   * Someone about to file the same matter follows this report instead: they are told of its status changes, and
   * what they wrote and sent is added for staff (their name and phone are not: they did not file it).
   */
  async follow(code: string, person: PersonRef, what: { text?: string; evidence: readonly Attachment[] }): Promise<Report | undefined> {
    const report = await this.reports.get(code);
    if (!report || !isOpen(report)) return undefined;
    await updateDocument(this.reports, code, (stored) =>
      stored && !stored.followers?.some((f) => f.key === person.key) ? { ...stored, followers: [...(stored.followers ?? []), person] } : undefined,
    { durable: true });
    return this.add(code, "follower", what);
  }
}
