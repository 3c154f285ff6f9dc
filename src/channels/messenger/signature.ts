import { createHmac, webcrypto } from "node:crypto";
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

/** The app secret as a Web Crypto HMAC key, made once per secret. */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

/**
 * {@link verifyMessengerSignature} with the HMAC computed off the event loop (Web Crypto runs it on libuv's thread
 * pool), for large bodies.
 */
export async function verifyMessengerSignatureOffThread(header: string | undefined, rawBody: Uint8Array, appSecret: string): Promise<boolean> {
  if (!header) return false;
  let key = keys.get(appSecret);
  if (!key) keys.set(appSecret, (key = webcrypto.subtle.importKey("raw", Buffer.from(appSecret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])));
  const mac = Buffer.from(await webcrypto.subtle.sign("HMAC", await key, rawBody)).toString("hex");
  return safeEqual(header.trim(), `sha256=${mac}`);
}
