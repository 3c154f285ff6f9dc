/**
 * content/accounts.yaml: which Zalo OA or Facebook page serves which pack. Messages to an account not listed
 * use the default pack (CONTENT_PACK).
 *
 * @example
 * accounts:
 *   - { id: "579745863508352884", pack: vo-cuong, label: "Zalo OA phường Võ Cường" }
 *   - { id: "104857361234567", pack: tan-an, label: "Fanpage phường Tân An" }
 */
import { z } from "zod";
import { idSchema, nonEmpty, optional } from "./common.js";

/** One account → pack mapping. */
export const accountSchema = z.strictObject({
  id: z.union([nonEmpty, z.number().transform(String)]).pipe(nonEmpty),
  pack: idSchema,
  label: optional(nonEmpty),
});

/** The accounts file; `accounts` may be empty (or the file missing). */
export const accountsFileSchema = z
  .strictObject({ accounts: z.array(accountSchema).default([]) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.accounts.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: "custom", path: ["accounts", i, "id"], message: `Duplicate account id "${a.id}"` });
      seen.add(a.id);
    });
  });

/** A validated account mapping. */
export type AccountMapping = z.infer<typeof accountSchema>;
