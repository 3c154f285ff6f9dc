import { createHash, timingSafeEqual, webcrypto } from "node:crypto";

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

/**
 * {@link verifySignature} with the hash computed off the event loop (Web Crypto's digest runs on libuv's thread
 * pool): for large bodies, whose SHA-256 would otherwise hold the main thread for a millisecond or more per megabyte.
 */
export async function verifySignatureOffThread(header: string | undefined, body: Uint8Array, appId: string, timestamp: string, secretKey: string): Promise<boolean> {
  if (!header) return false;
  const data = Buffer.concat([Buffer.from(appId), body, Buffer.from(timestamp), Buffer.from(secretKey)]);
  const expected = Buffer.from(`mac=${Buffer.from(await webcrypto.subtle.digest("SHA-256", data)).toString("hex")}`);
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
