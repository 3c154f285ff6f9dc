/**
 * /admin/yearly (admins): one click for a locality's figures of a year, as a printable page and as CSV.
 */
import { Router, type Request } from "express";
import type { ContentPack } from "../../content/index.js";
import { HttpError } from "../../http/http-error.js";
import { sendCsv } from "../views/csv.js";
import { formatDateTime, formatIsoDate } from "../views/format.js";
import { html } from "../views/html.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";
import { currentReportYear, yearlyFigures } from "./yearly-figures.js";

/** The yearly report pages. */
export function yearlyRoutes(deps: WebDeps): Router {
  const router = Router();
  const thisYear = () => Number(deps.services.today().slice(0, 4));
  const choice = (req: Request): { pack: ContentPack; year: number } => {
    const packId = typeof req.query.pack === "string" && req.query.pack ? req.query.pack : deps.services.knowledge.defaultPack;
    const pack = deps.services.knowledge.content.packs.get(packId);
    if (!pack) throw new HttpError(404, "Không có địa phương này.");
    // By default the period running now (after 15/10 that is next year's report, issue 16).
    const year = typeof req.query.year === "string" && /^\d{4}$/.test(req.query.year) ? Number(req.query.year) : currentReportYear(pack.id, deps.services.today());
    if (year < 2020 || year > thisYear() + 1) throw new HttpError(400, "Năm không hợp lệ.");
    return { pack, year };
  };

  router.get("/admin/yearly", deps.auth.requireAdmin, async (req, res) => {
    const { pack, year } = choice(req);
    const f = await yearlyFigures(deps, pack, year);
    const packs = [...deps.services.knowledge.content.packs.values()];
    const latest = currentReportYear(pack.id, deps.services.today());
    const years = Array.from({ length: latest - 2024 }, (_, i) => latest - i);
    const query = `pack=${pack.id}&year=${year}`;
    const body = html`<form method="get" action="/admin/yearly" class="card filters no-print" aria-label="Chọn báo cáo">
        <div><label for="pack">Địa phương</label><select id="pack" name="pack">${packs.map((p) => html`<option value="${p.id}"${p.id === pack.id ? html` selected` : ""}>${p.names.vi}</option>`)}</select></div>
        <div><label for="year">Năm</label><select id="year" name="year">${years.map((y) => html`<option value="${y}"${y === year ? html` selected` : ""}>${y}</option>`)}</select></div>
        <div class="actions"><button type="submit">Lập báo cáo</button></div>
      </form>
      <p class="actions no-print"><a class="btn secondary" href="/admin/yearly.csv?${query}">Tải CSV</a><button type="button" class="btn secondary" data-print>In / lưu PDF</button></p>
      <article class="card report">
        <p class="muted small">${pack.province.vi} · ${pack.names.vi}</p>
        <h1>Kết quả hoạt động của Trợ lý văn hóa năm ${year}</h1>
        <p>Số liệu từ ${formatIsoDate(f.from)} đến ${formatIsoDate(f.to)}${f.deadline ? html` · hạn báo cáo: trước ngày ${formatIsoDate(f.deadline.day)} (${f.deadline.source})` : ""}.</p>
        <div class="table-wrap"><table><tbody>${f.summary.map((s) => html`<tr><th scope="row">${s.label}</th><td class="num">${s.value}</td></tr>`)}</tbody></table></div>
        ${f.tables.map(
          (t) => html`<h2>${t.title}</h2>
            ${t.rows.length ? html`<div class="table-wrap"><table><thead><tr>${t.head.map((h, i) => html`<th${i ? html` class="num"` : ""}>${h}</th>`)}</tr></thead>
              <tbody>${t.rows.map((row) => html`<tr>${row.map((cell, i) => html`<td${i ? html` class="num"` : ""}>${cell}</td>`)}</tr>`)}</tbody></table></div>` : html`<p class="muted">Không có số liệu.</p>`}`,
        )}
        <p class="muted small">Lập lúc ${formatDateTime(deps.services.now())} từ dữ liệu của hệ thống Trợ lý văn hóa.</p>
      </article>`;
    sendPage(req, res, { title: `Báo cáo năm ${year}`, active: "yearly", body });
  });

  router.get("/admin/yearly.csv", deps.auth.requireAdmin, async (req, res) => {
    const { pack, year } = choice(req);
    const f = await yearlyFigures(deps, pack, year);
    const rows: unknown[][] = [
      [`Kết quả hoạt động của Trợ lý văn hóa năm ${year}`, pack.names.vi],
      ["Từ ngày", formatIsoDate(f.from), "Đến ngày", formatIsoDate(f.to)],
      [],
      ["Chỉ tiêu", "Giá trị"],
      ...f.summary.map((s) => [s.label, s.value]),
    ];
    for (const t of f.tables) rows.push([], [t.title], t.head, ...t.rows);
    sendCsv(res, `bao-cao-${pack.id}-${year}.csv`, rows);
  });

  return router;
}
