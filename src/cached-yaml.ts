import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import YAML from "yaml";
import { cacheKey, readCache, writeCache } from "./build-cache.js";

/**
 * YAML text parsed once per content: the data of a file parsed before is read back as JSON from the build cache
 * (src/build-cache.ts), ~10× faster than parsing the YAML — content, intents and the plan vocabulary are ~80 files
 * read at every start-up. Data JSON cannot hold exactly (a date, .inf, a map with non-string keys) is never cached.
 *
 * @example const data = parseYamlCached(readFileSync(file, "utf8")); // what YAML.parse gives, or errors
 */

/** The YAML library's version is part of the key: another parser may read a text differently. */
const PARSER = `yaml@${(createRequire(import.meta.url)("yaml/package.json") as { version: string }).version}`;

/** The data of a YAML text (`doc.toJS()`), or its syntax errors when it has some (never cached). */
export function parseYamlCached(text: string, options?: YAML.ParseOptions & YAML.DocumentOptions): { data: unknown; errors?: undefined } | { data?: undefined; errors: YAML.YAMLError[] } {
  const key = cacheKey(PARSER, text);
  const stored = readCache("yaml", key);
  if (stored) {
    try {
      return { data: JSON.parse(stored.toString("utf8")) as unknown };
    } catch {
      // A corrupt entry: parsed again below, and written anew.
    }
  }
  const doc = YAML.parseDocument(text, options);
  if (doc.errors.length > 0) return { errors: doc.errors };
  const data: unknown = doc.toJS();
  const json = JSON.stringify(data);
  if (json !== undefined && isDeepStrictEqual(JSON.parse(json), data)) writeCache("yaml", key, json);
  return { data };
}

/** `YAML.parse(text)` for files that must be valid (intents, vocabulary): throws on a syntax error. */
export function parseYaml(text: string): unknown {
  const result = parseYamlCached(text);
  if (result.errors) throw result.errors[0];
  return result.data;
}
