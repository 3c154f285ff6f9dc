import type { RequestHandler, Response } from "express";
import type { Report } from "../domain/report.js";
import { HttpError } from "../http/http-error.js";
import { sendEvidence } from "../media/send-evidence.js";
import { callerOf, seesUnit } from "../shared/api-caller.js";
import type { Services } from "../shared/services.js";
import { canSeeReport } from "../web/auth/access.js";
import { readCookie } from "../web/auth/cookies.js";
import { SESSION_COOKIE, Sessions } from "../web/auth/sessions.js";
import { StaffUsers, viewOf } from "../web/auth/staff-users.js";

/**
 * GET /api/reports/:code/evidence/:n (n from 1): the kept copy of a report's photo or file, only for the report's
 * unit. A signed-in console user (session cookie) sees their unit's reports (admins all); an API key scoped to a unit
 * sees that unit's, an unscoped key or STAFF_API_TOKEN all. Anyone else: 401; another unit's report: 404, as if it
 * did not exist.
 */

async function serve(services: Services, res: Response, code: string, n: string, allowed: (report: Report) => boolean): Promise<void> {
  const report = await services.store.collection<Report>("reports").get(code);
  if (!report || !allowed(report)) throw new HttpError(404, `No report ${code}`);
  const index = Number(n) - 1;
  if (!Number.isInteger(index) || index < 0) throw new HttpError(404, `No evidence ${n} on ${code}`);
  await sendEvidence(res, services.evidence, code, index, report.evidence[index]);
}

/** Before the API's key check: serves a signed-in console user (by unit); without a session, passes on to the key check. */
export function evidenceForConsoleUser(services: Services): RequestHandler {
  const users = new StaffUsers(services.store);
  const sessions = new Sessions(services.store, services.now);
  return async (req, res, next) => {
    if (req.header("authorization")) return next();
    const session = await sessions.find(readCookie(req, SESSION_COOKIE));
    const stored = session ? await users.get(session.username) : undefined;
    if (!stored || stored.disabled) return next();
    const user = viewOf(stored);
    await serve(services, res, String(req.params.code), String(req.params.n), (report) => canSeeReport(user, report));
  };
}

/** After the API's key check: serves a key or the deployment token, within the key's unit. */
export function evidenceForApiCaller(services: Services): RequestHandler {
  return async (req, res) => {
    const caller = callerOf(res);
    await serve(services, res, String(req.params.code), String(req.params.n), (report) => seesUnit(caller, report));
  };
}
