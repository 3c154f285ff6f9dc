/**
 * /admin/analytics (admins): for a chosen period and locality, messages per day per channel, intents, content gaps
 * and misunderstood messages, reports by category and status, and time to the first staff reply — as SVG charts
 * drawn on the server and as tables.
 */
import { Router, type Request } from "express";
import type { MessageEvent } from "../../analytics/message-event.js";
import { REPORT_STATUSES, REPORT_STATUS_NAMES, type Report } from "../../domain/report.js";
import type { Handoff } from "../../domain/handoff.js";
import { addDaysIso, dayEnd, dayStart, daysBetween, isIsoDay } from "../views/dates.js";
import { formatDateTime, formatDuration, formatIsoDate, formatNumber } from "../views/format.js";
import { html, type Html } from "../views/html.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";
import { answeredShare, channelsOf, contentGaps, filterEvents, firstReplyTimes, intents, messagesPerDay, misunderstood, reportMatrix, reportOutcomes, share as shareOf, type AskedText, type Period } from "./analytics-queries.js";
import { intentName } from "./intent-names.js";
import { horizontalBars, stackedColumns } from "./svg-charts.js";

/** The period of a request: `from`/`to` (default the last 30 days), `pack` (default all); at most 366 days. */
export function periodOf(req: Request, today: string): Period {
  let to = isIsoDay(req.query.to) ? req.query.to : today;
  let from = isIsoDay(req.query.from) ? req.query.from : addDaysIso(to, -29);
  if (from > to) [from, to] = [to, from];
  if (daysBetween(from, to, 400).length > 366) from = addDaysIso(to, -365);
  const pack = typeof req.query.pack === "string" && req.query.pack ? req.query.pack : undefined;
  return { from, to, packId: pack };
}

/** The records of a period, loaded once for a page. */
export async function loadPeriod(deps: WebDeps, period: Period): Promise<{ events: MessageEvent[]; reports: Report[]; handoffs: Handoff[] }> {
  const store = deps.services.store;
  const inPack = (packId: string) => !period.packId || packId === period.packId;
  const inPeriod = (at: number) => at >= dayStart(period.from) && at <= dayEnd(period.to);
  return {
    events: filterEvents(await store.collection<MessageEvent>("events").find(), period),
    reports: (await store.collection<Report>("reports").find()).filter((r) => inPack(r.packId) && inPeriod(r.createdAt)),
    handoffs: (await store.collection<Handoff>("handoffs").find()).filter((h) => inPack(h.packId) && inPeriod(h.openedAt)),
  };
}

