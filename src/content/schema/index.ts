/**
 * The zod schemas of every content file, and the map from a pack file name to its schema.
 *
 * @example packFileSchemas.festivals.safeParse(YAML.parse(text))
 */
import { classesFileSchema } from "./class-entry.js";
import { contactsFileSchema } from "./contact.js";
import { festivalsFileSchema } from "./festival.js";
import { heritageFileSchema } from "./heritage.js";
import { reportCategoriesFileSchema } from "./report-category.js";

export * from "./common.js";
export * from "./date-rule.js";
export * from "./festival.js";
export * from "./heritage.js";
export * from "./class-entry.js";
export * from "./contact.js";
export * from "./report-category.js";
export * from "./pack-meta.js";
export * from "./plan.js";
export * from "./accounts.js";

/** The list files of a pack, by file name (without ".yaml"). */
export const packFileSchemas = {
  festivals: festivalsFileSchema,
  heritage: heritageFileSchema,
  classes: classesFileSchema,
  contacts: contactsFileSchema,
  "report-categories": reportCategoriesFileSchema,
} as const;

/** A list file of a pack. */
export type PackFileName = keyof typeof packFileSchemas;
export * from "./geo-point.js";
