/**
 * /admin/kept ("Chưa gửi được"): what the bot wanted to write first but could not — reminders, class openings and
 * announcement copies outside the channels' windows (waiting for the person's next message, then delivered, or expired
 * when it came too late), reminders dropped because they could no longer arrive before their event — each with the
 * reason; and the status updates and staff replies waiting in the outbox for the person to write. Staff see their pack's.
 */
import { Router } from "express";
import type { KeptMessage } from "../../reach/index.js";
import { canSeePack } from "../auth/access.js";
import { staffOf } from "../auth/console-auth.js";
import { sendPage } from "../send-page.js";
import { formatDateTime, formatNumber } from "../views/format.js";
import { html } from "../views/html.js";
import type { WebDeps } from "../web-deps.js";

const STATUS: Record<KeptMessage["status"], string> = {
  waiting: "Chờ người dân nhắn lại",
  delivered: "Đã gửi khi người dân nhắn lại",
  expired: "Hết hạn (người dân nhắn lại quá muộn)",
  dropped: "Bỏ (không kịp gửi trước giờ)",
};
const REASON: Record<KeptMessage["reason"], string> = {
  window_closed: "Quá thời hạn nhắn tin miễn phí của kênh, chưa có loại tin nào khác được phép cho việc này (mẫu tin, thẻ tin)",
  never_wrote: "Người này chưa từng nhắn cho OA / trang",
  channel_off: "Kênh chưa được cấu hình",
  refused: "Kênh từ chối (người nhận chưa quan tâm OA hoặc quá hạn tương tác, OA/trang chưa được cấp quyền loại tin này, số điện thoại không nhận được tin)",
  too_late: "Đã quá giờ của sự kiện",
};
const SOURCE: Record<KeptMessage["source"]["kind"], string> = {
  "class-reminder": "Nhắc lịch lớp",
  "festival-reminder": "Nhắc lễ hội",
  announcement: "Thông báo",
  "class-opening": "Lớp mới",
  registration: "Xác nhận chỗ học",
};

interface PendingMessage {
  id: string;
  person: { channel: string; accountId: string; userId: string };
  reply: { text: string };
  purpose: string;
  keptAt: number;
  reason?: KeptMessage["reason"];
}

/** The "Chưa gửi được" page. */
export function keptRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get("/admin/kept", deps.auth.requireStaff, async (req, res) => {
    const user = staffOf(res);
    const packOf = (accountId: string) => deps.services.knowledge.packFor(accountId).id;
    const all = (await deps.services.reach.kept.list()).filter((m) => canSeePack(user, packOf(m.person.accountId)));
    const status = typeof req.query.status === "string" && req.query.status in STATUS ? (req.query.status as KeptMessage["status"]) : undefined;
    const shown = (status ? all.filter((m) => m.status === status) : all).slice(0, 300);
    const counts = Object.fromEntries(Object.keys(STATUS).map((s) => [s, all.filter((m) => m.status === s).length]));
    const pending = (await deps.services.store.collection<PendingMessage>("pending").find())
      .filter((p) => canSeePack(user, packOf(p.person.accountId)))
      .sort((a, b) => b.keptAt - a.keptAt)
      .slice(0, 100);
    const body = html`<h1>Chưa gửi được</h1>
      <p class="muted small">Tin bot muốn gửi trước (nhắc lịch, lớp mới, thông báo) nhưng kênh chưa cho phép. Tin chờ được gửi khi người dân nhắn lại, nếu vẫn còn hợp lệ.</p>
      <p class="actions" id="kept-counts">${Object.entries(STATUS).map(([key, label]) => html`<a class="btn secondary" href="/admin/kept?status=${key}" data-status="${key}">${label}: ${formatNumber(counts[key] ?? 0)}</a> `)}</p>
      ${shown.length
        ? html`<div class="table-wrap"><table class="cards" id="kept-list"><thead><tr><th>Lúc</th><th>Loại</th><th>Về việc</th><th>Kênh</th><th>Người nhận</th><th>Lý do</th><th>Trạng thái</th><th>Nội dung</th></tr></thead>
          <tbody>${shown.map((m) => html`<tr data-status="${m.status}"><td data-label="Lúc">${formatDateTime(m.keptAt)}</td><td data-label="Loại">${SOURCE[m.source.kind]}</td><td data-label="Về việc">${m.source.label}</td>
            <td data-label="Kênh">${m.person.channel}</td><td data-label="Người nhận">${m.person.userId}</td><td data-label="Lý do">${REASON[m.reason]}${m.detail ? html` <span class="muted small">(${m.detail})</span>` : ""}</td><td data-label="Trạng thái">${STATUS[m.status]}</td><td data-label="Nội dung">${m.reply.text.slice(0, 160)}</td></tr>`)}</tbody></table></div>`
        : html`<p class="muted">Không có.</p>`}
      <h2>Cập nhật và trả lời của cán bộ chờ người dân nhắn lại</h2>
      ${pending.length
        ? html`<div class="table-wrap"><table class="cards" id="pending-list"><thead><tr><th>Lúc</th><th>Kênh</th><th>Người nhận</th><th>Lý do</th><th>Nội dung</th></tr></thead>
          <tbody>${pending.map((p) => html`<tr><td data-label="Lúc">${formatDateTime(p.keptAt)}</td><td data-label="Kênh">${p.person.channel}</td><td data-label="Người nhận">${p.person.userId}</td><td data-label="Lý do">${p.reason ? REASON[p.reason] : "—"}</td><td data-label="Nội dung">${p.reply.text.slice(0, 160)}</td></tr>`)}</tbody></table></div>`
        : html`<p class="muted">Không có.</p>`}`;
    sendPage(req, res, { title: "Chưa gửi được", active: "kept", body });
  });
  return router;
}
