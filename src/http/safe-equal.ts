import { timingSafeEqual } from "node:crypto";

/** Compares two signatures in constant time (a plain === leaks how many leading characters match). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