function askedTable(rows: AskedText[], caption: string): Html {
  if (rows.length === 0) return html`<p class="muted">Không có trong giai đoạn này.</p>`;
  return html`<div class="table-wrap"><table><caption class="visually-hidden">${caption}</caption>
    <thead><tr><th>Câu hỏi</th><th class="num">Số lần</th><th>Gần nhất</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><td>${r.text}</td><td class="num">${r.count}</td><td>${formatDateTime(r.lastAt)}</td></tr>`)}</tbody></table></div>`;
}

/** The period form (shared with the yearly page's look). */
export function periodForm(deps: WebDeps, action: string, period: Period): Html {
  const packs = [...deps.services.knowledge.content.packs.values()];
  return html`<form method="get" action="${action}" class="card filters" aria-label="Chọn giai đoạn">
    <div><label for="from">Từ ngày</label><input type="date" id="from" name="from" value="${period.from}"></div>
    <div><label for="to">Đến ngày</label><input type="date" id="to" name="to" value="${period.to}"></div>
    <div><label for="pack">Địa phương</label><select id="pack" name="pack"><option value="">Tất cả</option>${packs.map((p) => html`<option value="${p.id}"${p.id === period.packId ? html` selected` : ""}>${p.names.vi}</option>`)}</select></div>
    <div class="actions"><button type="submit">Xem</button></div>
  </form>`;
}

/** The analytics page. */
export function analyticsRoutes(deps: WebDeps): Router {
  const router = Router();

  router.get("/admin/analytics", deps.auth.requireAdmin, async (req, res) => {
    const period = periodOf(req, deps.services.today());
    const { events, reports, handoffs } = await loadPeriod(deps, period);
    const days = daysBetween(period.from, period.to);
    const perDay = messagesPerDay(events, days);
    const channels = channelsOf(events);
    const share = answeredShare(events);
    const intentRows = intents(events);
    const matrix = reportMatrix(reports);
    const times = firstReplyTimes(handoffs, reports);
    const outcomes = reportOutcomes(reports, deps.services.now());
    const categoryName = (id: string) => {
      for (const pack of deps.services.knowledge.content.packs.values()) {
        const c = pack.category(id);
        if (c) return c.names.vi;
      }
      return id;
    };
    const duration = (ms: number | undefined) => (ms === undefined ? "—" : formatDuration(ms));
    const body = html`<h1>Thống kê</h1>
      ${periodForm(deps, "/admin/analytics", period)}
      <div class="grid cols-3">
        <div class="card"><div class="muted small">Tin nhắn</div><div class="big">${formatNumber(events.length)}</div></div>
        <div class="card"><div class="muted small">Bot trả lời được</div><div class="big">${share.total ? `${Math.round((share.answered / share.total) * 100)}%` : "—"}</div><div class="muted small">${share.answered}/${share.total}</div></div>
        <div class="card"><div class="muted small">Phản ánh · gặp cán bộ</div><div class="big">${reports.length} · ${handoffs.length}</div></div>
      </div>
      <section class="card">
        <h2>Tin nhắn mỗi ngày theo kênh</h2>
        ${stackedColumns({
          title: `Tin nhắn mỗi ngày theo kênh, ${formatIsoDate(period.from)} – ${formatIsoDate(period.to)}`,
          labels: days.map((d) => `${d.slice(8)}/${d.slice(5, 7)}`),
          series: channels.map((c, i) => ({ name: deps.services.channels.label(c), color: deps.services.channels.color(c, i), values: perDay.map((row) => row.counts[c] ?? 0) })),
        })}
        <details><summary>Bảng số liệu</summary><div class="table-wrap"><table>
          <thead><tr><th>Ngày</th>${channels.map((c) => html`<th class="num">${deps.services.channels.label(c)}</th>`)}<th class="num">Tổng</th></tr></thead>
          <tbody>${perDay.filter((r) => Object.keys(r.counts).length).map((r) => html`<tr><td>${formatIsoDate(r.day)}</td>${channels.map((c) => html`<td class="num">${r.counts[c] ?? 0}</td>`)}<td class="num">${Object.values(r.counts).reduce((a, b) => a + b, 0)}</td></tr>`)}</tbody>
        </table></div></details>
      </section>
      <section class="card">
        <h2>Người dân hỏi gì (ý định)</h2>
        ${intentRows.length ? horizontalBars({ title: "Tin nhắn theo ý định", rows: intentRows.map((r) => ({ label: intentName(r.key), value: r.count })) }) : html`<p class="muted">Chưa có tin nhắn.</p>`}
      </section>
      <div class="grid cols-2">
        <section class="card"><h2>Câu hỏi chưa có nội dung trả lời</h2><p class="muted small">Người dân hỏi nhưng nội dung chưa có: nên bổ sung.</p>${askedTable(contentGaps(events), "Câu hỏi chưa có nội dung")}</section>
        <section class="card"><h2>Tin nhắn bot chưa hiểu</h2>${askedTable(misunderstood(events), "Tin nhắn bot chưa hiểu")}</section>
      </div>
      <section class="card">
        <h2>Phản ánh theo loại và trạng thái</h2>
        ${matrix.length ? horizontalBars({ title: "Phản ánh theo loại", color: "#8a1c1c", rows: matrix.map((m) => ({ label: categoryName(m.categoryId), value: m.total })) }) : ""}
        ${
          matrix.length
            ? html`<div class="table-wrap"><table><thead><tr><th>Loại</th>${REPORT_STATUSES.map((s) => html`<th class="num">${REPORT_STATUS_NAMES[s].vi}</th>`)}<th class="num">Tổng</th></tr></thead>
              <tbody>${matrix.map((m) => html`<tr><td>${categoryName(m.categoryId)}</td>${REPORT_STATUSES.map((s) => html`<td class="num">${m.byStatus[s] ?? 0}</td>`)}<td class="num">${m.total}</td></tr>`)}</tbody></table></div>`
            : html`<p class="muted">Không có phản ánh trong giai đoạn này.</p>`
        }
      </section>
      <section class="card" data-testid="report-outcomes">
        <h2>Kết quả xử lý phản ánh</h2>
        <div class="grid cols-3">
          <div><div class="muted small">Thời gian xử lý (trung vị)</div><div class="big">${duration(outcomes.medianResolveMs)}</div><div class="muted small">${outcomes.resolved} đã xử lý · trung bình ${duration(outcomes.averageResolveMs)}</div></div>
          <div><div class="muted small">Quá hạn</div><div class="big">${shareOf(outcomes.overdue, outcomes.withDeadline)}</div><div class="muted small">${outcomes.overdue}/${outcomes.withDeadline} phản ánh có hạn · ${outcomes.reopened} bị mở lại</div></div>
          <div><div class="muted small">Mức hài lòng (1–5)</div><div class="big">${outcomes.averageScore === undefined ? "—" : outcomes.averageScore.toFixed(1).replace(".", ",")}</div><div class="muted small">${outcomes.rated} lượt đánh giá · ${shareOf(outcomes.satisfied, outcomes.rated)} hài lòng (4–5)</div></div>
        </div>
        ${outcomes.rated ? horizontalBars({ title: "Đánh giá của người phản ánh", color: "#1c5f8a", rows: ([5, 4, 3, 2, 1] as const).map((n) => ({ label: `${n} sao`, value: outcomes.byScore[n] })) }) : html`<p class="muted">Chưa có đánh giá trong giai đoạn này.</p>`}
      </section>
      <section class="card">
        <h2>Thời gian đến khi cán bộ phản hồi lần đầu</h2>
        <div class="table-wrap"><table><thead><tr><th></th><th class="num">Số lượng</th><th class="num">Đã phản hồi</th><th class="num">Trung vị</th><th class="num">Trung bình</th></tr></thead>
          <tbody>
            <tr><td>Gặp cán bộ (trả lời đầu tiên)</td><td class="num">${times.handoffs.count}</td><td class="num">${times.handoffs.replied}</td><td class="num">${duration(times.handoffs.medianMs)}</td><td class="num">${duration(times.handoffs.averageMs)}</td></tr>
            <tr><td>Phản ánh (cập nhật đầu tiên của cán bộ)</td><td class="num">${times.reports.count}</td><td class="num">${times.reports.handled}</td><td class="num">${duration(times.reports.medianMs)}</td><td class="num">${duration(times.reports.averageMs)}</td></tr>
          </tbody></table></div>
      </section>`;
    sendPage(req, res, { title: "Thống kê", active: "analytics", body });
  });

  return router;
}
