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
