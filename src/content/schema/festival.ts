/**
 * festivals.yaml: one entry per festival, with its date rule, place and what visitors should know.
 *
 * @example
 * - id: hoi-lim
 *   names: { vi: "Hội Lim", en: "Lim Festival" }
 *   date: { calendar: lunar, month: 1, day: 12, days: 2, mainDay: 13 }
 *   place: { vi: "Xã Tiên Du, tỉnh Bắc Ninh" }
 *   description: { vi: "…" }
 *   source: "vnexpress; vtcnews"
 */
import { z } from "zod";
import { aliasesSchema, idSchema, listOf, optional, sourceSchema, textSchema, staffNoteSchema } from "./common.js";
import { dateRuleSchema } from "./date-rule.js";
import { geoPointSchema } from "./geo-point.js";

/** One festival. */
export const festivalSchema = z.strictObject({
  id: idSchema,
  names: textSchema,
  aliases: aliasesSchema,
  date: dateRuleSchema,
  place: textSchema,
  description: textSchema,
  visitors: optional(textSchema),
  uncertain: optional(textSchema),
  url: optional(z.url()),
  location: optional(geoPointSchema),
  source: sourceSchema,
    /** For the staff who keep this content; never shown to a person. */
    staffNote: optional(staffNoteSchema),
});

/** festivals.yaml: a list with unique ids. */
export const festivalsFileSchema = listOf(festivalSchema);

/** A validated festival. */
export type Festival = z.infer<typeof festivalSchema>;
