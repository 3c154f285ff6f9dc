/**
 * Middleware of the console: who is signed in (session cookie → account), CSRF checks on every state change, and
 * role gates. Pages read the account with `staffOf(res)`.
 *
 * @example
 * router.use(auth.loadSession);
 * router.get("/admin/reports", auth.requireStaff, handler);
 * router.post("/admin/accounts", auth.requireAdmin, auth.checkCsrf, handler);
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { timingSafeEqual } from "node:crypto";
import { HttpError } from "../../http/http-error.js";
import { readCookie } from "./cookies.js";
import { SESSION_COOKIE, type Session, type Sessions } from "./sessions.js";
import { viewOf, type StaffUsers, type StaffUserView } from "./staff-users.js";

/** What a signed-in request carries (in `res.locals`). */
export interface StaffLocals {
  user: StaffUserView;
  session: Session;
}

/** The signed-in account of a request that passed `requireStaff`. */
export function staffOf(res: Response): StaffUserView {
  const user = (res.locals as Partial<StaffLocals>).user;
  if (!user) throw new HttpError(401, "Chưa đăng nhập");
  return user;
}

/** The session of a request that passed `requireStaff`. */
export function sessionOf(res: Response): Session {
  const session = (res.locals as Partial<StaffLocals>).session;
  if (!session) throw new HttpError(401, "Chưa đăng nhập");
  return session;
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a request wants HTML (a page) rather than JSON (a script). */
function wantsHtml(req: Request): boolean {
  return req.method === "GET" && (req.headers.accept ?? "").includes("text/html");
}

/** Builds the console's auth middleware. */
export function consoleAuth(users: StaffUsers, sessions: Sessions) {
  /** Finds the session and account, if any; never refuses. */
  const loadSession: RequestHandler = async (req, res, next) => {
    try {
      const session = await sessions.find(readCookie(req, SESSION_COOKIE));
      if (session) {
        const user = await users.get(session.username);
        if (user && !user.disabled) Object.assign(res.locals, { user: viewOf(user), session } satisfies StaffLocals);
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  /** Refuses without a session: a page goes to the sign-in form, a script gets 401. */
  const requireStaff: RequestHandler = (req, res, next) => {
    if ((res.locals as Partial<StaffLocals>).user) return next();
    if (wantsHtml(req)) return res.redirect(303, `/admin/login?next=${encodeURIComponent(req.originalUrl)}`);
    next(new HttpError(401, "Chưa đăng nhập"));
  };

  /** Admins only (after requireStaff). */
  const requireAdmin: RequestHandler = (req, res, next) => {
    requireStaff(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (staffOf(res).role !== "admin") return next(new HttpError(403, "Chỉ quản trị viên được dùng chức năng này"));
      next();
    });
  };

  /** Every POST/PUT/PATCH/DELETE must carry the session's CSRF token (form field `_csrf` or header `x-csrf-token`). */
  const checkCsrf: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    const session = (res.locals as Partial<StaffLocals>).session;
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.header("x-csrf-token");
    if (!session || !sameSecret(typeof sent === "string" ? sent : undefined, session.csrf)) {
      return next(new HttpError(403, "Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang và thử lại."));
    }
    next();
  };

  return { loadSession, requireStaff, requireAdmin, checkCsrf };
}

/** The console's auth middleware set. */
export type ConsoleAuth = ReturnType<typeof consoleAuth>;
