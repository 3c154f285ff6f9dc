/**
 * /admin/reports: the violation reports a user may see (admins all; staff their unit's in their pack), filtered
 * and sorted (report-query.ts); the detail with evidence, place on a map, possible duplicates and the status form (the reporter is
 * told through their channel by ReportService); CSV export of the filtered list.
 */
import { Router, type Response } from "express";
import type { ContentPack } from "../../content/index.js";
import { REPORT_STATUSES, REPORT_STATUS_NAMES, type Report, type ReportStatus } from "../../domain/report.js";
import { HttpError } from "../../http/http-error.js";
import { ReportService } from "./report-service.js";
import { canSeeReport, isAdmin } from "../../web/auth/access.js";
import { sessionOf, staffOf } from "../../web/auth/console-auth.js";
import type { StaffUserView } from "../../web/auth/staff-users.js";
import { sendCsv } from "../../web/views/csv.js";
import { formatDateTime, maskPhone } from "../../web/views/format.js";
import { html, type Html } from "../../web/views/html.js";
import { csrfField } from "../../web/layout.js";
import { sendPage } from "../../web/send-page.js";
import type { WebDeps } from "../../web/web-deps.js";
import { redirectWithFlash } from "../../web/flash.js";
import { evidenceView } from "./evidence-console.js";
import { deadlineRules, deadlineState } from "./deadline.js";
import { additionsView, dueView, historyView, lifecycleView, staffActionsView } from "./lifecycle-console.js";
import { templatesFor } from "./reply-templates.js";
import { reportQuery, visibleReports, type ReportQuery, type Sort } from "./report-query.js";

/** A status as a badge. */
export function statusBadge(status: ReportStatus): Html {
  return html`<span class="badge ${status}">${REPORT_STATUS_NAMES[status].vi}</span>`;
}

