import type { ReportStatus } from "../../domain/report.js";
import templates from "./reply-templates.json" with { type: "json" };

/**
 * Reply templates per status for the console's status form: staff pick one and edit it before it goes to the
 * reporter as the staff note. Vietnamese (the console's language and the note's); `{code}` is filled in.
 * Kept in src/features/reports/reply-templates.json; a test checks every status has at least one.
 *
 * @example templatesFor("resolved", "PA-2026-0007")[0].text // "Phản ánh PA-2026-0007 đã được xử lý. …"
 */
export interface ReplyTemplate {
  title: string;
  text: string;
}

const ALL = templates as Record<ReportStatus, ReplyTemplate[]>;

/** The templates of a status, `{code}` filled. */
export function templatesFor(status: ReportStatus, code: string): ReplyTemplate[] {
  return (ALL[status] ?? []).map((t) => ({ title: t.title, text: t.text.replaceAll("{code}", code) }));
}
