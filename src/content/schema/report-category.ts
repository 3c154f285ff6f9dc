/**
 * report-categories.yaml: the kinds of violation a plan names, each routed to the unit it makes responsible.
 *
 * @example
 * - id: against-fine-customs
 *   names: { vi: "Nội dung trái thuần phong mỹ tục", en: "Content against fine customs" }
 *   keywords: ["phản cảm", "trái thuần phong"]
 *   unit: cong-an-phuong
 *   source: "seed 000, mục V.3"
 */
import { z } from "zod";
import { aliasesSchema, idSchema, listOf, optional, sourceSchema, textSchema, staffNoteSchema } from "./common.js";

/** One report category. */
export const reportCategorySchema = z.strictObject({
  id: idSchema,
  names: textSchema,
  description: optional(textSchema),
  keywords: aliasesSchema,
  unit: idSchema,
  source: sourceSchema,
    /** For the staff who keep this content; never shown to a person. */
    staffNote: optional(staffNoteSchema),
});

/** report-categories.yaml: a list with unique ids. */
export const reportCategoriesFileSchema = listOf(reportCategorySchema);

/** A validated report category; `unit` is the id of a contact of the same pack (checked at load). */
export type ReportCategory = z.infer<typeof reportCategorySchema>;
