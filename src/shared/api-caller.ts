/**
 * Who calls the staff API (set by src/api/auth.ts) and what a scoped API key may see: the reports and handoffs of its unit in its pack, the registrations of its pack.
 * The same rules as a staff account in the console (src/web/auth/access.ts). Out of scope reads as "not found",
 * so a key cannot tell another unit's codes from codes that do not exist.
 *
 * @example if (!seesUnit(callerOf(res), report)) throw new HttpError(404, `No report ${code}`);
 */
import type { Response } from "express";
import { HttpError } from "../http/http-error.js";

/** Who is calling: a console key (with its scope) or the deployment-wide token. */
export interface ApiCaller {
  /** For the history of status changes: "api:<key name>". */
  name: string;
  keyId?: string;
  /** Unset: every unit. */
  scope?: { packId: string; unitId: string };
}

/** The caller of a request that passed the API's authentication. */
export function callerOf(res: Response): ApiCaller {
  return (res.locals.caller as ApiCaller | undefined) ?? { name: "console" };
}

/** A report or handoff: a unit of a pack (a handoff with no unit belongs to the pack's office, `officeUnitId`). */
export function seesUnit(caller: ApiCaller, item: { packId: string; unitId?: string }, officeUnitId?: string): boolean {
  if (!caller.scope) return true;
  return item.packId === caller.scope.packId && (item.unitId ?? officeUnitId) === caller.scope.unitId;
}

/** A registration (classes belong to a pack). */
export function seesPack(caller: ApiCaller, item: { packId: string }): boolean {
  return !caller.scope || item.packId === caller.scope.packId;
}

/** Routes for keys of every unit only (dead letters name people of every unit). */
export function requireAllUnits(caller: ApiCaller): void {
  if (caller.scope) throw new HttpError(403, "This API key is scoped to one unit; this route needs a key for every unit");
}