/** The report pages. */
export function reportsRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireStaff, checkCsrf } = deps.auth;
  const service = new ReportService(deps.services);
  const rules = deadlineRules(deps.services.config);
  const clock = () => ({ now: deps.services.now(), rules });
  const packOf = (id: string): ContentPack | undefined => deps.services.knowledge.content.packs.get(id);
  const names = (r: Report) => {
    const pack = packOf(r.packId);
    return {
      category: pack?.category(r.categoryId)?.names.vi ?? r.categoryId,
      unit: pack?.contact(r.unitId)?.names.vi ?? r.unitId,
      pack: pack?.names.vi ?? r.packId,
    };
  };
  /** Possible duplicates the user may see (another unit's report is not even named). */
  const duplicatesFor = async (user: StaffUserView) => {
    const seen = isAdmin(user) ? undefined : new Set((await service.list({ packId: user.packId, unitId: user.unitId })).map((r) => r.code));
    return (r: Report) => r.possibleDuplicates.filter((code) => !seen || seen.has(code));
  };
  /** Who a report can be given to: active accounts of its unit, and admins. */
  const assignable = async (r: Report) =>
    (await deps.users.list()).filter((u) => !u.disabled && canSeeReport(u, r)).map(({ passwordHash: _hash, ...view }) => view);
  const visiblePacks = (user: StaffUserView) => [...deps.services.knowledge.content.packs.values()].filter((p) => isAdmin(user) || p.id === user.packId);

  const filterForm = (user: StaffUserView, q: ReportQuery): Html => {
    const packs = visiblePacks(user);
    const categories = new Map<string, string>();
    const units = new Map<string, string>();
    for (const pack of packs) {
      for (const c of pack.reportCategories) if (!categories.has(c.id)) categories.set(c.id, c.names.vi);
      for (const c of pack.reportCategories) if (!units.has(c.unit)) units.set(c.unit, pack.contact(c.unit)?.names.vi ?? c.unit);
    }
    const option = (value: string, label: string, selected: string | undefined) => html`<option value="${value}"${value === selected ? html` selected` : ""}>${label}</option>`;
    return html`<form method="get" action="/admin/reports" class="card filters" aria-label="Lọc phản ánh">
      <div><label for="status">Trạng thái</label><select id="status" name="status"><option value="">Tất cả</option>${REPORT_STATUSES.map((s) => option(s, REPORT_STATUS_NAMES[s].vi, q.status))}</select></div>
      <div><label for="category">Loại vi phạm</label><select id="category" name="category"><option value="">Tất cả</option>${[...categories].map(([id, name]) => option(id, name, q.category))}</select></div>
      ${
        isAdmin(user)
          ? html`<div><label for="unit">Đơn vị</label><select id="unit" name="unit"><option value="">Tất cả</option>${[...units].map(([id, name]) => option(id, name, q.unit))}</select></div>
            <div><label for="pack">Địa phương</label><select id="pack" name="pack"><option value="">Tất cả</option>${packs.map((p) => option(p.id, p.names.vi, q.pack))}</select></div>`
          : ""
      }
      <div><label for="due">Hạn xử lý</label><select id="due" name="due"><option value="">Tất cả</option>${option("overdue", "Quá hạn", q.due)}${option("due_soon", "Sắp đến hạn hoặc quá hạn", q.due)}${option("open", "Chưa xử lý xong", q.due)}</select></div>
      <div><label for="assignee">Người phụ trách</label><select id="assignee" name="assignee"><option value="">Tất cả</option>${option("me", "Giao cho tôi", q.assignee)}${option("none", "Chưa giao", q.assignee)}</select></div>
      <div><label for="from">Từ ngày</label><input type="date" id="from" name="from" value="${q.from ?? ""}"></div>
      <div><label for="to">Đến ngày</label><input type="date" id="to" name="to" value="${q.to ?? ""}"></div>
      <div><label for="sort">Sắp xếp</label><select id="sort" name="sort">${([["createdAt", "Ngày gửi"], ["dueAt", "Hạn xử lý"], ["code", "Mã"], ["status", "Trạng thái"], ["category", "Loại"], ["unit", "Đơn vị"], ["pack", "Địa phương"]] as const).map(([v, l]) => option(v, l, q.sort))}</select></div>
      <div><label for="dir">Thứ tự</label><select id="dir" name="dir">${option("desc", "Mới / lớn trước", q.dir)}${option("asc", "Cũ / nhỏ trước", q.dir)}</select></div>
      <div class="actions"><button type="submit">Lọc</button><a class="btn secondary" href="/admin/reports">Bỏ lọc</a></div>
    </form>`;
  };

  const queryString = (q: ReportQuery, overrides: Partial<ReportQuery> = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...q, ...overrides })) if (v) params.set(k, String(v));
    return params.toString();
  };

  router.get("/admin/reports", requireStaff, async (req, res) => {
    const user = staffOf(res);
    const q = reportQuery(req.query);
    const reports = await visibleReports(service, user, q, names, clock());
    const now = deps.services.now();
    const duplicates = await duplicatesFor(user);
    const sortLink = (sort: Sort, label: string) => {
      const dir = q.sort === sort && q.dir === "desc" ? "asc" : "desc";
      const mark = q.sort === sort ? (q.dir === "desc" ? " ↓" : " ↑") : "";
      return html`<th${q.sort === sort ? html` aria-sort="${q.dir === "desc" ? "descending" : "ascending"}"` : ""}><a href="/admin/reports?${queryString(q, { sort, dir })}">${label}${mark}</a></th>`;
    };
    const body = html`<h1>Phản ánh${isAdmin(user) ? "" : html` <span class="muted small">của ${names({ packId: user.packId!, unitId: user.unitId!, categoryId: "" } as Report).unit}</span>`}</h1>
      ${filterForm(user, q)}
      <p class="actions"><span>${reports.length} phản ánh</span><a class="btn secondary" href="/admin/reports.csv?${queryString(q)}">Tải CSV</a></p>
      <div class="table-wrap"><table class="cards" data-testid="reports">
        <thead><tr>${sortLink("code", "Mã")}${sortLink("createdAt", "Ngày gửi")}${sortLink("category", "Loại")}${sortLink("status", "Trạng thái")}${sortLink("dueAt", "Hạn xử lý")}${sortLink("unit", "Đơn vị")}${isAdmin(user) ? sortLink("pack", "Địa phương") : ""}<th>Địa điểm</th></tr></thead>
        <tbody>${reports.map((r) => {
          const n = names(r);
          return html`<tr>
            <td data-label="Mã"><a href="/admin/reports/${r.code}">${r.code}</a>${duplicates(r).length ? html` <span class="badge" title="Có thể trùng">≈${duplicates(r).length}</span>` : ""}</td>
            <td data-label="Ngày gửi">${formatDateTime(r.createdAt)}</td><td data-label="Loại">${n.category}</td><td data-label="Trạng thái">${statusBadge(r.status)}</td><td data-label="Hạn xử lý">${dueView(r, now, rules)}</td><td data-label="Đơn vị">${n.unit}${r.assignee ? html`<br><span class="muted small">${r.assignee}</span>` : ""}</td>${isAdmin(user) ? html`<td data-label="Địa phương">${n.pack}</td>` : ""}
            <td data-label="Địa điểm">${r.place?.text ?? (r.place?.location ? "Vị trí đã chia sẻ" : "")}</td></tr>`;
        })}</tbody>
      </table></div>
      ${reports.length === 0 ? html`<p class="muted">Không có phản ánh nào khớp bộ lọc.</p>` : ""}`;
    sendPage(req, res, { title: "Phản ánh", active: "reports", body });
  });

  router.get("/admin/reports.csv", requireStaff, async (req, res) => {
    const user = staffOf(res);
    const reports = await visibleReports(service, user, reportQuery(req.query), names, clock());
    const duplicates = await duplicatesFor(user);
    const rows: unknown[][] = [["Mã", "Ngày gửi", "Địa phương", "Loại vi phạm", "Đơn vị", "Trạng thái", "Mô tả", "Địa điểm", "Vĩ độ", "Kinh độ", "Thời điểm xảy ra", "Số bằng chứng", "Người phản ánh", "Điện thoại", "Kênh", "Có thể trùng", "Cập nhật lần cuối", "Ưu tiên", "Hạn xử lý", "Quá hạn", "Người phụ trách", "Đánh giá"]];
    for (const r of reports) {
      const n = names(r);
      rows.push([
        r.code, formatDateTime(r.createdAt), n.pack, n.category, n.unit, REPORT_STATUS_NAMES[r.status].vi, r.description, r.place?.text ?? "",
        r.place?.location?.latitude ?? "", r.place?.location?.longitude ?? "", r.happened?.text ?? "", r.evidence.length,
        r.contact.anonymous ? "Ẩn danh" : r.contact.name, r.contact.anonymous ? "" : maskPhone(r.contact.phone), r.reporter.channel,
        duplicates(r).join(" "), formatDateTime(r.updatedAt),
        r.priority === "urgent" ? "Khẩn" : "Thường", r.dueAt !== undefined ? formatDateTime(r.dueAt) : "", deadlineState(r, deps.services.now(), rules) === "overdue" ? "Có" : "",
        r.assignee ?? "", r.rating ? r.rating.score : "",
      ]);
    }
    sendCsv(res, `phan-anh-${deps.services.today()}.csv`, rows);
  });

  const reportFor = async (res: Response, code: string): Promise<Report> => {
    const report = await service.get(code);
    // Someone else's report reads as missing: staff learn nothing about other units' reports.
    if (!report || !canSeeReport(staffOf(res), report)) throw new HttpError(404, "Không tìm thấy phản ánh này.");
    return report;
  };

  router.get("/admin/reports/:code", requireStaff, async (req, res) => {
    const user = staffOf(res);
    const r = await reportFor(res, String(req.params.code));
    const n = names(r);
    const duplicates = (await Promise.all(r.possibleDuplicates.map((code) => service.get(code)))).filter((d): d is Report => !!d && canSeeReport(user, d));
    const location = r.place?.location;
    const body = html`<p><a href="/admin/reports">← Phản ánh</a></p>
      <h1>${r.code} ${statusBadge(r.status)}</h1>
      <div class="grid cols-2">
        <section class="card">
          <h2>Nội dung</h2>
          <dl class="kv">
            <dt>Loại vi phạm</dt><dd>${n.category}</dd>
            <dt>Đơn vị xử lý</dt><dd>${n.unit}</dd>
            <dt>Địa phương</dt><dd>${n.pack}</dd>
            <dt>Mô tả</dt><dd class="pre">${r.description}</dd>
            <dt>Địa điểm</dt><dd>${r.place?.text ?? ""}${location ? html`${r.place?.text ? html`<br>` : ""}${location.title ?? ""} (${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)})
              <br><a href="https://www.openstreetmap.org/?mlat=${location.latitude}&amp;mlon=${location.longitude}#map=18/${location.latitude}/${location.longitude}" target="_blank" rel="noopener noreferrer">Xem trên bản đồ</a>` : ""}${!r.place ? html`<span class="muted">Không có</span>` : ""}</dd>
            <dt>Thời điểm xảy ra</dt><dd>${r.happened ? `${r.happened.text}${r.happened.date ? ` (${r.happened.date})` : ""}` : html`<span class="muted">Không rõ</span>`}</dd>
            <dt>Ngày gửi</dt><dd>${formatDateTime(r.createdAt)}</dd>
            <dt>Người phản ánh</dt><dd>${r.contact.anonymous ? html`Ẩn danh <span class="muted small">(không gọi lại được)</span>` : html`${r.contact.name} · <a href="tel:${r.contact.phone}">${r.contact.phone}</a>`}</dd>
            <dt>Kênh</dt><dd>${r.reporter.channel}</dd>
            ${lifecycleView(r, deps.services.now(), rules)}
          </dl>
          ${additionsView(r)}
          ${evidenceView(r)}
        </section>
        <section>
          <div class="card">
            <h2>Cập nhật trạng thái</h2>
            <form method="post" action="/admin/reports/${r.code}/status">
              ${csrfField(sessionOf(res).csrf)}
              <label for="status">Trạng thái mới</label>
              <select id="status" name="status">${REPORT_STATUSES.map((s) => html`<option value="${s}"${s === r.status ? html` selected` : ""}>${REPORT_STATUS_NAMES[s].vi}</option>`)}</select>
              <label for="template">Mẫu trả lời</label>
              <select id="template" name="template" data-fills="note">
                <option value="">— Không dùng mẫu —</option>
                ${REPORT_STATUSES.map((s) => html`<optgroup label="${REPORT_STATUS_NAMES[s].vi}">${templatesFor(s, r.code).map((t, i) => html`<option value="${s}:${i}" data-status="${s}" data-text="${t.text}">${t.title}</option>`)}</optgroup>`)}
              </select>
              <label for="note">Ghi chú gửi người phản ánh</label>
              <textarea id="note" name="note" maxlength="1000" placeholder="Ví dụ: Đã chuyển Công an phường kiểm tra."></textarea>
              <p class="muted small">Người phản ánh được báo qua kênh họ đã dùng (trong thời hạn kênh cho phép; nếu quá hạn, tin được giữ và gửi khi họ nhắn lại).</p>
              <div class="actions"><button type="submit">Cập nhật và báo người phản ánh</button></div>
            </form>
          </div>
          <div class="card">
            <h2>Có thể trùng</h2>
            ${duplicates.length ? html`<ul>${duplicates.map((d) => html`<li><a href="/admin/reports/${d.code}">${d.code}</a> ${statusBadge(d.status)} <span class="muted small">${formatDateTime(d.createdAt)} · ${d.description.slice(0, 80)}</span></li>`)}</ul>` : html`<p class="muted">Không thấy phản ánh giống.</p>`}
          </div>
          ${staffActionsView(r, packOf(r.packId), await assignable(r), sessionOf(res).csrf)}
          <div class="card">
            <h2>Lịch sử</h2>
            ${historyView(r, (id) => packOf(r.packId)?.contact(id)?.names.vi ?? id)}
          </div>
        </section>
      </div>`;
    sendPage(req, res, { title: r.code, active: "reports", body });
  });

  router.post("/admin/reports/:code/status", requireStaff, checkCsrf, async (req, res) => {
    const user = staffOf(res);
    const report = await reportFor(res, String(req.params.code));
    const body = req.body as Record<string, unknown>;
    const status = body.status;
    if (typeof status !== "string" || !(REPORT_STATUSES as readonly string[]).includes(status)) throw new HttpError(400, "Trạng thái không hợp lệ.");
    // A template chosen without the script (which copies it into the note to edit) is used as it is.
    const template = typeof body.template === "string" ? /^([a-z_]+):(\d+)$/.exec(body.template) : null;
    const fromTemplate = template ? templatesFor(template[1] as ReportStatus, report.code)[Number(template[2])]?.text : undefined;
    const note = typeof body.note === "string" && body.note.trim() ? body.note.trim().slice(0, 1000) : (fromTemplate ?? "");
    if (status === report.status && !note) throw new HttpError(400, "Trạng thái không đổi: hãy ghi chú điều muốn báo người phản ánh.");
    await service.changeStatus(report.code, status as ReportStatus, note || undefined, user.username);
    redirectWithFlash(res, `/admin/reports/${report.code}`, `Đã cập nhật “${REPORT_STATUS_NAMES[status as ReportStatus].vi}” và báo người phản ánh.`);
  });

  return router;
}
