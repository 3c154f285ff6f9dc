/**
 * /admin/privacy (admins only): find one person (by conversation key or phone number), export everything stored
 * about them as JSON, or erase it (docs/privacy.md). Every export and erasure is written to the privacy audit log,
 * shown below the search; the log names no one (a one-way hash of the person).
 */
import { Router } from "express";
import { privacyLog, recordPrivacyAction } from "../../privacy/audit-log.js";
import { erasePersonData, exportPersonData, findPeople, parseKey } from "../../privacy/person-data.js";
import { HttpError } from "../../http/http-error.js";
import { staffOf } from "../auth/console-auth.js";
import { redirectWithFlash } from "../flash.js";
import { csrfField } from "../layout.js";
import { sessionOf } from "../auth/console-auth.js";
import { sendPage } from "../send-page.js";
import { formatDateTime } from "../views/format.js";
import { html } from "../views/html.js";
import type { WebDeps } from "../web-deps.js";

const ACTIONS = { export: "Xuất dữ liệu", erase: "Xóa dữ liệu" } as const;

export function privacyRoutes(deps: WebDeps): Router {
  const router = Router();
  const { store } = deps.services;
  const { requireAdmin, checkCsrf } = deps.auth;

  router.get("/admin/privacy", requireAdmin, async (req, res) => {
    const query = typeof req.query.q === "string" ? req.query.q.slice(0, 200) : "";
    const found = query ? await findPeople(store, query) : [];
    const csrf = sessionOf(res).csrf;
    const log = await privacyLog(store, 100);
    const body = html`<h1>Dữ liệu cá nhân</h1>
      <p class="muted small">Theo yêu cầu của một người (Luật Bảo vệ dữ liệu cá nhân 2025, Nghị định 13/2023/NĐ-CP): xuất toàn bộ dữ liệu của họ (JSON), hoặc xóa. Xóa: lịch sử trò chuyện, thông tin liên hệ, đăng ký nhận tin bị xóa; phản ánh và đăng ký lớp được giữ ở dạng ẩn danh. Mọi thao tác được ghi nhật ký.</p>
      <form method="get" action="/admin/privacy" class="card">
        <label for="q">Mã hội thoại (kênh:tài khoản:người dùng) hoặc số điện thoại</label>
        <input id="q" name="q" value="${query}" required maxlength="200" autocomplete="off">
        <button type="submit">Tìm</button>
      </form>
      ${query
        ? found.length
          ? html`<div class="table-wrap"><table class="cards"><thead><tr><th>Người</th><th>Thao tác</th></tr></thead><tbody>${found.map(
              (key) => html`<tr><td data-label="Người"><code>${key}</code></td><td data-label="Thao tác">
                <form method="post" action="/admin/privacy/export" class="inline">${csrfField(csrf)}<input type="hidden" name="key" value="${key}"><button type="submit">${ACTIONS.export} (JSON)</button></form>
                <form method="post" action="/admin/privacy/erase" class="inline">${csrfField(csrf)}<input type="hidden" name="key" value="${key}">
                  <label class="small"><input type="checkbox" name="confirm" value="yes" required> Tôi xác nhận</label> <button type="submit" class="danger">${ACTIONS.erase}</button></form>
              </td></tr>`,
            )}</tbody></table></div>`
          : html`<p class="muted">Không tìm thấy dữ liệu của người này.</p>`
        : ""}
      <h2>Nhật ký</h2>
      ${log.length
        ? html`<div class="table-wrap"><table class="cards"><thead><tr><th>Lúc</th><th>Thao tác</th><th>Người thực hiện</th><th>Mã người (băm)</th></tr></thead><tbody>${log.map(
            (entry) => html`<tr><td data-label="Lúc">${formatDateTime(entry.at)}</td><td data-label="Thao tác">${ACTIONS[entry.action]}</td><td data-label="Người thực hiện">${entry.by === "person" ? "Chính người đó (qua trò chuyện)" : entry.by}</td><td data-label="Mã người"><code>${entry.subject}</code></td></tr>`,
          )}</tbody></table></div>`
        : html`<p class="muted">Chưa có.</p>`}`;
    sendPage(req, res, { title: "Dữ liệu cá nhân", active: "privacy", body });
  });

  const personFrom = (body: unknown) => {
    const key = String((body as Record<string, unknown> | undefined)?.key ?? "");
    const person = parseKey(key);
    if (!person) throw new HttpError(400, "Mã hội thoại không hợp lệ.");
    return { key, person };
  };

  router.post("/admin/privacy/export", requireAdmin, checkCsrf, async (req, res) => {
    const { key, person } = personFrom(req.body);
    const now = deps.services.now();
    const data = await exportPersonData(store, person, now);
    await recordPrivacyAction(store, { at: now, action: "export", by: staffOf(res).username, personKey: key });
    res.setHeader("content-disposition", `attachment; filename="du-lieu-ca-nhan-${deps.services.today()}.json"`);
    res.setHeader("cache-control", "no-store");
    res.type("application/json").send(JSON.stringify(data, null, 2));
  });

  router.post("/admin/privacy/erase", requireAdmin, checkCsrf, async (req, res) => {
    const { key, person } = personFrom(req.body);
    if ((req.body as Record<string, unknown>).confirm !== "yes") return redirectWithFlash(res, "/admin/privacy", "Hãy đánh dấu “Tôi xác nhận” trước khi xóa.", "error");
    const now = deps.services.now();
    const summary = await erasePersonData(store, person, now, { removeMedia: (id) => deps.services.evidence.remove(id) });
    await recordPrivacyAction(store, { at: now, action: "erase", by: staffOf(res).username, personKey: key, summary });
    const counts = Object.entries(summary).map(([name, c]) => `${name}: ${c.deleted ? `xóa ${c.deleted}` : ""}${c.deleted && c.anonymised ? ", " : ""}${c.anonymised ? `ẩn danh ${c.anonymised}` : ""}`);
    redirectWithFlash(res, "/admin/privacy", `Đã xóa dữ liệu của người này (${counts.join("; ") || "không có gì"}).`);
  });

  return router;
}
