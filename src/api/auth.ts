/**
 * Who may call the staff API, and how often. Credentials: `Authorization: Bearer <key>` where the key was made in
 * the console (src/web/auth/api-keys.ts: named, scoped, revocable, stored hashed) or is the deployment-wide
 * STAFF_API_TOKEN. ADMIN_PASSWORD is no API token (docs/staff-api.md, "Migrating").
 *
 * Limits (429 with Retry-After): per address, failed attempts (guessing) and all requests; per key, all requests.
 * A refused attempt is logged with the address and the reason, never with the key.
 *
 * @example router.use(...staffAuth({ keys, envToken: config.STAFF_API_TOKEN, logger }));
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { rateLimit, type Options } from "express-rate-limit";
import type { Logger } from "pino";
import { clientKey } from "../http/client-key.js";
import type { ApiKeys } from "../web/auth/api-keys.js";
import { callerOf, type ApiCaller } from "../shared/api-caller.js";

export { callerOf, type ApiCaller } from "../shared/api-caller.js";

/** The limits (per window of `windowMs`). */
export const API_LIMITS = {
  /** Refused credentials per address: then 429 until the window ends, even for a right key. */
  failuresPerAddress: { windowMs: 15 * 60_000, limit: 10 },
  /** Requests per address, whatever the key. */
  requestsPerAddress: { windowMs: 60_000, limit: 600 },
  /** Requests per key. */
  requestsPerKey: { windowMs: 60_000, limit: 300 },
} as const;

/** Options of {@link staffAuth}. */
export interface StaffAuthOptions {
  keys: ApiKeys;
  /** STAFF_API_TOKEN: a key for every unit, from the environment. */
  envToken?: string;
  logger: Logger;
  /** Another way in, tried first (a console session): return true to let the request through. */
  extraCheck?: (req: Request) => boolean;
  limits?: typeof API_LIMITS;
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first makes both sides the same length, so not even the length leaks.
  return timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());
}

const tooMany: Options["handler"] = (_req, res, _next, options) => {
  res.status(options.statusCode).json({ error: "Too many requests: wait for the time in Retry-After (seconds), then try again" });
};
// X-Forwarded-For is read only as TRUST_PROXY says (src/http/client-key.ts); the library need not warn about it.
const common = { standardHeaders: "draft-7", legacyHeaders: false, handler: tooMany, validate: { xForwardedForHeader: false, trustProxy: false } } as const;

/**
 * The middleware chain guarding every /api route: per-address limits, then the credentials, then the per-key limit.
 * Sets `res.locals.caller` (read with `callerOf`, src/shared/api-caller.ts).
 */
export function staffAuth(options: StaffAuthOptions): RequestHandler[] {
  const limits = options.limits ?? API_LIMITS;
  const envToken = options.envToken || undefined;
  const failures = rateLimit({
    ...common,
    ...limits.failuresPerAddress,
    keyGenerator: clientKey,
    // Only refused credentials count: a caller with a good key who asks for a missing report is not guessing.
    requestWasSuccessful: (_req, res) => res.locals.authRefused !== true,
    skipSuccessfulRequests: true,
  });
  const perAddress = rateLimit({ ...common, ...limits.requestsPerAddress, keyGenerator: clientKey });
  const perKey = rateLimit({ ...common, ...limits.requestsPerKey, keyGenerator: (_req, res) => `key:${callerOf(res).keyId ?? "env"}` });

  const authenticate: RequestHandler = async (req, res, next) => {
    try {
      if (options.extraCheck?.(req)) {
        res.locals.caller = { name: "console" } satisfies ApiCaller;
        return next();
      }
      const refuse = (error: string, reason: string, keyId?: string) => {
        // A request with no key is not a guess; a wrong key is (it counts towards the per-address limit).
        if (reason !== "missing") res.locals.authRefused = true;
        options.logger.warn({ address: clientKey(req), method: req.method, path: req.originalUrl.split("?")[0], reason, keyId }, "staff API: credentials refused");
        res.setHeader("www-authenticate", 'Bearer realm="staff-api"');
        res.status(401).json({ error });
      };
      const header = req.header("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match) return refuse("Missing credentials: send Authorization: Bearer <API key>", "missing");
      const token = match[1];
      if (envToken && sameSecret(token, envToken)) {
        res.locals.caller = { name: "api" } satisfies ApiCaller;
        return next();
      }
      const verdict = await options.keys.verify(token);
      if (!verdict.ok) return refuse(verdict.reason === "revoked" ? "This API key was revoked" : "Invalid API key", verdict.reason, verdict.keyId);
      const { key } = verdict;
      res.locals.caller = {
        name: `api:${key.name}`,
        keyId: key.id,
        scope: key.packId && key.unitId ? { packId: key.packId, unitId: key.unitId } : undefined,
      } satisfies ApiCaller;
      next();
    } catch (error) {
      next(error);
    }
  };
  return [failures, perAddress, authenticate, perKey];
}
