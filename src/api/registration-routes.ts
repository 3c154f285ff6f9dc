import { Router } from "express";
import type { Services } from "../shared/services.js";
import { RegistrationService } from "../features/registration/registration-service.js";
import { attendanceBody, registrationQuery } from "./schemas.js";
import { jsonBody, parse } from "./validate.js";

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
