/**
 * The lifecycle parts of the console's report pages: the deadline badge of the list, the report's priority,
 * deadline, assignee, followers, what the reporter added and their rating; the staff forms (move to another unit,
 * assign, internal note); and the history, where internal notes are marked as never shown to the reporter.
 */
import type { ContentPack } from "../../content/index.js";
import { REPORT_STATUS_NAMES, type Report } from "../../domain/report.js";
import type { StaffUserView } from "../../web/auth/staff-users.js";
import { formatDateTime } from "../../web/views/format.js";
import { html, type Html } from "../../web/views/html.js";
import { csrfField } from "../../web/layout.js";
import { deadlineState, type DeadlineRules } from "./deadline.js";

/** The deadline cell of the list: the due time, and "Quá hạn" / "Sắp đến hạn" / "Khẩn" badges. */
export function dueView(r: Report, now: number, rules: DeadlineRules): Html {
  const state = deadlineState(r, now, rules);
  const urgent = r.priority === "urgent" ? html` <span class="badge urgent" title="${r.urgentBecause ?? ""}">Khẩn</span>` : "";
  if (r.dueAt === undefined) return html`<span class="muted">—</span>${urgent}`;
  const badge = state === "overdue" ? html` <span class="badge overdue">Quá hạn</span>` : state === "due_soon" ? html` <span class="badge due-soon">Sắp đến hạn</span>` : "";
  return html`<span class="${state ? "" : "muted"}">${formatDateTime(r.dueAt)}</span>${badge}${urgent}`;
}

/** Rows for the report's "Nội dung" list: priority, deadline, assignee, followers, rating. */
export function lifecycleView(r: Report, now: number, rules: DeadlineRules): Html {
  const stars = (n: number) => "★".repeat(n) + "☆".repeat(5 - n);
  return html`<dt>Ưu tiên</dt><dd>${r.priority === "urgent" ? html`<span class="badge urgent">Khẩn</span> <span class="muted small">${r.urgentBecause ?? ""}</span>` : "Thường"}</dd>
    <dt>Hạn xử lý</dt><dd data-testid="due">${dueView(r, now, rules)}</dd>
    <dt>Người phụ trách</dt><dd data-testid="assignee">${r.assignee ?? html`<span class="muted">Chưa giao</span>`}</dd>
    ${r.followers?.length ? html`<dt>Người theo dõi</dt><dd>${r.followers.length} người (báo khi đổi trạng thái)</dd>` : ""}
    ${r.rating ? html`<dt>Đánh giá</dt><dd data-testid="rating"><span aria-label="${r.rating.score} trên 5">${stars(r.rating.score)}</span> ${r.rating.score}/5${r.rating.comment ? html`<br><q>${r.rating.comment}</q>` : ""}</dd>` : ""}`;
}

/** What the reporter and followers added later. */
export function additionsView(r: Report): Html {
  const additions = r.additions ?? [];
  if (additions.length === 0) return html``;
  return html`<h2>Bổ sung sau (${additions.length})</h2>
    <ol class="small" data-testid="additions">${additions.map((a) => html`<li>${formatDateTime(a.at)} · ${a.from === "reporter" ? "người phản ánh" : "người theo dõi"}${a.text ? html`: <span class="pre">${a.text}</span>` : ""}${a.evidence.length ? html` · ${a.evidence.length} tệp (bằng chứng ${a.evidence.map((i) => i + 1).join(", ")})` : ""}</li>`)}</ol>`;
}

/** The staff forms: move to another unit of the pack, assign to a person, keep an internal note. */
export function staffActionsView(r: Report, pack: ContentPack | undefined, users: readonly StaffUserView[], csrf: string): Html {
  const units = (pack?.contacts ?? []).filter((c) => c.id !== r.unitId);
  return html`<div class="card">
    <h2>Chuyển, giao việc</h2>
    <form method="post" action="/admin/reports/${r.code}/transfer" data-confirm="Chuyển phản ánh sang đơn vị khác? Người phản ánh được báo tên đơn vị mới.">
      ${csrfField(csrf)}
      <label for="unit">Chuyển đến đơn vị</label>
      <select id="unit" name="unit">${units.map((c) => html`<option value="${c.id}">${c.names.vi}</option>`)}</select>
      <div class="actions"><button type="submit" class="secondary">Chuyển đơn vị</button></div>
    </form>
    <form method="post" action="/admin/reports/${r.code}/assign">
      ${csrfField(csrf)}
      <label for="assignee">Giao cho</label>
      <select id="assignee" name="assignee"><option value="">— Chưa giao —</option>${users.map((u) => html`<option value="${u.username}"${u.username === r.assignee ? html` selected` : ""}>${u.displayName} (${u.username})</option>`)}</select>
      <div class="actions"><button type="submit" class="secondary">Giao việc</button></div>
    </form>
  </div>
  <div class="card">
    <h2>Ghi chú nội bộ</h2>
    <form method="post" action="/admin/reports/${r.code}/notes">
      ${csrfField(csrf)}
      <label for="internal-note">Ghi chú cho cán bộ</label>
      <textarea id="internal-note" name="text" maxlength="2000" required placeholder="Ví dụ: Đã gọi trưởng thôn, chờ ảnh hiện trường."></textarea>
      <p class="muted small">Chỉ cán bộ thấy; không bao giờ gửi cho người phản ánh.</p>
      <div class="actions"><button type="submit" class="secondary">Lưu ghi chú</button></div>
    </form>
  </div>`;
}

/** The history: status changes, transfers and assignments, internal notes (marked), newest first. */
export function historyView(r: Report, unitName: (id: string) => string): Html {
  type Line = { at: number; view: Html };
  const lines: Line[] = [
    ...r.history.map((h) => ({ at: h.at, view: html`<b>${REPORT_STATUS_NAMES[h.status].vi}</b> · ${formatDateTime(h.at)} · ${h.by === "reporter" ? "người phản ánh" : h.by}${h.note ? html`<br>${h.note}` : ""}` })),
    ...(r.activity ?? []).map((a) => ({
      at: a.at,
      view: a.kind === "transfer"
        ? html`<b>Chuyển đơn vị</b> · ${formatDateTime(a.at)} · ${a.by}<br>${unitName(a.from ?? "")} → ${unitName(a.to)}`
        : html`<b>Giao việc</b> · ${formatDateTime(a.at)} · ${a.by}<br>${a.to || "bỏ giao"}`,
    })),
    ...(r.internalNotes ?? []).map((n) => ({ at: n.at, view: html`<b>Ghi chú nội bộ</b> <span class="badge">chỉ cán bộ</span> · ${formatDateTime(n.at)} · ${n.by}<br><span class="pre">${n.text}</span>` })),
  ];
  return html`<ol class="small" data-testid="history">${lines.sort((a, b) => b.at - a.at).map((l) => html`<li>${l.view}</li>`)}</ol>`;
}
