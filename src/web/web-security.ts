/**
 * Security headers for the console and the chat, on top of helmet's (applied app-wide in src/server.ts):
 * a CSP without `upgrade-insecure-requests` (a ward office may serve the console over plain http on its LAN, where
 * upgrading the page's own scripts to https would break it), images from https allowed (reporters' evidence is on
 * the channels' CDNs), nothing inline, and no caching of signed-in pages.
 */
import type { RequestHandler } from "express";

/** The Content-Security-Policy of console and chat pages. */
export const WEB_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
].join("; ");

/** Sets the CSP (replacing helmet's) and, for /admin, `Cache-Control: no-store`. */
export const webHeaders: RequestHandler = (req, res, next) => {
  res.setHeader("Content-Security-Policy", WEB_CSP);
  if (req.path.startsWith("/admin") && !req.path.startsWith("/admin/static")) res.setHeader("Cache-Control", "no-store");
  next();
};
