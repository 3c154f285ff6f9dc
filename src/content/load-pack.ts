/**
 * Read one pack folder (pack.yaml, the list files, plans/*.yaml) as written, before `extends` is resolved.
 *
 * @example
 * const issues: ContentIssue[] = [];
 * const raw = loadPack(fsSource, "content", "vo-cuong", issues); // undefined if pack.yaml is unusable
 */
import path from "node:path";
import type { ContentIssue } from "./content-error.js";
import { readYaml, type ContentSource } from "./read-yaml.js";
import {
  packFileSchemas,
  packMetaSchema,
  planFileSchema,
  type ClassEntry,
  type Contact,
  type Festival,
  type HeritageItem,
  type PackMeta,
  type PlanFile,
  type ReportCategory,
} from "./schema/index.js";

// ===  Raw pack  ===

/** A pack as its own files say, without what it inherits. */
export interface RawPack {
  id: string;
  /** The pack folder, e.g. "content/vo-cuong". */
  dir: string;
  meta: PackMeta;
  festivals: Festival[];
  heritage: HeritageItem[];
  classes: ClassEntry[];
  contacts: Contact[];
  reportCategories: ReportCategory[];
  plans: PlanFile[];
  /** List files that failed validation (their items load as empty): checks that depend on them are skipped. */
  invalid: string[];
}

/** The file of a pack list, e.g. packFile("content", "vo-cuong", "festivals") → "content/vo-cuong/festivals.yaml". */
export function packFile(dir: string, packId: string, name: string): string {
  return path.join(dir, packId, `${name}.yaml`);
}

// ===  Loading  ===

/**
 * Read and validate the files of `content/<packId>/`. Missing list files count as empty; a missing or
 * invalid pack.yaml makes the pack unusable (undefined). Problems are appended to `issues`.
 */
export function loadPack(source: ContentSource, dir: string, packId: string, issues: ContentIssue[]): RawPack | undefined {
  const metaFile = packFile(dir, packId, "pack");
  const meta = readYaml(source, metaFile, packMetaSchema, issues, undefined);
  if (meta && meta.id !== packId) {
    issues.push({ file: metaFile, path: "id", message: `Must be "${packId}", the name of the pack's folder` });
  }
  const invalid: string[] = [];
  const list = <K extends keyof typeof packFileSchemas>(name: K) => {
    const items = readYaml(source, packFile(dir, packId, name), packFileSchemas[name], issues, []);
    if (!items) invalid.push(name);
    return items ?? [];
  };

  const festivals = list("festivals") as Festival[];
  const heritage = list("heritage") as HeritageItem[];
  const classes = list("classes") as ClassEntry[];
  const contacts = list("contacts") as Contact[];
  const reportCategories = list("report-categories") as ReportCategory[];
  const plans = loadPlans(source, path.join(dir, packId, "plans"), issues);
  if (!meta) return undefined;
  return { id: packId, dir: path.join(dir, packId), meta, festivals, heritage, classes, contacts, reportCategories, plans, invalid };
}

/** Every plans/*.yaml of a pack, sorted by file name; plan ids must be unique within the pack. */
function loadPlans(source: ContentSource, plansDir: string, issues: ContentIssue[]): PlanFile[] {
  const plans: PlanFile[] = [];
  const seen = new Map<string, string>();
  for (const name of source.list(plansDir).filter((n) => /\.ya?ml$/.test(n))) {
    const file = path.join(plansDir, name);
    const plan = readYaml(source, file, planFileSchema, issues, undefined);
    if (!plan) continue;
    const other = seen.get(plan.plan.id);
    if (other) issues.push({ file, path: "plan.id", message: `Duplicate plan id "${plan.plan.id}" (also in ${other})` });
    else seen.set(plan.plan.id, file);
    plans.push(plan);
  }
  return plans;
}
