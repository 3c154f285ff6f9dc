/**
 * classes.yaml: Quan họ and craft classes (lớp truyền dạy). Unknown teacher, schedule or fee are left out:
 * the bot says "chưa cập nhật" rather than guess.
 *
 * @example
 * - id: quan-ho-xuan-o
 *   title: { vi: "Lớp truyền dạy Quan họ làng Xuân Ổ" }
 *   kind: quan_ho
 *   capacity: 30
 *   status: open
 *   source: "Kế hoạch hội nhập quốc tế về văn hóa phường Võ Cường 2026–2030, mục III.3"
 *   staffNote: "Mẫu – cán bộ cập nhật lịch học trước khi mở đăng ký."
 */
import { z } from "zod";
import { aliasesSchema, idSchema, intIn, isoDateSchema, listOf, optional, sourceSchema, textSchema, staffNoteSchema } from "./common.js";

/** Who may join; a flag left out means "not known yet". */
export const audienceSchema = z.strictObject({
  children: optional(z.boolean()),
  adults: optional(z.boolean()),
  foreigners: optional(z.boolean()),
  note: optional(textSchema),
});

/** One class. */
export const classEntrySchema = z
  .strictObject({
    id: idSchema,
    title: textSchema,
    aliases: aliasesSchema,
    kind: z.enum(["quan_ho", "craft"], { error: 'Must be "quan_ho" or "craft"' }),
    teacher: optional(textSchema),
    place: optional(textSchema),
    schedule: optional(textSchema),
    firstSession: optional(isoDateSchema),
    fee: optional(textSchema),
    capacity: optional(intIn(1, 10_000)),
    audience: audienceSchema.default({}),
    status: z.enum(["open", "full", "not_scheduled"], { error: 'Must be "open", "full" or "not_scheduled"' }),
    source: sourceSchema,
    /** For the staff who keep this content; never shown to a person. */
    staffNote: optional(staffNoteSchema),
  })
  .superRefine((c, ctx) => {
    // Registration counts seats, so a class people can sign up for needs a capacity.
    if (c.status === "open" && c.capacity === undefined) {
      ctx.addIssue({ code: "custom", path: ["capacity"], message: "An open class needs a capacity" });
    }
  });

/** classes.yaml: a list with unique ids. */
export const classesFileSchema = listOf(classEntrySchema);

/** A validated class. */
export type ClassEntry = z.infer<typeof classEntrySchema>;

/** Class status: open for registration, full, or called for by the plan but not yet scheduled. */
export type ClassStatus = ClassEntry["status"];
