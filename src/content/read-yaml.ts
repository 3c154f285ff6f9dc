/**
 * Read one YAML content file and validate it, collecting issues instead of throwing, so a start-up reports
 * every broken file at once.
 *
 * @example
 * const issues: ContentIssue[] = [];
 * const festivals = readYaml(fsSource, "content/vo-cuong/festivals.yaml", festivalsFileSchema, issues, []);
 */
import fs from "node:fs";
import type { z } from "zod";
import { parseYamlCached } from "../cached-yaml.js";
import { dropNulls } from "./schema/common.js";
import { issuesFromZod, type ContentIssue } from "./content-error.js";

// ===  Sources  ===

/**
 * Where file text comes from. The real one reads the disk; a save checks a new version of one file by
 * answering that path from memory, before anything is written.
 */
export interface ContentSource {
  /** The file's text, or undefined when it does not exist. */
  read(file: string): string | undefined;
  /** Names in a folder (empty when the folder does not exist). */
  list(dir: string): string[];
  /** Whether a path is a folder. */
  isDir(path: string): boolean;
}

/** The file system as a content source. */
export const fsSource: ContentSource = {
  read(file) {
    try {
      return fs.readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  },
  list(dir) {
    try {
      return fs.readdirSync(dir).sort();
    } catch {
      return [];
    }
  },
  isDir(path) {
    try {
      return fs.statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};

// ===  Reading  ===

/**
 * Parse and validate `file`. A missing file yields `missing` (use `undefined` to make it an error);
 * YAML syntax errors and schema errors are appended to `issues` and yield `undefined`.
 */
export function readYaml<S extends z.ZodType>(
  source: ContentSource,
  file: string,
  schema: S,
  issues: ContentIssue[],
  missing: z.output<S> | undefined,
): z.output<S> | undefined {
  const text = source.read(file);
  if (text === undefined) {
    if (missing === undefined) issues.push({ file, path: "", message: "File is missing" });
    return missing;
  }
  const parsed = parseYamlCached(text, { prettyErrors: true });
  if (parsed.errors) {
    for (const e of parsed.errors) {
      const at = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : "";
      // The pretty message repeats the position and adds a code excerpt: keep the reason only.
      const reason = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      issues.push({ file, path: "", message: `YAML syntax: ${at}${reason}` });
    }
    return undefined;
  }
  const data = parsed.data;
  // An empty list file is an empty list, like a missing one.
  if (data == null && missing !== undefined) return missing;
  return validate(file, data, schema, issues);
}

/** Validate already-parsed data (nulls in maps mean "not known" and are dropped first). */
export function validate<S extends z.ZodType>(
  file: string,
  data: unknown,
  schema: S,
  issues: ContentIssue[],
): z.output<S> | undefined {
  const result = schema.safeParse(dropNulls(data));
  if (result.success) return result.data;
  issues.push(...issuesFromZod(file, result.error));
  return undefined;
}
