/**
 * The address a rate limit counts by. The app trusts proxies (`trust proxy`), which makes `req.ip` the left-most
 * X-Forwarded-For entry — a value any client can write. The right-most entry is the one the nearest proxy added,
 * so it is used when present (one reverse proxy in front, the documented set-up), else the socket's address.
 * IPv6 addresses count by /56, so one host cannot rotate through its own addresses.
 *
 * @example rateLimit({ keyGenerator: clientKey })
 */
import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";

/** The rate-limit key of a request. */
export function clientKey(req: Request): string {
  const forwarded = req.headers["x-forwarded-for"];
  const chain = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  const address = chain.at(-1) ?? req.socket.remoteAddress ?? "unknown";
  return ipKeyGenerator(address.replace(/^::ffff:/, ""));
}
