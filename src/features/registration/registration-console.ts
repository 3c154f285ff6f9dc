/**
 * /admin/classes: registrations per class (registered, waiting list, cancelled), attendance marking for a session
 * date, and CSV export. Admins see every pack's classes; staff their own pack's.
 */
import { Router, type Response } from "express";
import { RegistrationService } from "./registration-service.js";
import { admit, NotWaiting } from "./admission.js";
import type { ClassEntry, ContentPack } from "../../content/index.js";
import type { Registration } from "../../domain/registration.js";
import { HttpError } from "../../http/http-error.js";
import { canSeePack, isAdmin } from "../../web/auth/access.js";
import { sessionOf, staffOf } from "../../web/auth/console-auth.js";
import { sendCsv } from "../../web/views/csv.js";
import { isIsoDay } from "../../web/views/dates.js";
import { formatDateTime, formatIsoDate } from "../../web/views/format.js";
import { html } from "../../web/views/html.js";
import { csrfField } from "../../web/layout.js";
import { sendPage } from "../../web/send-page.js";
import type { WebDeps } from "../../web/web-deps.js";
import { redirectWithFlash } from "../../web/flash.js";

const STATUS_NAMES: Record<Registration["status"], string> = { registered: "Đã đăng ký", waiting: "Danh sách chờ", cancelled: "Đã hủy" };
const CLASS_STATUS: Record<ClassEntry["status"], string> = { open: "Đang nhận đăng ký", full: "Đã đủ chỗ", not_scheduled: "Chưa có lịch" };

