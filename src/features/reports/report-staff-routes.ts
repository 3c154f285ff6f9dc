/**
 * The console's staff actions on a report besides its status: move it to another unit, assign it to a person,
 * keep an internal note (never shown to the reporter). Staff act on their unit's reports only; admins on all.
 */
import { Router, type Response } from "express";
import type { Report } from "../../domain/report.js";
import { HttpError } from "../../http/http-error.js";
import { canSeeReport } from "../../web/auth/access.js";
import { staffOf } from "../../web/auth/console-auth.js";
import { redirectWithFlash } from "../../web/flash.js";
import type { WebDeps } from "../../web/web-deps.js";
import { ReportService } from "./report-service.js";

/** POST /admin/reports/:code/transfer | assign | notes. */
export function reportStaffRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireStaff, checkCsrf } = deps.auth;
  const service = new ReportService(deps.services);
  const field = (body: unknown, name: string) => {
    const value = (body as Record<string, unknown>)[name];
    return typeof value === "string" ? value.trim() : "";
  };
  const reportFor = async (res: Response, code: string): Promise<Report> => {
    const report = await service.get(code);
    if (!report || !canSeeReport(staffOf(res), report)) throw new HttpError(404, "Không tìm thấy phản ánh này.");
    return report;
  };

  router.post("/admin/reports/:code/transfer", requireStaff, checkCsrf, async (req, res) => {
    const user = staffOf(res);
    const report = await reportFor(res, String(req.params.code));
    const unitId = field(req.body, "unit");
    const pack = deps.services.knowledge.content.packs.get(report.packId);
    const unit = pack?.contact(unitId);
    if (!unit || unitId === report.unitId) throw new HttpError(400, "Đơn vị không hợp lệ.");
    const moved = await service.transfer(report.code, unitId, user.username);
    // Staff of the old unit no longer see it: back to their list.
    const back = canSeeReport(user, moved) ? `/admin/reports/${moved.code}` : "/admin/reports";
    redirectWithFlash(res, back, `Đã chuyển ${moved.code} đến ${unit.names.vi} và báo đơn vị đó.`);
  });

  router.post("/admin/reports/:code/assign", requireStaff, checkCsrf, async (req, res) => {
    const user = staffOf(res);
    const report = await reportFor(res, String(req.params.code));
    const username = field(req.body, "assignee");
    if (username) {
      const assignee = await deps.users.get(username);
      if (!assignee || assignee.disabled || !canSeeReport(assignee, report)) throw new HttpError(400, "Người này không xử lý được phản ánh của đơn vị.");
    }
    await service.assign(report.code, username, user.username);
    redirectWithFlash(res, `/admin/reports/${report.code}`, username ? `Đã giao ${report.code} cho ${username}.` : `Đã bỏ giao ${report.code}.`);
  });

  router.post("/admin/reports/:code/notes", requireStaff, checkCsrf, async (req, res) => {
    const user = staffOf(res);
    const report = await reportFor(res, String(req.params.code));
    const text = field(req.body, "text");
    if (!text) throw new HttpError(400, "Ghi chú trống.");
    await service.addNote(report.code, text, user.username);
    redirectWithFlash(res, `/admin/reports/${report.code}`, "Đã lưu ghi chú nội bộ (người phản ánh không thấy).");
  });

  return router;
}
