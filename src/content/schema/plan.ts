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

/** The plan header: what a citizen names the plan by (number, date, issuer) and what it rests on. */
export const planHeaderSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  issuer: nonEmpty,
  /** "220/KH-UBND" when the plan has one (drafts leave "Số: /KH-UBND" blank). */
  number: optional(nonEmpty),
  /** "2022-04-05", "2026-05" or "2022": as much of the date as the plan gives. */
  date: optional(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Must be YYYY, YYYY-MM or YYYY-MM-DD")),
  period: nonEmpty,
  signer: optional(nonEmpty),
  signerTitle: optional(nonEmpty),
  /** The documents the plan implements, as its preamble names them. */
  implements: optional(z.array(nonEmpty)),
  /** Readable origin of the text, shown to nobody but staff. */
  source: sourceSchema,
  /** The seed file the plan was extracted from (tooling only; never shown). */
  seedFile: optional(nonEmpty),
  note: optional(nonEmpty),
  /** The last section of a text that is cut off. */
  truncatedAfter: optional(nonEmpty),
});

/** A part of the plan ("I", "Mục đích, yêu cầu"). */
export const planPartSchema = z.strictObject({ id: nonEmpty, title: nonEmpty });

/** One section, numbered as the plan numbers it (I, I.1, III.4, V.3); each line of `text` is a passage. */
export const planSectionSchema = z.strictObject({
  id: nonEmpty,
  part: optional(nonEmpty),
  title: nonEmpty,
  text: nonEmpty,
  /** The unit the section assigns work to (its heading, or its "Cơ quan chủ trì" line). */
  unit: optional(nonEmpty),
  lead: optional(nonEmpty),
  partners: optional(nonEmpty),
});

/** A row of an appendix task table, with the table's columns. */
export const appendixRowSchema = z.strictObject({
  no: z.number().int().min(1),
  title: nonEmpty,
  task: nonEmpty,
  lead: nonEmpty,
  coordinating: z.string(),
  time: z.string(),
  product: z.string(),
});

/** A whole plan file: header, parts, sections with unique ids, and an optional appendix table. */
export const planFileSchema = z
  .strictObject({
    plan: planHeaderSchema,
    parts: z.array(planPartSchema).default([]),
    sections: z.array(planSectionSchema).min(1, "A plan needs at least one section"),
    appendix: optional(z.strictObject({ title: nonEmpty, rows: z.array(appendixRowSchema).min(1) })),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const parts = new Set(file.parts.map((p) => p.id));
    file.sections.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["sections", i, "id"], message: `Duplicate section id "${s.id}"` });
      if (s.part && !parts.has(s.part)) ctx.addIssue({ code: "custom", path: ["sections", i, "part"], message: `Unknown part "${s.part}"` });
      seen.add(s.id);
    });
  });

/** A validated plan header. */
export type PlanHeader = z.infer<typeof planHeaderSchema>;
/** A validated plan section. */
export type PlanSection = z.infer<typeof planSectionSchema>;
/** A validated appendix row. */
export type AppendixRow = z.infer<typeof appendixRowSchema>;
/** A validated plan file. */
export type PlanFile = z.infer<typeof planFileSchema>;
