/**
 * report-categories.yaml: the kinds of violation a plan names, each routed to the unit it makes responsible.
 *
 * @example
 * - id: against-fine-customs
 *   names: { vi: "Nội dung trái thuần phong mỹ tục", en: "Content against fine customs" }
 *   keywords: ["phản cảm", "trái thuần phong"]
 *   unit: cong-an-phuong
 *   source: "seed 000, mục V.3"
 *   deadlineDays: 10                      # working days to settle it (weekends, public holidays not counted)
 *   urgentKeywords: ["dang dap pha"]      # words that make a report urgent: the harm is happening now
 *   urgentDeadlineDays: 1
 */
import { z } from "zod";
import { aliasesSchema, idSchema, intIn, listOf, optional, sourceSchema, textSchema, staffNoteSchema } from "./common.js";

/** One report category. */
export const reportCategorySchema = z.strictObject({
  id: idSchema,
  names: textSchema,
  description: optional(textSchema),
  keywords: aliasesSchema,
  unit: idSchema,
  source: sourceSchema,
  /**
   * Working days staff have to settle a report of this kind, counted from the next working day (weekends and
   * public holidays not counted); left out: REPORT_DEADLINE_DAYS. The office's own commitment, not a plan's fact.
   */
  deadlineDays: optional(intIn(1, 60)),
  /** "urgent": every report of this kind is urgent (its deadline is urgentDeadlineDays, staff are told at once). */
  priority: optional(z.enum(["normal", "urgent"])),
  /** Words (with or without diacritics) that make a report of this kind urgent: the harm is happening now. */
  urgentKeywords: aliasesSchema,
  /** Working days for an urgent report of this kind; left out: REPORT_URGENT_DEADLINE_DAYS. */
  urgentDeadlineDays: optional(intIn(1, 60)),
    /** For the staff who keep this content; never shown to a person. */
    staffNote: optional(staffNoteSchema),
});

/** report-categories.yaml: a list with unique ids. */
export const reportCategoriesFileSchema = listOf(reportCategorySchema);

/** A validated report category; `unit` is the id of a contact of the same pack (checked at load). */
export type ReportCategory = z.infer<typeof reportCategorySchema>;
