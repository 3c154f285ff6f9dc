/**
 * Sign-in and sign-out. The sign-in form has its own CSRF token (a cookie matched against a hidden field, since there
 * is no session yet); failed attempts slow down the address that made them (exponential back-off,
 * login-backoff.ts), never the account for everyone.
 */
import express, { Router } from "express";
import { randomBytes } from "node:crypto";
import { HttpError } from "../../http/http-error.js";
import { html } from "../views/html.js";
import { page } from "../layout.js";
import type { WebDeps } from "../web-deps.js";
import { clientKey } from "../../http/client-key.js";
import { sameSecret, sessionOf } from "./console-auth.js";
import { clearCookie, readCookie, setCookie } from "./cookies.js";
import { SESSION_COOKIE, SESSION_MAX_MS } from "./sessions.js";
import { LoginBackoff } from "./login-backoff.js";

const LOGIN_CSRF_COOKIE = "tlvh_login";

/** Only local paths after sign-in (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/admin(\/|$|\?)/.test(value) && !value.startsWith("//") ? value : "/admin";
}

function loginPage(token: string, next: string, error?: string) {
  return page({
    title: "Đăng nhập",
    flash: error ? { kind: "error", text: error } : undefined,
    body: html`<section class="card login">
      <h1>Đăng nhập bảng điều khiển</h1>
      <form method="post" action="/admin/login">
        <input type="hidden" name="_csrf" value="${token}">
        <input type="hidden" name="next" value="${next}">
        <label for="username">Tên đăng nhập</label>
        <input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" required>
        <label for="password">Mật khẩu</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <div class="actions"><button type="submit">Đăng nhập</button></div>
      </form>
      <p class="muted small">Chưa có tài khoản? Nhờ quản trị viên tạo cho bạn.</p>
    </section>`,
  });
}

/** GET/POST /admin/login, POST /admin/logout. */
export function loginRoutes(deps: WebDeps): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: "10kb" });
  const backoff = new LoginBackoff(deps.services.now);
  const tooMany = (res: express.Response, waitMs: number) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const when = seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
    res.setHeader("retry-after", String(seconds));
    res.status(429).type("html").send(loginPage("", "/admin", `Bạn đã nhập sai nhiều lần. Vui lòng thử lại sau ${when}.`).value);
  };

  router.get("/admin/login", (req, res) => {
    if (res.locals.user) return res.redirect(303, safeNext(req.query.next));
    const token = randomBytes(18).toString("base64url");
    setCookie(res, LOGIN_CSRF_COOKIE, token, { path: "/admin", secure: req.secure, maxAgeS: 3600 });
    res.type("html").send(loginPage(token, safeNext(req.query.next)).value);
  });

  router.post("/admin/login", form, async (req, res, next) => {
    try {
      const address = clientKey(req);
      const wait = backoff.waitMs(address);
      if (wait > 0) return tooMany(res, wait);
      const body = (req.body ?? {}) as Record<string, string | undefined>;
      if (!sameSecret(body._csrf, readCookie(req, LOGIN_CSRF_COOKIE))) {
        throw new HttpError(403, "Biểu mẫu đăng nhập đã hết hạn. Hãy tải lại trang và thử lại.");
      }
      const user = await deps.users.authenticate(body.username ?? "", body.password ?? "");
      if (!user) {
        const imposed = backoff.failed(address);
        deps.services.logger.warn({ address, waitMs: imposed }, "console: sign-in failed");
        res.status(401).type("html").send(loginPage(body._csrf!, safeNext(body.next), "Tên đăng nhập hoặc mật khẩu không đúng.").value);
        return;
      }
      backoff.succeeded(address);
      // A new session on every sign-in (no fixation); the old cookie, if any, is ended.
      await deps.sessions.destroy(readCookie(req, SESSION_COOKIE));
      const { token } = await deps.sessions.create(user.username);
      await deps.users.update({ ...user, lastLoginAt: Date.now() });
      clearCookie(res, LOGIN_CSRF_COOKIE, "/admin");
      setCookie(res, SESSION_COOKIE, token, { secure: req.secure, maxAgeS: SESSION_MAX_MS / 1000 });
      res.redirect(303, safeNext(body.next));
    } catch (error) {
      next(error);
    }
  });

  router.post("/admin/logout", deps.auth.requireStaff, form, deps.auth.checkCsrf, async (req, res, next) => {
    try {
      sessionOf(res);
      await deps.sessions.destroy(readCookie(req, SESSION_COOKIE));
      clearCookie(res, SESSION_COOKIE);
      res.redirect(303, "/admin/login");
    } catch (error) {
      next(error);
    }
  });

  return router;
}
