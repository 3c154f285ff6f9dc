/**
 * Staff passwords: scrypt (a deliberately slow, memory-hard hash from node:crypto) with a random salt per
 * password, stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
 *
 * @example
 * const stored = await hashPassword("mật khẩu dài");
 * await verifyPassword("mật khẩu dài", stored); // true
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Hashes a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a password against a stored hash, in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The minimum a new password must meet (said to staff in Vietnamese). */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10) return "Mật khẩu cần ít nhất 10 ký tự.";
  return undefined;
}
