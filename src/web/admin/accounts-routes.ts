/**
 * /admin/accounts (admins): list console accounts, create one, change its role, unit and password, disable it.
 * A staff account works in one pack and one unit (a contact of that pack), which decides what it sees.
 */
import { Router } from "express";
import { HttpError } from "../../http/http-error.js";
import { passwordProblem } from "../auth/password.js";
import { sessionOf, staffOf } from "../auth/console-auth.js";
import { USERNAME_PATTERN, type StaffRole, type StaffUser } from "../auth/staff-users.js";
import { formatDateTime } from "../views/format.js";
import { html, type Html } from "../views/html.js";
import { csrfField, page } from "../layout.js";
import type { WebDeps } from "../web-deps.js";
import { flashFrom, redirectWithFlash } from "../flash.js";

/** "pack|unit" pairs an account (or an API key) may work in, by pack. */
export function unitOptions(deps: WebDeps, selected?: string, allLabel = "— (quản trị viên: mọi đơn vị)"): Html {
  const packs = [...deps.services.knowledge.content.packs.values()];
  return html`<option value="">${allLabel}</option>
    ${packs.map(
      (pack) => html`<optgroup label="${pack.names.vi}">
        ${pack.contacts.map((c) => {
          const value = `${pack.id}|${c.id}`;
          return html`<option value="${value}"${value === selected ? html` selected` : ""}>${c.names.vi}</option>`;
        })}
      </optgroup>`,
    )}`;
}

function roleOf(value: unknown): StaffRole {
  if (value === "admin" || value === "staff") return value;
  throw new HttpError(400, "Vai trò phải là quản trị viên hoặc cán bộ.");
}

/** Checks a "pack|unit" value against the loaded content. */
export function unitOf(deps: WebDeps, role: StaffRole, value: unknown): { packId?: string; unitId?: string } {
  if (typeof value !== "string" || value === "") {
    if (role === "staff") throw new HttpError(400, "Cán bộ cần chọn đơn vị phụ trách.");
    return {};
  }
  const [packId, unitId] = value.split("|");
  const pack = deps.services.knowledge.content.packs.get(packId);
  if (!pack || !pack.contact(unitId)) throw new HttpError(400, "Đơn vị không có trong nội dung.");
  return { packId, unitId };
}

