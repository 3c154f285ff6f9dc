/**
 * Reading and writing cookies without a parser package: the console needs only a few of its own.
 *
 * @example readCookie(req, "tlvh_sid"); setCookie(res, "tlvh_sid", token, { maxAgeS: 3600, secure: req.secure });
 */
import type { Request, Response } from "express";

/** The value of one cookie of the request, or undefined. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface CookieOptions {
  maxAgeS?: number;
  /** Only over HTTPS (set when the request came over HTTPS, directly or through the proxy). */
  secure?: boolean;
  path?: string;
  /** Readable by the page's script (the web chat's id is not: it stays httpOnly too). */
  httpOnly?: boolean;
  sameSite?: "Lax" | "Strict";
}

/** Appends a Set-Cookie header; httpOnly and SameSite=Lax unless told otherwise. */
export function setCookie(res: Response, name: string, value: string, options: CookieOptions = {}): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? "/"}`, `SameSite=${options.sameSite ?? "Lax"}`];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  if (options.maxAgeS !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAgeS)}`);
  res.append("Set-Cookie", parts.join("; "));
}

/** Removes a cookie. */
export function clearCookie(res: Response, name: string, path = "/"): void {
  res.append("Set-Cookie", `${name}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax`);
}
