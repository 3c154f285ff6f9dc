/**
 * contacts.yaml: the units a plan names, their role in it, and how to reach them. An unknown phone, email or
 * address is `null`; a known one needs `contactSource` saying where it was checked, so none can be invented.
 *
 * @example
 * - id: phong-van-hoa-xa-hoi
 *   names: { vi: "Phòng Văn hóa - Xã hội phường Võ Cường" }
 *   role: { vi: "Cơ quan thường trực, tham mưu UBND phường …" }
 *   phone: null
 *   source: "Kế hoạch hội nhập quốc tế về văn hóa phường Võ Cường 2026–2030, mục V.1"
 */
import { z } from "zod";
import { aliasesSchema, idSchema, listOf, nonEmpty, optional, sourceSchema, textSchema, unknownOr, staffNoteSchema } from "./common.js";

/** One unit or office. */
export const contactSchema = z
  .strictObject({
    id: idSchema,
    names: textSchema,
    aliases: aliasesSchema,
    role: textSchema,
    // Unquoted 0912345678 is a YAML number that has lost its leading zero: ask for quotes.
    phone: unknownOr(z.string({ error: 'Write the phone number in quotes, e.g. "0222 3822 123"' }).regex(/^\+?[0-9][0-9 .-]{5,}$/, "Must look like a phone number (digits, spaces, dots, dashes)")),
    email: unknownOr(z.email("Must be an email address")),
    address: unknownOr(textSchema),
    hours: optional(textSchema),
    url: optional(z.url()),
    note: optional(textSchema),
    source: sourceSchema,
    /** For the staff who keep this content; never shown to a person. */
    staffNote: optional(staffNoteSchema),
    contactSource: optional(nonEmpty),
  })
  .superRefine((c, ctx) => {
    const known = (["phone", "email", "address"] as const).filter((k) => c[k] !== null);
    if (known.length > 0 && !c.contactSource) {
      ctx.addIssue({
        code: "custom",
        path: ["contactSource"],
        message: `${known.join(", ")} is set: say where it was checked (never invent contact details)`,
      });
    }
  });

/** contacts.yaml: a list with unique ids. */
export const contactsFileSchema = listOf(contactSchema);

/** A validated contact. */
export type Contact = z.infer<typeof contactSchema>;
