import { z } from "zod";
import { REPORT_STATUSES } from "../domain/report.js";
import { VIETNAM_OFFSET_MS } from "../calendar/index.js";

/**
 * What the staff API accepts, as zod schemas. Query strings are strict: an unknown filter (a typo such as
 * `categoy`) is a 400, never silently ignored.
 */

const isoDate = z
  .string({ error: "must be a date YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "is not a real date");
const id = (what: string) => z.string({ error: `must be ${what}` }).trim().min(1, `must be ${what}`).max(100, "is too long");
const reportStatus = z.enum(REPORT_STATUSES, { error: `must be one of ${REPORT_STATUSES.join(", ")}` });
const registrationStatus = z.enum(["registered", "waiting", "cancelled"], { error: "must be one of registered, waiting, cancelled" });
const handoffStatus = z.enum(["open", "released", "expired", "ended_by_person"], { error: "must be one of open, released, expired, ended_by_person" });

/** Start of a Vietnam-time day, epoch ms. */
export const dayStart = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) - VIETNAM_OFFSET_MS;
/** Last millisecond of a Vietnam-time day, epoch ms. */
export const dayEnd = (isoDate: string) => dayStart(isoDate) + 24 * 3_600_000 - 1;

/** GET /api/reports filters; `from`/`to` are Vietnam-time days, inclusive. */
export const reportQuery = z
  .strictObject({
    status: reportStatus.optional(),
    category: id("a category id").optional(),
    unit: id("a unit (contact) id").optional(),
    pack: id("a content pack id").optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });

/** POST /api/reports/:code/status. */
export const statusBody = z.strictObject({
  status: reportStatus,
  note: z.string({ error: "must be text" }).trim().max(1000, "is too long (1000 characters at most)").optional(),
  by: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(100, "is too long").optional(),
});

/** GET /api/registrations filters. */
export const registrationQuery = z.strictObject({
  classId: id("a class id").optional(),
  pack: id("a content pack id").optional(),
  status: registrationStatus.optional(),
});

/** POST /api/registrations/:code/attendance. */
export const attendanceBody = z.strictObject({
  date: isoDate,
  present: z.boolean({ error: "must be true or false" }),
});

/** GET /api/handoffs filters. */
export const handoffQuery = z.strictObject({ status: handoffStatus.optional() });

/** POST /api/handoffs/:key/reply. */
export const replyBody = z.strictObject({
  text: z.string({ error: "is required (the message for the person)" }).trim().min(1, "must not be empty").max(2000, "is too long (2000 characters at most)"),
});

/** POST /api/handoffs/:key/release: no fields. */
export const releaseBody = z.strictObject({});
