/**
 * Resolve `extends`: a pack sees its own festivals, heritage, contacts and report categories, then its
 * parent's (recursively) except those whose id it redefines. Classes and plans are a pack's own.
 *
 * @example
 * // bac-ninh has hoi-lim; vo-cuong extends bac-ninh and has cho-am-duong:
 * resolveExtends(raws, issues).get("vo-cuong")!.festivals.map((f) => f.id) // ["cho-am-duong", …, "hoi-lim", …]
 */
import type { ContentIssue } from "./content-error.js";
import type { RawPack } from "./load-pack.js";
import { packFile } from "./load-pack.js";
import path from "node:path";

// ===  Resolved pack  ===

/** The inheritable lists of a pack. */
export const inheritedKinds = ["festivals", "heritage", "contacts", "reportCategories"] as const;

/** A pack with what it inherits merged in; `lineage` is the pack, then its parent, grandparent… */
export interface ResolvedPack extends RawPack {
  lineage: string[];
}

// ===  Merging  ===

/** Own items first (local answers first), then inherited items whose id the pack does not redefine. */
export function mergeById<T extends { id: string }>(own: readonly T[], inherited: readonly T[]): T[] {
  const ids = new Set(own.map((item) => item.id));
  return [...own, ...inherited.filter((item) => !ids.has(item.id))];
}

/**
 * Resolve every pack. An unknown parent or a cycle (a → b → a) is reported on the pack.yaml that names it;
 * such a pack is left out of the result.
 */
export function resolveExtends(raws: ReadonlyMap<string, RawPack>, issues: ContentIssue[]): Map<string, ResolvedPack> {
  const resolved = new Map<string, ResolvedPack>();
  const failed = new Set<string>();

  const resolve = (id: string, chain: string[]): ResolvedPack | undefined => {
    const done = resolved.get(id);
    if (done) return done;
    if (failed.has(id)) return undefined;
    const raw = raws.get(id)!;
    const metaFile = packFile(path.dirname(raw.dir), id, "pack");
    const parentId = raw.meta.extends;
    if (!parentId) {
      const pack = { ...raw, lineage: [id] };
      resolved.set(id, pack);
      return pack;
    }
    if (chain.includes(parentId)) {
      issues.push({ file: metaFile, path: "extends", message: `Cycle: ${[...chain, id, parentId].slice(chain.indexOf(parentId)).join(" → ")}` });
      failed.add(id);
      return undefined;
    }
    if (!raws.has(parentId)) {
      issues.push({ file: metaFile, path: "extends", message: `No pack "${parentId}" (known: ${[...raws.keys()].join(", ")})` });
      failed.add(id);
      return undefined;
    }
    const parent = resolve(parentId, [...chain, id]);
    if (!parent) {
      failed.add(id);
      return undefined;
    }
    const pack: ResolvedPack = { ...raw, lineage: [id, ...parent.lineage] };
    for (const kind of inheritedKinds) {
      (pack[kind] as { id: string }[]) = mergeById<{ id: string }>(raw[kind], parent[kind]);
    }
    resolved.set(id, pack);
    return pack;
  };

  for (const id of raws.keys()) resolve(id, []);
  return resolved;
}
