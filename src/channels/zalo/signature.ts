import { createHash } from "node:crypto";
import { safeEqual } from "../../http/safe-equal.js";

/**
 * Zalo's webhook signature: X-ZEvent-Signature = "mac=" + sha256hex(app_id + rawBody + timestamp + OA secret key),
 * with app_id and timestamp read from the body.
 *
 * @example zaloSignature("3605…", raw, "1764040000000", secret) // "mac=5f1c…"
 */
export function zaloSignature(appId: string, rawBody: string, timestamp: string, secretKey: string): string {
  return "mac=" + createHash("sha256").update(appId + rawBody + timestamp + secretKey).digest("hex");
}

/** True when the header matches the body (constant-time). */
export function verifyZaloSignature(header: string | undefined, rawBody: string, body: { app_id?: unknown; timestamp?: unknown }, secretKey: string): boolean {
  if (!header || typeof body.app_id !== "string" || (typeof body.timestamp !== "string" && typeof body.timestamp !== "number")) return false;
  return safeEqual(header.trim(), zaloSignature(body.app_id, rawBody, String(body.timestamp), secretKey));
}
