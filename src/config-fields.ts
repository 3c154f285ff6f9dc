import { z } from "zod";

/** The field kinds of the configuration (src/config.ts and each channel's config.ts). */

/** A string; blank means unset. */
export const optional = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A comma-separated list; blank means empty. */
export const list = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(",").map((item) => item.trim()).filter(Boolean));

export const url = z.string().url("must be a URL (http://… or https://…)");

/** A URL; blank means unset. */
export const optionalUrl = url.optional().or(z.literal("").transform(() => undefined));

/**
 * "purpose=value,purpose=value" → a map, where each purpose must be one of `purposes` and each value match
 * `value` (a template id, a template type). Blank means empty. The message names what is wrong and what is allowed.
 *
 * @example purposeMap(["class_reminder"], /^\d+$/) parses "class_reminder=248079" to { class_reminder: "248079" }
 */
export function purposeMap<P extends string>(purposes: readonly P[], value: RegExp) {
  return z
    .string()
    .optional()
    .transform((text, ctx): Partial<Record<P, string>> => {
      const map: Partial<Record<P, string>> = {};
      for (const item of (text ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
        const [purpose, id] = item.split("=").map((part) => part.trim());
        if (!(purposes as readonly string[]).includes(purpose)) {
          ctx.addIssue({ code: "custom", message: `"${purpose}" cannot be sent this way; allowed: ${purposes.join(", ")}` });
        } else if (!id || !value.test(id)) {
          ctx.addIssue({ code: "custom", message: `"${item}": the value after = must match ${value}` });
        } else map[purpose as P] = id;
      }
      return map;
    });
}
