import type { Services } from "../../shared/services.js";
import type { ContentPack } from "../../content/index.js";
import type { Attachment, GeoLocation } from "../../core/message.js";
import type { PersonRef } from "../../domain/person.js";
import type { Report } from "../../domain/report.js";
import { nextTicketCode } from "../../shared/ticket-code.js";
import { maskPhones } from "../../logger.js";
import { updateDocument } from "../../store/update-document.js";
import { possibleDuplicates } from "./duplicates.js";
import { REPORTS } from "./report-service.js";
import { categoryName, OTHER_CATEGORY } from "./report-text.js";

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

/**
 * Files a report: takes the next code, links possible duplicates both ways, writes it durably (so the code
 * the person is about to get always exists, even after a crash), and returns it. Staff are told separately
 * ({@link notifyStaffOfReport}) once the person has their code.
 *
 * @example const report = await fileReport(services, pack, input); await ctx.reply(`Mã: ${report.code}`);
 */
export async function fileReport(services: Services, pack: ContentPack, input: ReportInput): Promise<Report> {
  const reports = services.store.collection<Report>(REPORTS);
  const code = await nextTicketCode(services.store, "PA", services.today());
  const now = services.now();
  const draft: Report = {
    code,
    packId: pack.id,
    categoryId: input.categoryId,
    unitId: unitFor(pack, input.categoryId),
    description: input.description,
    ...(input.place ? { place: input.place } : {}),
    ...(input.happened ? { happened: input.happened } : {}),
    evidence: input.evidence,
    contact: input.contact,
    reporter: input.reporter,
    language: input.language,
    status: "received",
    history: [{ at: now, status: "received", by: "bot" }],
    possibleDuplicates: [],
    createdAt: now,
    updatedAt: now,
  };
  const earlier = await reports.find({ packId: pack.id, categoryId: input.categoryId });
  const report: Report = { ...draft, possibleDuplicates: possibleDuplicates(draft, earlier) };
  await reports.set(code, report, { durable: true });
  for (const other of report.possibleDuplicates) {
    // On the stored copy: staff may have changed that report since it was read above.
    await updateDocument(reports, other, (stored) => (stored && !stored.possibleDuplicates.includes(code) ? { ...stored, possibleDuplicates: [...stored.possibleDuplicates, code] } : undefined), { durable: true });
  }
  return report;
}

/** One line about a report for staff: category, place, the start of the description; never a phone number. */
export function staffSummary(report: Report, pack: ContentPack): string {
  const place = report.place?.text ?? (report.place?.location ? `vị trí ${report.place.location.latitude.toFixed(5)},${report.place.location.longitude.toFixed(5)}` : "chưa rõ nơi");
  const description = report.description.length > 100 ? `${report.description.slice(0, 99)}…` : report.description;
  const duplicates = report.possibleDuplicates.length > 0 ? ` · Có thể trùng: ${report.possibleDuplicates.join(", ")}` : "";
  return maskPhones(`${categoryName(pack, report.categoryId, "vi")} · ${place} · ${description}${duplicates}`);
}

/** Tells staff of a new report (routed to its unit). */
export async function notifyStaffOfReport(services: Services, pack: ContentPack, report: Report): Promise<void> {
  await services.notifier.notify({
    type: "report",
    ref: report.code,
    packId: report.packId,
    unitId: report.unitId,
    summary: staffSummary(report, pack),
    consolePath: `/admin/reports/${report.code}`,
    at: report.createdAt,
  });
}