/** The account pages. */
export function accountsRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireAdmin, checkCsrf } = deps.auth;

  router.get("/admin/accounts", requireAdmin, async (req, res) => {
    const csrf = sessionOf(res).csrf;
    const users = await deps.users.list();
    const unitName = (u: StaffUser) => {
      if (!u.packId || !u.unitId) return "—";
      const pack = deps.services.knowledge.content.packs.get(u.packId);
      return `${pack?.contact(u.unitId)?.names.vi ?? u.unitId} (${pack?.names.vi ?? u.packId})`;
    };
    const body = html`<h1>Tài khoản cán bộ</h1>
      <p>Hệ thống khác gọi API bằng <a href="/admin/api-keys">khóa API</a> riêng (mỗi khóa có tên, phạm vi đơn vị, thu hồi được).</p>
      <div class="table-wrap"><table>
        <thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Đơn vị</th><th>Đăng nhập gần nhất</th><th></th></tr></thead>
        <tbody>${users.map(
          (u) => html`<tr>
            <td>${u.username}${u.disabled ? html` <span class="badge">đã khóa</span>` : ""}</td>
            <td>${u.displayName}</td>
            <td>${u.role === "admin" ? "Quản trị viên" : "Cán bộ"}</td>
            <td>${unitName(u)}</td>
            <td>${formatDateTime(u.lastLoginAt) || "—"}</td>
            <td><a href="/admin/accounts/${encodeURIComponent(u.username)}">Sửa</a></td>
          </tr>`,
        )}</tbody>
      </table></div>
      <section class="card">
        <h2>Thêm tài khoản</h2>
        <form method="post" action="/admin/accounts">
          ${csrfField(csrf)}
          <div class="two">
            <div><label for="username">Tên đăng nhập</label><input type="text" id="username" name="username" required pattern="[a-z0-9._\\-]{2,32}" autocapitalize="none"></div>
            <div><label for="displayName">Họ tên</label><input type="text" id="displayName" name="displayName" required></div>
            <div><label for="role">Vai trò</label><select id="role" name="role"><option value="staff">Cán bộ (xem phản ánh, hộp thư của đơn vị mình)</option><option value="admin">Quản trị viên (toàn quyền)</option></select></div>
            <div><label for="unit">Đơn vị phụ trách</label><select id="unit" name="unit">${unitOptions(deps)}</select></div>
            <div><label for="password">Mật khẩu (ít nhất 10 ký tự)</label><input type="password" id="password" name="password" required minlength="10" autocomplete="new-password"></div>
          </div>
          <div class="actions"><button type="submit">Tạo tài khoản</button></div>
        </form>
      </section>`;
    res.type("html").send(page({ title: "Tài khoản", user: staffOf(res), csrf, active: "accounts", body, flash: flashFrom(req, res) }).value);
  });

  router.post("/admin/accounts", requireAdmin, checkCsrf, async (req, res) => {
    const body = req.body as Record<string, string>;
    const role = roleOf(body.role);
    const problem = passwordProblem(body.password ?? "");
    if (problem) throw new HttpError(400, problem);
    const username = (body.username ?? "").trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) throw new HttpError(400, "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang (2–32 ký tự).");
    const displayName = (body.displayName ?? "").trim();
    if (!displayName) throw new HttpError(400, "Cần nhập họ tên.");
    try {
      await deps.users.create({ username, displayName, role, ...unitOf(deps, role, body.unit) }, body.password);
    } catch (error) {
      throw error instanceof HttpError ? error : new HttpError(400, (error as Error).message);
    }
    redirectWithFlash(res, "/admin/accounts", `Đã tạo tài khoản ${username}.`);
  });

  router.get("/admin/accounts/:username", requireAdmin, async (req, res) => {
    const user = await deps.users.get(String(req.params.username));
    if (!user) throw new HttpError(404, "Không có tài khoản này.");
    const csrf = sessionOf(res).csrf;
    const selected = user.packId && user.unitId ? `${user.packId}|${user.unitId}` : undefined;
    const body = html`<p><a href="/admin/accounts">← Tài khoản</a></p>
      <h1>Tài khoản ${user.username}</h1>
      <section class="card">
        <form method="post" action="/admin/accounts/${encodeURIComponent(user.username)}">
          ${csrfField(csrf)}
          <div class="two">
            <div><label for="displayName">Họ tên</label><input type="text" id="displayName" name="displayName" value="${user.displayName}" required></div>
            <div><label for="role">Vai trò</label><select id="role" name="role">
              <option value="staff"${user.role === "staff" ? html` selected` : ""}>Cán bộ</option>
              <option value="admin"${user.role === "admin" ? html` selected` : ""}>Quản trị viên</option></select></div>
            <div><label for="unit">Đơn vị phụ trách</label><select id="unit" name="unit">${unitOptions(deps, selected)}</select></div>
            <div><label for="password">Mật khẩu mới (để trống nếu giữ nguyên)</label><input type="password" id="password" name="password" minlength="10" autocomplete="new-password"></div>
          </div>
          <label class="inline"><input type="checkbox" name="disabled" value="1"${user.disabled ? html` checked` : ""}> Khóa tài khoản</label>
          <div class="actions"><button type="submit">Lưu</button></div>
        </form>
      </section>`;
    res.type("html").send(page({ title: `Tài khoản ${user.username}`, user: staffOf(res), csrf, active: "accounts", body }).value);
  });

  router.post("/admin/accounts/:username", requireAdmin, checkCsrf, async (req, res) => {
    const user = await deps.users.get(String(req.params.username));
    if (!user) throw new HttpError(404, "Không có tài khoản này.");
    const body = req.body as Record<string, string>;
    const role = roleOf(body.role);
    const disabled = body.disabled === "1";
    if (user.username === staffOf(res).username && (role !== "admin" || disabled)) {
      throw new HttpError(400, "Bạn không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình.");
    }
    const { packId, unitId } = unitOf(deps, role, body.unit);
    await deps.users.update({ ...user, displayName: (body.displayName ?? "").trim() || user.displayName, role, packId, unitId, disabled });
    if (body.password) {
      const problem = passwordProblem(body.password);
      if (problem) throw new HttpError(400, problem);
      await deps.users.setPassword(user.username, body.password);
    }
    // A changed password, role or a lock takes effect at once: the account's other sessions end.
    if (body.password || disabled || role !== user.role || unitId !== user.unitId) {
      if (user.username !== staffOf(res).username) await deps.sessions.destroyUser(user.username);
    }
    redirectWithFlash(res, "/admin/accounts", `Đã lưu tài khoản ${user.username}.`);
  });

  return router;
}
