import { Router } from "express";
import type { Services } from "../shared/services.js";
import { RegistrationService } from "../features/registration/registration-service.js";
import { attendanceBody, registrationQuery } from "./schemas.js";
import { jsonBody, parse } from "./validate.js";
import { callerOf } from "./auth.js";
import { seesPack } from "./scope.js";
import { HttpError } from "../http/http-error.js";

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
    const visible = found.filter((registration) => seesPack(callerOf(res), registration));
    res.json({ count: visible.length, registrations: visible });
  });

  router.post("/:code/attendance", async (req, res) => {
    const body = parse(attendanceBody, jsonBody(req), "body");
    const caller = callerOf(res);
    if (caller.scope && !(await registrations.list({ packId: caller.scope.packId })).some((r) => r.code === req.params.code)) {
      throw new HttpError(404, `No registration ${req.params.code}`);
    }
    const registration = await registrations.markAttendance(req.params.code, body.date, body.present);
    res.json({ registration });
  });

  return router;
}
