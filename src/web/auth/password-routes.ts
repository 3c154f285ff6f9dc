/**
 * /admin/password: every staff member changes their own password (issue 16: only admins could, through the account
 * pages). The current password is asked again, so a session left open on a shared computer cannot take the account;
 * after the change every other session of the account ends and this browser gets a fresh one.
 */
import express, { Router } from "express";
import { HttpError } from "../../http/http-error.js";
import { html } from "../views/html.js";
import { csrfField, page } from "../layout.js";
import type { WebDeps } from "../web-deps.js";
import { flashFrom, redirectWithFlash } from "../flash.js";
import { sessionOf, staffOf } from "./console-auth.js";
import { setCookie } from "./cookies.js";
import { passwordProblem } from "./password.js";
import { SESSION_COOKIE, SESSION_MAX_MS } from "./sessions.js";

/** GET/POST /admin/password. */
export function passwordRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireStaff, checkCsrf } = deps.auth;
  const form = express.urlencoded({ extended: false, limit: "10kb" });

  router.get("/admin/password", requireStaff, (req, res) => {
    const csrf = sessionOf(res).csrf;
    const body = html`<h1>Đổi mật khẩu</h1>
      <section class="card">
        <form method="post" action="/admin/password">
          ${csrfField(csrf)}
          <label for="current">Mật khẩu hiện tại</label>
          <input type="password" id="current" name="current" autocomplete="current-password" required>
          <label for="password">Mật khẩu mới (ít nhất 10 ký tự)</label>
          <input type="password" id="password" name="password" autocomplete="new-password" minlength="10" required>
          <label for="repeat">Nhập lại mật khẩu mới</label>
          <input type="password" id="repeat" name="repeat" autocomplete="new-password" minlength="10" required>
          <p class="muted small">Sau khi đổi, các phiên đăng nhập khác của tài khoản (máy khác, trình duyệt khác) sẽ bị đăng xuất.</p>
          <div class="actions"><button type="submit">Đổi mật khẩu</button></div>
        </form>
      </section>`;
    res.type("html").send(page({ title: "Đổi mật khẩu", user: staffOf(res), csrf, body, flash: flashFrom(req, res) }).value);
  });

  router.post("/admin/password", requireStaff, form, checkCsrf, async (req, res) => {
    const user = staffOf(res);
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (!(await deps.users.authenticate(user.username, body.current ?? ""))) throw new HttpError(400, "Mật khẩu hiện tại không đúng.");
    const problem = passwordProblem(body.password ?? "");
    if (problem) throw new HttpError(400, problem);
    if (body.password !== body.repeat) throw new HttpError(400, "Hai lần nhập mật khẩu mới không giống nhau.");
    await deps.users.setPassword(user.username, body.password!);
    await deps.sessions.destroyUser(user.username);
    const { token } = await deps.sessions.create(user.username);
    setCookie(res, SESSION_COOKIE, token, { secure: req.secure, maxAgeS: SESSION_MAX_MS / 1000 });
    deps.services.logger.info({ username: user.username }, "console: password changed by its owner");
    redirectWithFlash(res, "/admin/password", "Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.");
  });

  return router;
}