/** The class pages. */
export function classesRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireStaff, checkCsrf } = deps.auth;
  const service = new RegistrationService(deps.services);

  const classFor = (res: Response, packId: string, classId: string): { pack: ContentPack; entry: ClassEntry } => {
    const pack = deps.services.knowledge.content.packs.get(packId);
    const entry = pack?.class(classId);
    if (!pack || !entry || !canSeePack(staffOf(res), pack.id)) throw new HttpError(404, "Không tìm thấy lớp học này.");
    return { pack, entry };
  };

  router.get("/admin/classes", requireStaff, async (req, res) => {
    const user = staffOf(res);
    const packs = [...deps.services.knowledge.content.packs.values()].filter((p) => canSeePack(user, p.id) && p.classes.length > 0);
    const all = await service.list();
    const count = (packId: string, classId: string, status: Registration["status"]) => all.filter((r) => r.packId === packId && r.classId === classId && r.status === status).length;
    const body = html`<h1>Lớp học</h1>
      ${packs.map(
        (pack) => html`<h2>${pack.names.vi}</h2>
          <div class="table-wrap"><table>
            <thead><tr><th>Lớp</th><th>Trạng thái</th><th class="num">Đã đăng ký</th><th class="num">Chỗ</th><th class="num">Chờ</th><th>Buổi đầu</th></tr></thead>
            <tbody>${pack.classes.map(
              (c) => html`<tr><td><a href="/admin/classes/${pack.id}/${c.id}">${c.title.vi}</a></td><td>${CLASS_STATUS[c.status]}</td>
                <td class="num">${count(pack.id, c.id, "registered")}</td><td class="num">${c.capacity ?? "—"}</td><td class="num">${count(pack.id, c.id, "waiting")}</td>
                <td>${formatIsoDate(c.firstSession) || "—"}</td></tr>`,
            )}</tbody>
          </table></div>`,
      )}
      ${packs.length === 0 ? html`<p class="muted">Chưa có lớp học nào.</p>` : ""}
      ${isAdmin(user) ? html`<p class="muted small">Thêm lớp hoặc cập nhật lịch học ở mục <a href="/admin/content">Nội dung</a>.</p>` : ""}`;
    sendPage(req, res, { title: "Lớp học", active: "classes", body });
  });

  router.get("/admin/classes/:pack/:classId", requireStaff, async (req, res) => {
    const { pack, entry } = classFor(res, String(req.params.pack), String(req.params.classId));
    const registrations = await service.list({ packId: pack.id, classId: entry.id });
    const date = isIsoDay(req.query.date) ? req.query.date : (entry.firstSession && entry.firstSession <= deps.services.today() ? deps.services.today() : (entry.firstSession ?? deps.services.today()));
    const registered = registrations.filter((r) => r.status === "registered");
    const waiting = registrations.filter((r) => r.status === "waiting");
    const cancelled = registrations.filter((r) => r.status === "cancelled");
    const sessions = [...new Set(registrations.flatMap((r) => r.attendance))].sort();
    const person = (r: Registration) => html`${r.fullName}${r.child ? html`<br><span class="muted small">Cho con: ${r.child.name}, ${r.child.age} tuổi</span>` : ""}`;
    const body = html`<p><a href="/admin/classes">← Lớp học</a></p>
      <h1>${entry.title.vi}</h1>
      <p class="muted">${pack.names.vi} · ${CLASS_STATUS[entry.status]} · ${registered.length}/${entry.capacity ?? "?"} chỗ · ${waiting.length} người chờ${entry.schedule ? ` · ${entry.schedule.vi}` : ""}</p>
      <p class="actions"><a class="btn secondary" href="/admin/classes/${pack.id}/${entry.id}/csv">Tải CSV</a></p>
      <section class="card">
        <h2>Điểm danh</h2>
        <form method="get" action="/admin/classes/${pack.id}/${entry.id}" class="actions">
          <label for="date" class="inline">Buổi học ngày</label><input type="date" id="date" name="date" value="${date}"><button type="submit" class="btn secondary">Chọn</button>
        </form>
        <form method="post" action="/admin/classes/${pack.id}/${entry.id}/attendance">
          ${csrfField(sessionOf(res).csrf)}
          <input type="hidden" name="date" value="${date}">
          <div class="table-wrap"><table>
            <thead><tr><th>Có mặt ${formatIsoDate(date)}</th><th>Mã</th><th>Họ tên</th><th>Điện thoại</th><th class="num">Số buổi đã học</th><th>Ngày đăng ký</th></tr></thead>
            <tbody>${registered.map(
              (r) => html`<tr><td><input type="checkbox" name="present" value="${r.code}" aria-label="${r.fullName} có mặt"${r.attendance.includes(date) ? html` checked` : ""}></td>
                <td>${r.code}</td><td>${person(r)}</td><td><a href="tel:${r.phone}">${r.phone}</a></td><td class="num">${r.attendance.length}</td><td>${formatDateTime(r.createdAt)}</td></tr>`,
            )}</tbody>
          </table></div>
          ${registered.length ? html`<div class="actions"><button type="submit">Lưu điểm danh</button></div>` : html`<p class="muted">Chưa có ai đăng ký.</p>`}
        </form>
        ${sessions.length ? html`<p class="muted small">Các buổi đã điểm danh: ${sessions.map(formatIsoDate).join(", ")}</p>` : ""}
      </section>
      <section class="card">
        <h2>Danh sách chờ (${waiting.length})</h2>
        ${waiting.length
          ? html`<ol id="waiting-list">${waiting.map(
              (r) => html`<li>${r.code} · ${person(r)} · <a href="tel:${r.phone}">${r.phone}</a> · ${formatDateTime(r.createdAt)}
                <form method="post" action="/admin/classes/${pack.id}/${entry.id}/admit" class="inline">${csrfField(sessionOf(res).csrf)}<input type="hidden" name="code" value="${r.code}"><button type="submit" class="btn secondary">Xếp vào lớp</button></form></li>`,
            )}</ol>
            <p class="muted small">“Xếp vào lớp” gửi xác nhận cho người đăng ký theo loại tin kênh cho phép; tin chưa gửi được nằm ở mục Chưa gửi được.</p>`
          : html`<p class="muted">Không có.</p>`}
      </section>
      ${cancelled.length ? html`<section class="card"><h2>Đã hủy (${cancelled.length})</h2><ul>${cancelled.map((r) => html`<li>${r.code} · ${r.fullName}</li>`)}</ul></section>` : ""}`;
    sendPage(req, res, { title: entry.title.vi, active: "classes", body });
  });

  router.post("/admin/classes/:pack/:classId/attendance", requireStaff, checkCsrf, async (req, res) => {
    const { pack, entry } = classFor(res, String(req.params.pack), String(req.params.classId));
    const date = req.body?.date;
    if (!isIsoDay(date)) throw new HttpError(400, "Ngày buổi học không hợp lệ.");
    const present = new Set(([] as unknown[]).concat(req.body?.present ?? []).filter((v): v is string => typeof v === "string"));
    const registered = (await service.list({ packId: pack.id, classId: entry.id })).filter((r) => r.status === "registered");
    for (const r of registered) {
      if (present.has(r.code) !== r.attendance.includes(date)) await service.markAttendance(r.code, date, present.has(r.code));
    }
    redirectWithFlash(res, `/admin/classes/${pack.id}/${entry.id}?date=${date}`, `Đã lưu điểm danh ngày ${formatIsoDate(date)}: ${[...present].filter((c) => registered.some((r) => r.code === c)).length} người có mặt.`);
  });

  router.post("/admin/classes/:pack/:classId/admit", requireStaff, checkCsrf, async (req, res) => {
    const { pack, entry } = classFor(res, String(req.params.pack), String(req.params.classId));
    const code = typeof req.body?.code === "string" ? req.body.code : "";
    const registration = await service.get(code);
    if (!registration || registration.packId !== pack.id || registration.classId !== entry.id) throw new HttpError(404, "Không tìm thấy đăng ký này.");
    const result = await admit(deps.services, code, entry).catch((error: unknown) => {
      if (error instanceof NotWaiting) throw new HttpError(409, "Đăng ký này không còn trong danh sách chờ.");
      throw error;
    });
    const told = { sent: "đã gửi xác nhận cho người đăng ký", kept: "chưa gửi được xác nhận (xem mục Chưa gửi được)", failed: "không gửi được xác nhận — hãy gọi điện báo" }[result.delivery];
    redirectWithFlash(res, `/admin/classes/${pack.id}/${entry.id}`, `Đã xếp ${code} vào lớp; ${told}.`);
  });

  router.get("/admin/classes/:pack/:classId/csv", requireStaff, async (req, res) => {
    const { pack, entry } = classFor(res, String(req.params.pack), String(req.params.classId));
    const registrations = await service.list({ packId: pack.id, classId: entry.id });
    const sessions = [...new Set(registrations.flatMap((r) => r.attendance))].sort();
    const rows: unknown[][] = [["Mã", "Họ tên", "Điện thoại", "Tên con", "Tuổi con", "Trạng thái", "Ngày đăng ký", "Số buổi có mặt", ...sessions.map(formatIsoDate)]];
    for (const r of registrations) {
      rows.push([r.code, r.fullName, r.phone, r.child?.name ?? "", r.child?.age ?? "", STATUS_NAMES[r.status], formatDateTime(r.createdAt), r.attendance.length, ...sessions.map((d) => (r.attendance.includes(d) ? "x" : ""))]);
    }
    sendCsv(res, `${entry.id}-${deps.services.today()}.csv`, rows);
  });

  return router;
}
