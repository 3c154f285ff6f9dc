import express, { Router, type ErrorRequestHandler, type Request } from "express";
import type { Services } from "../shared/services.js";
import { RegistrationNotFound } from "../features/registration/registration-service.js";
import { HandoffNotFound, HandoffNotOpen } from "../features/handoff/handoff-service.js";
import { HttpError } from "../http/http-error.js";
import { ReportNotFound } from "../features/reports/report-service.js";
import { staffAuth } from "./auth.js";
import { ApiKeys } from "../web/auth/api-keys.js";
import { deadLetterRoutes } from "./dead-letter-routes.js";
import { evidenceForApiCaller, evidenceForConsoleUser } from "./evidence-routes.js";
import { handoffRoutes } from "../features/handoff/handoff-api.js";
import { registrationRoutes } from "../features/registration/registration-api.js";
import { reportRoutes } from "../features/reports/report-api.js";
import { ValidationError } from "../http/validate.js";

/** Options of {@link createApiRouter}. */
export interface ApiOptions {
  /** Another way in besides the bearer token (the console's session cookie): see src/api/auth.ts. */
  extraAuth?: (req: Request) => boolean;
}

/**
 * The staff JSON API (docs/staff-api.md), for the console and other systems: reports, registrations,
 * handoffs. Every route needs `Authorization: Bearer <key>` (a key made in the console, or STAFF_API_TOKEN); input is
 * validated (400 naming the field), unknown ids are 404, and errors are JSON `{ error }`.
 *
 * @example app.use("/api", createApiRouter(services));
 */
export function createApiRouter(services: Services, options: ApiOptions = {}): Router {
  const router = Router();
  // Evidence files: a signed-in console user is checked by unit here, before the key gate; a key after it.
  router.get("/reports/:code/evidence/:n", evidenceForConsoleUser(services));
  router.use(staffAuth({ keys: new ApiKeys(services.store, services.now), envToken: services.config.STAFF_API_TOKEN, logger: services.logger, extraCheck: options.extraAuth }));
  router.get("/reports/:code/evidence/:n", evidenceForApiCaller(services));
  router.use(express.json({ limit: "100kb" }));
  router.use("/reports", reportRoutes(services));
  router.use("/registrations", registrationRoutes(services));
  router.use("/handoffs", handoffRoutes(services));
  router.use("/dead-letters", deadLetterRoutes(services));
  router.use((req, _res, next) => next(new HttpError(404, `No API route ${req.method} ${req.baseUrl}${req.path}`)));
  router.use(apiErrors(services));
  return router;
}

/** Turns what the routes throw into JSON answers: 400 / 404 / 409 / 413 with a clear message, 500 logged. */
function apiErrors(services: Services): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const [status, message] = classify(error);
    if (status >= 500) services.logger.error({ err: error, path: req.path }, "api request failed");
    res.status(status).json({ error: message, ...(error instanceof ValidationError ? { issues: error.issues } : {}) });
  };
}

function classify(error: unknown): [number, string] {
  if (error instanceof ReportNotFound || error instanceof RegistrationNotFound || error instanceof HandoffNotFound) return [404, error.message];
  if (error instanceof HandoffNotOpen) return [409, error.message];
  if (error instanceof HttpError) return [error.status, error.message];
  const raw = error as { type?: string; status?: number; message?: string };
  // body-parser's errors: its messages quote the parser, ours say what to do.
  if (raw?.type === "entity.parse.failed") return [400, "Malformed JSON body"];
  if (raw?.type === "entity.too.large") return [413, "Body too large (100 kB at most)"];
  if (typeof raw?.status === "number" && raw.status >= 400 && raw.status < 500) return [raw.status, raw.message ?? "Bad request"];
  return [500, "Internal error"];
}
