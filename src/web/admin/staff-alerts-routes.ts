/**
 * /admin/alerts ("Cảnh báo cán bộ"): the staff alerts (new report, registration, handoff, undeliverable reply) and how
 * each reached staff — the platform message, the signed webhook or e-mail (src/staff/staff-alerts.ts). Those that
 * reached no one come first, with what each rung said and when the next try is, and a button to try again now. The
 * inbox shows a banner linking here while any alert reached no one. Staff see their pack's.
 */
import { Router } from "express";
import { uriComponent } from "../../http/uri-component.js";
import type { AlertRungName, StaffAlert } from "../../staff/staff-alert.js";
import { alertLabel } from "../../staff/staff-alert.js";
import { canSeePack } from "../auth/access.js";
import { sessionOf, staffOf } from "../auth/console-auth.js";
import type { StaffUserView } from "../auth/staff-users.js";
import { redirectWithFlash } from "../flash.js";
import { csrfField } from "../layout.js";
import { sendPage } from "../send-page.js";
import { formatDateTime } from "../views/format.js";
import { html, type Html } from "../views/html.js";
import type { WebDeps } from "../web-deps.js";
import { HttpError } from "../../http/http-error.js";

const RUNG: Record<AlertRungName, string> = { message: "Tin nhắn", webhook: "Webhook", email: "E-mail" };
const STATUS: Record<StaffAlert["status"], string> = { reached: "Đã đến cán bộ", retrying: "Chưa đến được ai · đang thử lại", unreached: "Chưa đến được ai" };

/** Alerts the user may see that reached no one (yet). */
export async function unreachedAlerts(deps: WebDeps, user: StaffUserView): Promise<StaffAlert[]> {
  return (await deps.services.staffAlerts.list()).filter((alert) => alert.status !== "reached" && canSeePack(user, alert.event.packId));
}

/** The inbox's banner while some alert reached no one; empty otherwise. */
export async function unreachedBanner(deps: WebDeps, user: StaffUserView): Promise<Html | string> {
  const count = (await unreachedAlerts(deps, user)).length;
  return count ? html`<p class="flash error" id="alerts-banner"><a href="/admin/alerts">${String(count)} cảnh báo chưa đến được cán bộ nào (tin nhắn, webhook, e-mail đều không được) — xem và gửi lại</a></p>` : "";
}

function rungs(alert: StaffAlert): Html {
  return html`<ul class="small">${alert.results.map(
    (result) => html`<li><b>${RUNG[result.rung]}</b>: ${result.reached ? `đến ${result.reached}` : result.skipped ? `không thử (${result.skipped})` : "không đến"}${result.failures.length ? ` — ${result.failures.join("; ")}` : ""}</li>`,
  )}</ul>`;
}

/** The alerts page and its retry button. */
export function staffAlertsRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireStaff, checkCsrf } = deps.auth;

  router.get("/admin/alerts", requireStaff, async (req, res) => {
    const user = staffOf(res);
    const all = (await deps.services.staffAlerts.list()).filter((alert) => canSeePack(user, alert.event.packId));
    const unreached = all.filter((alert) => alert.status !== "reached");
    const reached = all.filter((alert) => alert.status === "reached").slice(0, 100);
    const csrf = sessionOf(res).csrf;
    const body = html`<h1>Cảnh báo cán bộ</h1>
      <p class="muted small">Mỗi phản ánh, đăng ký, yêu cầu gặp cán bộ được báo cho cán bộ lần lượt qua: tin nhắn trên kênh, webhook, rồi e-mail nếu hai cách trên không đến được ai. Cảnh báo chưa đến được ai được thử lại (giãn dần, trong một ngày).</p>
      <h2>Chưa đến được ai (${String(unreached.length)})</h2>
      ${unreached.length
        ? html`<div class="table-wrap"><table class="cards" id="alerts-unreached"><thead><tr><th>Lúc</th><th>Loại</th><th>Về việc</th><th>Đã thử</th><th>Tình trạng</th><th></th></tr></thead>
          <tbody>${unreached.map(
            (alert) => html`<tr data-id="${alert.id}"><td data-label="Lúc">${formatDateTime(alert.createdAt)}</td><td data-label="Loại">${alertLabel(alert.event.type)}</td>
              <td data-label="Về việc"><a href="${alert.event.consolePath}">${alert.event.ref}</a><br><span class="small">${alert.event.summary}</span></td>
              <td data-label="Đã thử">${String(alert.attempts)} lần${rungs(alert)}</td>
              <td data-label="Tình trạng">${STATUS[alert.status]}${alert.status === "retrying" && alert.nextAttemptAt ? html`<br><span class="small">thử lại lúc ${formatDateTime(alert.nextAttemptAt)}</span>` : ""}</td>
              <td><form method="post" action="/admin/alerts/${uriComponent(alert.id)}/retry">${csrfField(csrf)}<button type="submit" class="btn secondary">Gửi lại ngay</button></form></td></tr>`,
          )}</tbody></table></div>`
        : html`<p class="muted">Không có: mọi cảnh báo đều đã đến cán bộ.</p>`}
      <h2>Đã đến cán bộ (gần đây)</h2>
      ${reached.length
        ? html`<div class="table-wrap"><table class="cards" id="alerts-reached"><thead><tr><th>Lúc</th><th>Loại</th><th>Về việc</th><th>Qua</th></tr></thead>
          <tbody>${reached.map(
            (alert) => html`<tr data-id="${alert.id}"><td data-label="Lúc">${formatDateTime(alert.createdAt)}</td><td data-label="Loại">${alertLabel(alert.event.type)}</td><td data-label="Về việc"><a href="${alert.event.consolePath}">${alert.event.ref}</a></td><td data-label="Qua">${alert.reachedBy ? RUNG[alert.reachedBy] : ""}</td></tr>`,
          )}</tbody></table></div>`
        : html`<p class="muted">Chưa có.</p>`}`;
    sendPage(req, res, { title: "Cảnh báo cán bộ", body });
  });

  router.post("/admin/alerts/:id/retry", requireStaff, checkCsrf, async (req, res) => {
    const alert = await deps.services.staffAlerts.get(String(req.params.id));
    if (!alert || !canSeePack(staffOf(res), alert.event.packId)) throw new HttpError(404, "Không tìm thấy cảnh báo này.");
    const after = await deps.services.staffAlerts.retryNow(alert.id);
    if (after?.status === "reached") redirectWithFlash(res, "/admin/alerts", `Đã gửi được (qua ${RUNG[after.reachedBy!]}).`);
    else redirectWithFlash(res, "/admin/alerts", "Vẫn chưa đến được ai; xem lý do bên dưới.", "error");
  });

  return router;
}
