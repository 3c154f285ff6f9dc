import type { Request, RequestHandler } from "express";
import type { Services } from "../shared/services.js";
import type { Report } from "../domain/report.js";
import { HttpError } from "../http/http-error.js";
import { sameSecret } from "./auth.js";
import { sendEvidence } from "../media/send-evidence.js";
import { canSeeReport } from "../web/auth/access.js";
import { readCookie } from "../web/auth/cookies.js";
import { SESSION_COOKIE, Sessions } from "../web/auth/sessions.js";
import { StaffUsers, viewOf, type StaffUserView } from "../web/auth/staff-users.js";

/**
 * GET /api/reports/:code/evidence/:n (n from 1): the kept copy of a report's photo or file. Stricter than the rest
 * of the API: a signed-in console user (session cookie) sees only their unit's reports (admins all); a bearer token
 * (STAFF_API_TOKEN, ADMIN_PASSWORD) is a system integration and sees all, like an admin. Anyone else: 401; another
 * unit's report: 404, as if it did not exist.
 */
export function evidenceApiRoute(services: Services): RequestHandler {
  const users = new StaffUsers(services.store);
  const sessions = new Sessions(services.store, services.now);
  const tokens = [services.config.STAFF_API_TOKEN, services.config.ADMIN_PASSWORD].filter((token): token is string => !!token);

  const signedIn = async (req: Request): Promise<StaffUserView | "system" | undefined> => {
    const bearer = /^Bearer\s+(.+)$/i.exec((req.header("authorization") ?? "").trim())?.[1];
    if (bearer) return tokens.reduce((ok, token) => sameSecret(bearer, token) || ok, false) ? "system" : undefined;
    const session = await sessions.find(readCookie(req, SESSION_COOKIE));
    const user = session ? await users.get(session.username) : undefined;
    return user && !user.disabled ? viewOf(user) : undefined;
  };

  return async (req, res) => {
    const who = await signedIn(req);
    if (!who) {
      res.setHeader("www-authenticate", 'Bearer realm="staff-api"');
      throw new HttpError(401, "Sign in to the console or send Authorization: Bearer <token>");
    }
    const code = String(req.params.code);
    const report = await services.store.collection<Report>("reports").get(code);
    if (!report || (who !== "system" && !canSeeReport(who, report))) throw new HttpError(404, `No report ${code}`);
    const index = Number(req.params.n) - 1;
    if (!Number.isInteger(index) || index < 0) throw new HttpError(404, `No evidence ${String(req.params.n)} on ${code}`);
    await sendEvidence(res, services.evidence, code, index, report.evidence[index]);
  };
}

