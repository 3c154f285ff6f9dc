/**
 * One-line messages after a save ("Đã lưu…"), carried to the next page in a short-lived cookie (not the query string,
 * so a crafted link cannot put words on a console page).
 *
 * @example redirectWithFlash(res, "/admin/accounts", "Đã tạo tài khoản lan."); … page({ flash: flashFrom(req, res) })
 */
import type { Request, Response } from "express";
import { clearCookie, readCookie, setCookie } from "./auth/cookies.js";

const FLASH_COOKIE = "tlvh_flash";

/** Redirects (303) to `path` with a message to show there. */
export function redirectWithFlash(res: Response, path: string, text: string, kind: "ok" | "error" = "ok"): void {
  setCookie(res, FLASH_COOKIE, `${kind}:${text.slice(0, 300)}`, { path: "/admin", maxAgeS: 60, secure: res.req.secure });
  res.redirect(303, path);
}

/** The message a redirect carried, if any (shown once). */
export function flashFrom(req: Request, res: Response): { kind: "ok" | "error"; text: string } | undefined {
  const value = readCookie(req, FLASH_COOKIE);
  if (!value) return undefined;
  clearCookie(res, FLASH_COOKIE, "/admin");
  const kind = value.startsWith("error:") ? "error" : "ok";
  return { kind, text: value.slice(kind.length + 1) };
}
