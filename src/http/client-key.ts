/**
 * The address a rate limit (or the sign-in back-off) counts by: `req.ip`, which Express works out from the
 * TRUST_PROXY setting (src/server.ts). With TRUST_PROXY off (the default) that is the socket's address and
 * X-Forwarded-For is ignored — a header any client can write. Behind N proxies, the hop the nearest proxy added.
 * IPv6 addresses count by /56, so one host cannot rotate through its own addresses.
 *
 * @example rateLimit({ keyGenerator: clientKey })
 */
import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";

/** The rate-limit key of a request. */
export function clientKey(req: Request): string {
  const address = req.ip ?? req.socket.remoteAddress ?? "unknown";
  return ipKeyGenerator(address.replace(/^::ffff:/, ""));
}
