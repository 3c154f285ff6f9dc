/**
 * Errors on console and chat routes: a page in Vietnamese for a browser (with a way back), JSON for scripts.
 * Anything else falls to the app's error handler.
 */
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { HttpError } from "../http/http-error.js";
import { html } from "./views/html.js";
import { page } from "./layout.js";
import type { StaffLocals } from "./auth/console-auth.js";

const TITLES: Record<number, string> = {
  400: "Dữ liệu chưa hợp lệ",
  401: "Chưa đăng nhập",
  403: "Không có quyền",
  404: "Không tìm thấy",
  413: "Nội dung quá lớn",
  429: "Quá nhiều yêu cầu",
};

/** The error handler of the web routes. */
export function webErrors(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error instanceof HttpError ? error.status : typeof error?.status === "number" ? error.status : 500;
    if (status >= 500) logger.error({ err: error, path: req.path }, "web request failed");
    else logger.info({ status, path: req.path, reason: error?.message }, "web request refused");
    const message = status >= 500 ? "Đã có lỗi trong hệ thống. Vui lòng thử lại sau." : status === 413 ? "Nội dung gửi lên quá lớn." : String(error?.message ?? "");
    const accept = req.headers.accept ?? "";
    if (!accept.includes("text/html")) {
      res.status(status).json({ error: message });
      return;
    }
    const locals = res.locals as Partial<StaffLocals>;
    const back = req.method === "GET" ? "/admin" : backPath(req.get("referer"));
    res
      .status(status)
      .type("html")
      .send(
        page({
          title: TITLES[status] ?? "Lỗi",
          user: locals.user,
          csrf: locals.session?.csrf,
          body: html`<section class="card"><h1>${TITLES[status] ?? "Lỗi"}</h1><p class="flash error">${message}</p>
            <p><a class="btn secondary" href="${back}">Quay lại</a></p></section>`,
        }).value,
      );
  };
}

/** The page a form came from, as a local path (a foreign referer leads back to /admin). */
function backPath(referer: string | undefined): string {
  try {
    const url = new URL(referer ?? "", "http://local");
    return url.pathname.startsWith("/admin") || url.pathname.startsWith("/chat") ? url.pathname + url.search : "/admin";
  } catch {
    return "/admin";
  }
}
