import { Router } from "express";
import type { Services } from "../../shared/services.js";
import { RegistrationService } from "./registration-service.js";
import { z } from "zod";
import { id, isoDate, oneOf } from "../../http/schema-parts.js";
import { jsonBody, parse } from "../../http/validate.js";
import { callerOf, seesPack } from "../../shared/api-caller.js";
import { HttpError } from "../../http/http-error.js";

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
