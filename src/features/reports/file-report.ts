import type { Services } from "../../shared/services.js";
import { formatDate, vietnamTimeOf } from "../../calendar/index.js";
import type { ContentPack } from "../../content/index.js";
import type { Attachment, GeoLocation } from "../../core/message.js";
import type { PersonRef } from "../../domain/person.js";
import type { Report } from "../../domain/report.js";
import { nextTicketCode } from "../../shared/ticket-code.js";
import { maskPhones } from "../../logger.js";
import { updateDocument } from "../../store/update-document.js";
import { deadlineOf, deadlineRules } from "./deadline.js";
import { possibleDuplicates } from "./duplicates.js";
import { keepEvidence, withMediaIds } from "./kept-evidence.js";
import { REPORTS } from "./report-service.js";
import { categoryName, OTHER_CATEGORY } from "./report-text.js";

/** What filing a report needs: the store, the staff notifier, the clock. */
export type FilingDeps = Pick<Services, "store" | "notifier" | "now" | "today" | "evidence" | "logger" | "config">;

/** What the report dialog collected. */
export interface ReportInput {
  categoryId: string;
  description: string;
  place?: { text?: string; location?: GeoLocation };
  happened?: { text: string; date?: string };
  evidence: Attachment[];
  contact: Report["contact"];
  reporter: PersonRef;
  language: "vi" | "en";
}

/** The unit a category is routed to: the category's unit, or the pack's office for "Khác". */
export function unitFor(pack: ContentPack, categoryId: string): string {
  return (categoryId !== OTHER_CATEGORY && pack.category(categoryId)?.unit) || pack.office.id;
}

/** Where a new document is saved: the message's step (`ctx`: stored in one commit with it), or the store at once. */
export interface SavesWithStep {
  save(collection: string, id: string, value: unknown, expectedRevision?: number): void;
  afterCommit(task: () => Promise<void>): void;
}

/** Saves at once (tests, imports): one commit per document, follow-up work right after. */
export function savesNow(services: Pick<Services, "store">): SavesWithStep & { flushed(): Promise<void> } {
  let work = Promise.resolve();
  return {
    save: (collection, id, value, expectedRevision) => void (work = work.then(async () => void (await services.store.commit([{ collection, id, value, expectedRevision }])))),
    afterCommit: (task) => void (work = work.then(task)),
    flushed: () => work,
  };
}

/**
 * Files a report: takes the next code and saves the report with the message's step (`step.save`: in the same commit
 * as the dialog's new state and the reply carrying the code, so a code the person gets always exists and a stored
 * report's code is sent or waits in the outbox, even after a crash), and returns it. Possible duplicates are linked
 * back once that commit is stored. Staff are told separately ({@link notifyStaffOfReport}).
 *
 * @example const report = await fileReport(services, pack, input, ctx); await ctx.reply(`Mã: ${report.code}`);
 */
export async function fileReport(services: FilingDeps, pack: ContentPack, input: ReportInput, step: SavesWithStep = savesNow(services)): Promise<Report> {
  const reports = services.store.collection<Report>(REPORTS);
  const code = await nextTicketCode(services.store, "PA", services.today());
  const now = services.now();
  const deadline = deadlineOf(pack, input.categoryId, input.description, now, deadlineRules(services.config));
  const draft: Report = {
    code,
    packId: pack.id,
    categoryId: input.categoryId,
    unitId: unitFor(pack, input.categoryId),
    description: input.description,
    ...(input.place ? { place: input.place } : {}),
    ...(input.happened ? { happened: input.happened } : {}),
    evidence: withMediaIds(services, input.evidence),
    contact: input.contact,
    reporter: input.reporter,
    language: input.language,
    status: "received",
    history: [{ at: now, status: "received", by: "bot" }],
    possibleDuplicates: [],
    ...deadline,
    createdAt: now,
    updatedAt: now,
  };
  const earlier = await reports.find({ packId: pack.id, categoryId: input.categoryId });
  const report: Report = { ...draft, possibleDuplicates: possibleDuplicates(draft, earlier) };
  step.save(REPORTS, code, { ...report, revision: 1 }, 0);
  step.afterCommit(async () => {
    // The files are downloaded once the report is stored, in the background: the person gets their code at once.
    keepEvidence(services, report);
    for (const other of report.possibleDuplicates) {
      // On the stored copy: staff may have changed that report since it was read above.
      await updateDocument(reports, other, (stored) => (stored && !stored.possibleDuplicates.includes(code) ? { ...stored, possibleDuplicates: [...stored.possibleDuplicates, code] } : undefined), { durable: true });
    }
  });
  if ("flushed" in step) await (step as ReturnType<typeof savesNow>).flushed();
  return report;
}

/** One line about a report for staff: category, place, the start of the description; never a phone number. */
export function staffSummary(report: Report, pack: ContentPack): string {
  const place = report.place?.text ?? (report.place?.location ? `vị trí ${report.place.location.latitude.toFixed(5)},${report.place.location.longitude.toFixed(5)}` : "chưa rõ nơi");
  const description = report.description.length > 100 ? `${report.description.slice(0, 99)}…` : report.description;
  const duplicates = report.possibleDuplicates.length > 0 ? ` · Có thể trùng: ${report.possibleDuplicates.join(", ")}` : "";
  const due = report.dueAt !== undefined ? ` · Hạn xử lý: ${dueLine(report.dueAt)}` : "";
  return maskPhones(`${categoryName(pack, report.categoryId, "vi")} · ${place} · ${description}${duplicates}${due}`);
}

/** Tells staff of a new report (routed to its unit). */
export async function notifyStaffOfReport(services: FilingDeps, pack: ContentPack, report: Report): Promise<void> {
  await services.notifier.notify({
    type: "report",
    ref: report.code,
    packId: report.packId,
    unitId: report.unitId,
    summary: staffSummary(report, pack),
    consolePath: `/admin/reports/${report.code}`,
    at: report.createdAt,
    ...(report.priority === "urgent" ? { priority: "urgent" as const } : {}),
  });
}

/** "17:00 09/12/2026" (Vietnam time). */
export function dueLine(dueAt: number): string {
  const { date, time } = vietnamTimeOf(dueAt);
  return `${time} ${formatDate(date, "vi")}`;
}
