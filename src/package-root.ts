import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding package.json (the repository root): where intents/, content/ and the files under src/ that
 * are not code (web static files, SQL migrations) are found. Found by walking up from this module, because the
 * module may run from src/ (tsx, tests) or from the bundle in dist/ (`npm start`), at different depths.
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository, e.g. `fromPackageRoot("intents")`. */
export const fromPackageRoot = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
