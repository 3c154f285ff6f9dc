/**
 * heritage.yaml: relics, intangible heritage, craft villages, OCOP products, documentary heritage and sites.
 *
 * @example
 * - id: quan-ho-bac-ninh
 *   names: { vi: "Dân ca Quan họ Bắc Ninh", en: "Quan ho Bac Ninh folk songs" }
 *   kind: intangible
 *   unesco: { list: "Representative List", year: 2009, date: "2009-09-30" }
 *   description: { vi: "…", en: "…" }
 *   source: "vietnamtourism"
 */
import { z } from "zod";
import { aliasesSchema, idSchema, intIn, isoDateSchema, listOf, nonEmpty, optional, sourceSchema, textSchema, staffNoteSchema } from "./common.js";
import { geoPointSchema } from "./geo-point.js";

/** What kind of heritage an item is; `site` covers scenic and tourist sites a plan names (danh thắng, điểm du lịch). */
export const heritageKinds = ["relic", "intangible", "craft_village", "ocop", "documentary", "site"] as const;

/** A UNESCO (or Memory of the World) listing. */
export const unescoSchema = z
  .strictObject({
    list: nonEmpty,
    year: intIn(1970, 2100),
    date: optional(isoDateSchema),
  })
  .superRefine((u, ctx) => {
    if (u.date && Number(u.date.slice(0, 4)) !== u.year) {
      ctx.addIssue({ code: "custom", path: ["date"], message: `Date ${u.date} is not in year ${u.year}` });
    }
  });

/** One heritage item. */
export const heritageItemSchema = z.strictObject({
  id: idSchema,
  names: textSchema,
  aliases: aliasesSchema,
  kind: z.enum(heritageKinds, { error: `Must be one of: ${heritageKinds.join(", ")}` }),
  type: optional(textSchema),
  ranking: optional(textSchema),
  unesco: optional(unescoSchema),
  place: optional(textSchema),
  description: textSchema,
  hours: optional(textSchema),
  url: optional(z.url()),
  location: optional(geoPointSchema),
  uncertain: optional(textSchema),
  source: sourceSchema,
    /** For the staff who keep this content; never shown to a person. */
    staffNote: optional(staffNoteSchema),
});

/** heritage.yaml: a list with unique ids. */
export const heritageFileSchema = listOf(heritageItemSchema);

/** A validated heritage item. */
export type HeritageItem = z.infer<typeof heritageItemSchema>;

/** The kind of a heritage item. */
export type HeritageKind = (typeof heritageKinds)[number];
