import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromPackageRoot } from "./package-root.js";

/**
 * What start-up works out from files that rarely change — parsed YAML, the trained intent classifier — kept in
 * .cache/ at the package root (gitignored), each entry named by a hash of everything it was made from, so a changed
 * file or a changed trainer is a new entry, never a stale one. Only a speed-up: a missing, unreadable or corrupt
 * entry is made again, and a folder that cannot be written (a read-only image) is simply not used. Deleting .cache/
 * is always safe.
 *
 * @example
 * const key = cacheKey("v1", text);
 * const data = readCache("yaml", key) ?? (() => { const made = …; writeCache("yaml", key, made); return made; })();
 */

const ROOT = fromPackageRoot(".cache");

/** The cache's folder (exported for tests). */
export const BUILD_CACHE_DIR = ROOT;

/** A hex key for the parts (strings, or bytes), in order. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex").slice(0, 40);
}

/** The entry's bytes, or undefined when there is none (or it cannot be read). */
export function readCache(kind: string, key: string): Buffer | undefined {
  try {
    return readFileSync(join(ROOT, kind, key));
  } catch {
    return undefined;
  }
}

/**
 * Stores an entry (written to a temporary file, then renamed: a reader never sees half of one); failures are ignored.
 * At `maxEntries` of a kind, stale ones have piled up (content edited, training sets of an evaluation's folds): the
 * kind's folder is emptied first.
 */
export function writeCache(kind: string, key: string, data: string | Uint8Array, maxEntries = 2000): void {
  const dir = join(ROOT, kind);
  try {
    mkdirSync(dir, { recursive: true });
    if (readdirSync(dir).length >= maxEntries) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    }
    const temporary = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, data);
    renameSync(temporary, join(dir, key));
  } catch {
    // Read-only or full: start-up works it out each time, as without a cache.
  }
}
