/**
 * /admin/api-keys (admins): the staff API's keys (src/web/auth/api-keys.ts). An admin names a key, picks its scope (every
 * unit, or one unit of one pack) and sees the key once, on the page that made it; later only its id and name are
 * shown. Revoking takes effect on the next request.
 */
import { Router, type Request, type Response } from "express";
import { ApiKeys, type ApiKey } from "../auth/api-keys.js";
import { HttpError } from "../../http/http-error.js";
import { sessionOf, staffOf } from "../auth/console-auth.js";
import { formatDateTime } from "../views/format.js";
import { html, type Html } from "../views/html.js";
import { csrfField, page } from "../layout.js";
import type { WebDeps } from "../web-deps.js";
import { flashFrom, redirectWithFlash } from "../flash.js";
import { unitOf, unitOptions } from "./accounts-routes.js";

const NAME_MAX = 80;

/** The key pages. */
export function apiKeysRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireAdmin, checkCsrf } = deps.auth;
  const keys = new ApiKeys(deps.services.store, deps.services.now);

  const scopeName = (key: ApiKey) => {
    if (!key.packId || !key.unitId) return "Mọi đơn vị";
    const pack = deps.services.knowledge.content.packs.get(key.packId);
    return `${pack?.contact(key.unitId)?.names.vi ?? key.unitId} (${pack?.names.vi ?? key.packId})`;
  };

  const listPage = async (req: Request, res: Response, created?: { key: ApiKey; secret: string }) => {
    const csrf = sessionOf(res).csrf;
    const all = await keys.list();
    const shown: Html | string = created
      ? html`<section class="card" id="new-key">
          <h2>Khóa mới: ${created.key.name}</h2>
          <p><strong>Chép khóa này ngay:</strong> nó chỉ hiện một lần, máy chủ chỉ giữ bản băm. Mất khóa thì thu hồi và tạo khóa mới.</p>
          <p><input type="text" readonly id="api-key-secret" value="${created.secret}" aria-label="Khóa API"></p>
          <p class="muted small">Dùng: <code>Authorization: Bearer &lt;khóa&gt;</code> (docs/staff-api.md).</p>
        </section>`
      : "";
    const body = html`<p><a href="/admin/accounts">← Tài khoản</a></p>
      <h1>Khóa API</h1>
      <p>Khóa cho hệ thống khác gọi API của trợ lý (phản ánh, đăng ký lớp, hộp thư). Khóa giới hạn một đơn vị chỉ thấy phản ánh và hộp thư của đơn vị đó.</p>
      ${shown}
      <div class="table-wrap"><table>
        <thead><tr><th>Tên</th><th>Mã khóa</th><th>Phạm vi</th><th>Tạo lúc</th><th>Dùng gần nhất</th><th>Trạng thái</th><th></th></tr></thead>
        <tbody>${all.map(
          (key) => html`<tr>
            <td>${key.name}</td>
            <td><code>tlvh_${key.id}_…</code></td>
            <td>${scopeName(key)}</td>
            <td>${formatDateTime(key.createdAt)} (${key.createdBy})</td>
            <td>${formatDateTime(key.lastUsedAt) || "—"}</td>
            <td>${key.revokedAt ? html`<span class="badge">đã thu hồi ${formatDateTime(key.revokedAt)}</span>` : "đang dùng"}</td>
            <td>${key.revokedAt
              ? ""
              : html`<form method="post" action="/admin/api-keys/${key.id}/revoke" >${csrfField(csrf)}<button type="submit" class="btn danger">Thu hồi</button></form>`}</td>
          </tr>`,
        )}</tbody>
      </table></div>
      <section class="card">
        <h2>Tạo khóa</h2>
        <form method="post" action="/admin/api-keys">
          ${csrfField(csrf)}
          <div class="two">
            <div><label for="name">Tên (ai dùng khóa)</label><input type="text" id="name" name="name" required maxlength="${NAME_MAX}"></div>
            <div><label for="unit">Phạm vi</label><select id="unit" name="unit">${unitOptions(deps, undefined, "Mọi đơn vị")}</select></div>
          </div>
          <div class="actions"><button type="submit">Tạo khóa</button></div>
        </form>
      </section>`;
    // The new key must not stay in a cache or the history's saved page.
    res.setHeader("cache-control", "no-store");
    res.status(created ? 201 : 200).type("html").send(page({ title: "Khóa API", user: staffOf(res), csrf, active: "accounts", body, flash: flashFrom(req, res) }).value);
  };

  router.get("/admin/api-keys", requireAdmin, async (req, res) => listPage(req, res));

  router.post("/admin/api-keys", requireAdmin, checkCsrf, async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const name = (body.name ?? "").trim();
    if (!name || name.length > NAME_MAX) throw new HttpError(400, `Cần đặt tên cho khóa (tối đa ${NAME_MAX} ký tự).`);
    const scope = unitOf(deps, "admin", body.unit);
    const created = await keys.create({ name, ...scope, createdBy: staffOf(res).username });
    deps.services.logger.info({ keyId: created.key.id, name, scope: scope.unitId ?? "all", by: staffOf(res).username }, "api key created");
    await listPage(req, res, created);
  });

  router.post("/admin/api-keys/:id/revoke", requireAdmin, checkCsrf, async (req, res) => {
    const id = String(req.params.id);
    if (!(await keys.revoke(id, staffOf(res).username))) throw new HttpError(404, "Không có khóa này.");
    deps.services.logger.info({ keyId: id, by: staffOf(res).username }, "api key revoked");
    redirectWithFlash(res, "/admin/api-keys", `Đã thu hồi khóa tlvh_${id}_…`);
  });

  return router;
}
