import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Zalo's webhook signature: X-ZEvent-Signature = "mac=" + sha256hex(app_id + body + timestamp + OA secret key),
 * over the exact bytes received (app_id and timestamp are read from the body).
 *
 * @example signEvent("3605…", rawBytes, "1764040000000", secretKey) // "mac=5f1c…"
 */
export function signEvent(appId: string, body: Uint8Array | string, timestamp: string, secretKey: string): string {
  return "mac=" + createHash("sha256").update(appId).update(body).update(timestamp).update(secretKey).digest("hex");
}

/** True when `header` is the signature of the body, compared in constant time. */
export function verifySignature(header: string | undefined, body: Uint8Array | string, appId: string, timestamp: string, secretKey: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(signEvent(appId, body, timestamp, secretKey));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
