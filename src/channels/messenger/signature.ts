import { createHmac } from "node:crypto";
import { safeEqual } from "../../http/safe-equal.js";

/**
 * Messenger's webhook signature: X-Hub-Signature-256 = "sha256=" + hmac_sha256_hex(app secret, raw body bytes).
 *
 * @example messengerSignature(rawBytes, appSecret) // "sha256=9b2c…"
 */
export function messengerSignature(rawBody: Uint8Array | string, appSecret: string): string {
  return "sha256=" + createHmac("sha256", appSecret).update(rawBody).digest("hex");
}

/** True when the header matches the raw body, compared in constant time. */
export function verifyMessengerSignature(header: string | undefined, rawBody: Uint8Array | string, appSecret: string): boolean {
  return !!header && safeEqual(header.trim(), messengerSignature(rawBody, appSecret));
}
