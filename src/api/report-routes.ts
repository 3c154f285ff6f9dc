import { Router } from "express";
import type { Services } from "../shared/services.js";
import { HttpError } from "../http/http-error.js";
import { ReportService } from "../features/reports/report-service.js";
import { dayEnd, dayStart, reportQuery, statusBody } from "./schemas.js";
import { jsonBody, parse } from "./validate.js";

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
    res.json({ count: found.length, reports: found });
  });

  router.get("/:code", async (req, res) => {
    const report = await reports.get(req.params.code);
    if (!report) throw new HttpError(404, `No report ${req.params.code}`);
    res.json({ report });
  });

  router.post("/:code/status", async (req, res) => {
    const body = parse(statusBody, jsonBody(req), "body");
    const report = await reports.changeStatus(req.params.code, body.status, body.note, body.by ?? String(res.locals.staff ?? "api"));
    res.json({ report });
  });

  return router;
}
