/**
 * The console's access rules in one place, so pages, exports and tests ask the same questions.
 * admin: everything. staff: the reports and handoffs of their unit in their pack, and their pack's classes.
 *
 * @example if (!canSeeReport(user, report)) throw new HttpError(404, "Không tìm thấy phản ánh");
 */
import type { Handoff } from "../../domain/handoff.js";
import type { Report } from "../../domain/report.js";
import type { StaffUserView } from "./staff-users.js";

/** True for admins. */
export function isAdmin(user: StaffUserView): boolean {
  return user.role === "admin";
}

/** Whether a user may see (and act on) a report: admins all; staff only their unit's in their pack. */
export function canSeeReport(user: StaffUserView, report: Pick<Report, "packId" | "unitId">): boolean {
  return isAdmin(user) || (report.packId === user.packId && report.unitId === user.unitId);
}

/**
 * Whether a user may see a handoff. A handoff with no unit goes to the pack's office (the contact that answers for
 * the bot), so `officeUnitId` is the pack's office id.
 */
export function canSeeHandoff(user: StaffUserView, handoff: Pick<Handoff, "packId" | "unitId">, officeUnitId: string): boolean {
  return isAdmin(user) || (handoff.packId === user.packId && (handoff.unitId ?? officeUnitId) === user.unitId);
}

/** Whether a user may see the classes (registrations, attendance) of a pack. */
export function canSeePack(user: StaffUserView, packId: string): boolean {
  return isAdmin(user) || user.packId === packId;
}
