import type { Match } from "./store.js";

/** True when every field of `match` equals the document's top-level field (no match → true). */
export function matches(doc: unknown, match?: Match): boolean {
  if (!match) return true;
  const record = doc as Record<string, unknown>;
  return Object.entries(match).every(([key, value]) => record?.[key] === value);
}

/**
 * The fields of a filter that are set, as a store match: `{ status: "open", packId: undefined }` → `{ status: "open" }`
 * (an unset field matches anything).
 *
 * @example collection.find(matchOf(filter, ["status", "packId"]))
 */
export function matchOf<F extends object>(filter: F, keys: readonly (keyof F & string)[]): Match {
  const match: Match = {};
  for (const key of keys) {
    const value = filter[key];
    if (typeof value === "string" && value !== "") match[key] = value;
  }
  return match;
}
