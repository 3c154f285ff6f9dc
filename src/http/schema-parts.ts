import { z } from "zod";
import { VIETNAM_OFFSET_MS } from "../calendar/index.js";

/**
 * Pieces of the staff API's zod schemas that every feature's routes use (each feature declares its own query and
 * body schemas beside its routes). Query strings are strict: an unknown filter (a typo such as `categoy`) is a
 * 400, never silently ignored.
 */

/** A real date YYYY-MM-DD. */
export const isoDate = z
  .string({ error: "must be a date YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "is not a real date");
/** A non-empty id, named in the error ("must be a class id"). */
export const id = (what: string) => z.string({ error: `must be ${what}` }).trim().min(1, `must be ${what}`).max(100, "is too long");
/** One of `values`, saying which in the error. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });

/** Start of a Vietnam-time day, epoch ms. */
export const dayStart = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) - VIETNAM_OFFSET_MS;
/** Last millisecond of a Vietnam-time day, epoch ms. */
export const dayEnd = (isoDate: string) => dayStart(isoDate) + 24 * 3_600_000 - 1;

