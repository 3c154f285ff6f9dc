/**
 * The one error content loading throws: every problem found, each naming the file and the field.
 *
 * @example
 * try { loadContent("content") } catch (e) {
 *   if (e instanceof ContentError) console.error(e.message);
 *   // content/vo-cuong/festivals.yaml: [2].date.month: Number must be ≤ 12
 * }
 */
import type { z } from "zod";

// ===  Issues  ===

/** One problem: which file, which field (e.g. "[2].date.month", "" for the whole file), and what is wrong. */
export interface ContentIssue {
  file: string;
  path: string;
  message: string;
}

/** Render a field path the way a person reads YAML: `[2].date.month`, `plan.title.vi`, `sections[3].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turn a zod error into issues for one file; an unknown key gets its own name in the path. */
export function issuesFromZod(file: string, error: z.ZodError): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({ file, path: formatPath([...issue.path, key]), message: "Unknown field (a typo?)" });
      }
    } else {
      issues.push({ file, path: formatPath(issue.path), message: issue.message });
    }
  }
  return issues;
}

/** One issue as a line: `file: path: message` (the path is left out when the whole file is at fault). */
export function formatIssue(issue: ContentIssue): string {
  return issue.path ? `${issue.file}: ${issue.path}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}

// ===  Error  ===

/** Content failed validation; `issues` lists every problem, `message` has one line per issue. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    const lines = issues.map(formatIssue);
    super(issues.length === 1 ? lines[0] : `${issues.length} content problems:\n${lines.join("\n")}`);
    this.name = "ContentError";
    this.issues = issues;
  }
}
