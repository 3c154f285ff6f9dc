/**
 * A tiny, tolerant reader of the content catalogue for the NLU scripts: content/*\/{festivals,heritage,classes,
 * contacts}.yaml → CatalogEntry[] (id, names.vi, names.en, title.vi/en, aliases). Missing folders or files are
 * skipped. It will be replaced by the content loader (src/content) later.
 *
 * @example loadCatalog("content") // [{ id: "hoi-lim", kind: "festival", names: ["Hội Lim", "Lim Festival", "hoi lim", ...] }, ...]
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { CatalogEntry } from "../../src/nlu/index.js";

const FILES = { festivals: "festival", heritage: "heritage", classes: "class", contacts: "contact" } as const;

type Text = { vi?: unknown; en?: unknown } | undefined;

/** Read every pack's catalogue files; an item seen in several packs (inheritance) keeps all its names once. */
export function loadCatalog(contentDir = "content"): CatalogEntry[] {
  const byKey = new Map<string, CatalogEntry>();
  if (!existsSync(contentDir)) return [];
  for (const pack of readdirSync(contentDir, { withFileTypes: true })) {
    if (!pack.isDirectory()) continue;
    for (const [file, kind] of Object.entries(FILES)) {
      const path = join(contentDir, pack.name, `${file}.yaml`);
      if (!existsSync(path)) continue;
      let items: unknown;
      try {
        items = parse(readFileSync(path, "utf8"));
      } catch {
        continue; // a teammate's half-written file must not stop the NLU tools
      }
      if (!Array.isArray(items)) continue;
      for (const item of items as Array<{ id?: unknown; names?: Text; title?: Text; aliases?: unknown }>) {
        if (typeof item?.id !== "string") continue;
        const names = [item.names?.vi, item.names?.en, item.title?.vi, item.title?.en, ...(Array.isArray(item.aliases) ? item.aliases : [])]
          .filter((name): name is string => typeof name === "string" && name.trim() !== "");
        const key = `${kind}:${item.id}`;
        const entry = byKey.get(key) ?? { id: item.id, kind, names: [] };
        for (const name of names) if (!entry.names.includes(name)) entry.names.push(name);
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.values()];
}
