import { Router } from "express";
import type { Services } from "../shared/services.js";
import { HttpError } from "../http/http-error.js";
import { ReportService } from "../features/reports/report-service.js";
import { dayEnd, dayStart, reportQuery, statusBody } from "./schemas.js";
import { jsonBody, parse } from "./validate.js";
import { callerOf } from "./auth.js";
import { seesUnit } from "./scope.js";

/**
 * /api/reports: list (filters, newest first), read one, change status with a note (the reporter is told).
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

  return router;
}
