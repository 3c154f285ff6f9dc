import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";

/** Options of {@link staffAuth}. */
export interface StaffAuthOptions {
  /** Accepted bearer tokens (STAFF_API_TOKEN, ADMIN_PASSWORD); unset ones are ignored. */
  tokens: readonly (string | undefined)[];
  /**
   * Another way in, tried first (the console's cookie session, added later): return true to let the
   * request through. It may set `res.locals.staff` to the staff member's name.
   */
  extraCheck?: (req: Request) => boolean;
}

/** Compares in constant time; hashing first makes both sides the same length, so not even the length leaks. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * One middleware guarding every /api route: `Authorization: Bearer <token>` where the token is one of
 * `tokens`, compared in constant time. With no token configured the API is off: every request gets 401
 * saying so. Sets `res.locals.staff` ("api" for a token) for the history of status changes.
 *
 * @example router.use(staffAuth({ tokens: [config.STAFF_API_TOKEN, config.ADMIN_PASSWORD] }));
 */
export function staffAuth(options: StaffAuthOptions): RequestHandler {
  const tokens = options.tokens.filter((token): token is string => typeof token === "string" && token.length > 0);
  return function staffAuthMiddleware(req, res, next) {
    if (options.extraCheck?.(req)) {
      res.locals.staff ??= "console";
      return next();
    }
    const refuse = (error: string) => {
      res.setHeader("www-authenticate", 'Bearer realm="staff-api"');
      res.status(401).json({ error });
    };
    if (tokens.length === 0) return refuse("The staff API is off: set STAFF_API_TOKEN or ADMIN_PASSWORD on the server");
    const header = req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) return refuse("Missing credentials: send Authorization: Bearer <token>");
    // Check every token (no early exit), so timing does not tell which one nearly matched.
    let ok = false;
    for (const token of tokens) ok = sameSecret(match[1], token) || ok;
    if (!ok) return refuse("Invalid token");
    res.locals.staff = "api";
    next();
  };
}
