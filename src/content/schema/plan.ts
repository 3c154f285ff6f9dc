/**
 * plans/<plan-id>.yaml: one seed plan split into sections in the plan's own words. Unknown keys are kept (not
 * rejected) so the plan tooling can add fields without a schema change here.
 *
 * @example
 * plan: { id: vo-cuong-hoi-nhap-2026-2030, title: { vi: "Kế hoạch …" }, issuer: "UBND phường Võ Cường",
 *         period: "2026–2030", source: "seed 000_c85e5beaf9ab3687.txt" }
 * sections:
 *   - { id: "II.1", title: "Mục tiêu chung", text: "…" }
 */
import { z } from "zod";
import { idSchema, nonEmpty, optional, sourceSchema, textSchema } from "./common.js";

/** The plan header. */
export const planHeaderSchema = z.looseObject({
  id: idSchema,
  title: textSchema,
  issuer: nonEmpty,
  number: optional(nonEmpty),
  date: optional(nonEmpty),
  period: nonEmpty,
  source: sourceSchema,
});

/** One section, numbered as the plan numbers it (I, I.1, II.2.a, III.4, PL.3). */
export const planSectionSchema = z.looseObject({
  id: nonEmpty,
  title: nonEmpty,
  text: nonEmpty,
});

/** A whole plan file: header and sections with unique ids. */
export const planFileSchema = z
  .strictObject({
    plan: planHeaderSchema,
    sections: z.array(planSectionSchema).min(1, "A plan needs at least one section"),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.sections.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["sections", i, "id"], message: `Duplicate section id "${s.id}"` });
      seen.add(s.id);
    });
  });

/** A validated plan header. */
export type PlanHeader = z.infer<typeof planHeaderSchema>;
/** A validated plan section. */
export type PlanSection = z.infer<typeof planSectionSchema>;
/** A validated plan file. */
export type PlanFile = z.infer<typeof planFileSchema>;
