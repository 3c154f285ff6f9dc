import { Router } from "express";
import type { Services } from "../../shared/services.js";
import { RegistrationService } from "./registration-service.js";
import { z } from "zod";
import { id, isoDate, oneOf } from "../../http/schema-parts.js";
import { jsonBody, parse } from "../../http/validate.js";

// ===  What the routes accept  ===

const registrationStatus = oneOf(["registered", "waiting", "cancelled"]);

/** GET /api/registrations filters. */
const registrationQuery = z.strictObject({
  classId: id("a class id").optional(),
  pack: id("a content pack id").optional(),
  status: registrationStatus.optional(),
});

/** POST /api/registrations/:code/attendance. */
const attendanceBody = z.strictObject({
  date: isoDate,
  present: z.boolean({ error: "must be true or false" }),
});

// ===  Routes  ===

/**
 * /api/registrations: list (oldest first, the waiting list's order) and mark attendance.
 *
 * @example app.use("/api/registrations", registrationRoutes(services));
 */
export function registrationRoutes(services: Services): Router {
  const registrations = new RegistrationService(services);
  const router = Router();

  router.get("/", async (req, res) => {
    const query = parse(registrationQuery, req.query, "query");
    const found = await registrations.list({ classId: query.classId, packId: query.pack, status: query.status });
    res.json({ count: found.length, registrations: found });
  });

  router.post("/:code/attendance", async (req, res) => {
    const body = parse(attendanceBody, jsonBody(req), "body");
    const registration = await registrations.markAttendance(req.params.code, body.date, body.present);
    res.json({ registration });
  });

  return router;
}
