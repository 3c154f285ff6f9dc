import type { Match } from "./store.js";

/** True when every field of `match` equals the document's top-level field (no match → true). */
export function matches(doc: unknown, match?: Match): boolean {
  if (!match) return true;
  const record = doc as Record<string, unknown>;
  return Object.entries(match).every(([key, value]) => record?.[key] === value);
}
