import { Router } from "express";
import type { Services } from "../../shared/services.js";
import { HttpError } from "../../http/http-error.js";
import { ReportService } from "./report-service.js";
import { z } from "zod";
import { REPORT_STATUSES } from "../../domain/report.js";
import { dayEnd, dayStart, id, isoDate, oneOf } from "../../http/schema-parts.js";
import { jsonBody, parse } from "../../http/validate.js";
import { callerOf, seesUnit } from "../../shared/api-caller.js";

// ===  What the routes accept  ===

const reportStatus = oneOf(REPORT_STATUSES);

/** GET /api/reports filters; `from`/`to` are Vietnam-time days, inclusive. */
const reportQuery = z
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
const statusBody = z.strictObject({
  status: reportStatus,
  note: z.string({ error: "must be text" }).trim().max(1000, "is too long (1000 characters at most)").optional(),
  by: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(100, "is too long").optional(),
});

/** POST /api/reports/:code/transfer, /assign, /notes. */
const who = z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(100, "is too long").optional();
const transferBody = z.strictObject({ unit: id("a unit (contact) id"), by: who });
const assignBody = z.strictObject({ assignee: z.string({ error: "must be text" }).trim().max(32, "is too long"), by: who });
const noteBody = z.strictObject({ text: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(2000, "is too long (2000 characters at most)"), by: who });

// ===  Routes  ===

/**
 * /api/reports: list (filters, newest first), read one, change status with a note (the reporter is told), move to
 * another unit (the reporter is told which), assign, add an internal note (never told).
 *
 * @example app.use("/api/reports", reportRoutes(services));
 */
export function reportRoutes(services: Services): Router {
  const reports = new ReportService(services);
  const router = Router();

  router.get("/", async (req, res) => {
    const query = parse(reportQuery, req.query, "query");
    const found = await reports.list({
      status: query.status,
      categoryId: query.category,
      unitId: query.unit,
      packId: query.pack,
      from: query.from ? dayStart(query.from) : undefined,
      to: query.to ? dayEnd(query.to) : undefined,
    });
    // A key scoped to one unit sees that unit's reports only (docs/staff-api.md).
    const visible = found.filter((report) => seesUnit(callerOf(res), report));
    res.json({ count: visible.length, reports: visible });
  });

  /** The report, if the caller may see it (another unit's report is "not found"). */
  const visible = async (code: string, res: import("express").Response) => {
    const report = await reports.get(code);
    if (!report || !seesUnit(callerOf(res), report)) throw new HttpError(404, `No report ${code}`);
    return report;
  };

  router.get("/:code", async (req, res) => {
    res.json({ report: await visible(req.params.code, res) });
  });

  router.post("/:code/status", async (req, res) => {
    const body = parse(statusBody, jsonBody(req), "body");
    await visible(req.params.code, res);
    const report = await reports.changeStatus(req.params.code, body.status, body.note, body.by ?? callerOf(res).name);
    res.json({ report });
  });

  // Another unit the key cannot see, or a unit not in the pack: the same 400 as any bad body field.
  router.post("/:code/transfer", async (req, res) => {
    const body = parse(transferBody, jsonBody(req), "body");
    await visible(req.params.code, res);
    try {
      res.json({ report: await reports.transfer(req.params.code, body.unit, body.by ?? callerOf(res).name) });
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(400, error.message);
      throw error;
    }
  });

  router.post("/:code/assign", async (req, res) => {
    const body = parse(assignBody, jsonBody(req), "body");
    await visible(req.params.code, res);
    res.json({ report: await reports.assign(req.params.code, body.assignee, body.by ?? callerOf(res).name) });
  });

  /** An internal note: for staff only, never sent to the reporter. */
  router.post("/:code/notes", async (req, res) => {
    const body = parse(noteBody, jsonBody(req), "body");
    await visible(req.params.code, res);
    res.json({ report: await reports.addNote(req.params.code, body.text, body.by ?? callerOf(res).name) });
  });

  return router;
}
