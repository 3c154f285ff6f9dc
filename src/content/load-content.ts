/**
 * Load every content pack under a folder at start-up: validate all files, resolve `extends`, check references
 * (office, report routing, accounts), and throw one `ContentError` listing every problem.
 *
 * @example
 * const library = loadContent("content");
 * const pack = library.packForAccount(message.accountId, process.env.CONTENT_PACK ?? "vo-cuong");
 */
import path from "node:path";
import { ContentError, type ContentIssue } from "./content-error.js";
import { createContentPack, type ContentPack } from "./content-pack.js";
import { loadPack, packFile, type RawPack } from "./load-pack.js";
import { fsSource, readYaml, type ContentSource } from "./read-yaml.js";
import { resolveExtends } from "./resolve-extends.js";
import { accountsFileSchema, type AccountMapping } from "./schema/index.js";

// ===  Library  ===

/** All loaded packs and the account → pack mapping. */
export interface ContentLibrary {
  /** The content folder it was loaded from. */
  readonly dir: string;
  /** Every pack by id (updated in place by `reload`). */
  readonly packs: Map<string, ContentPack>;
  /** content/accounts.yaml as loaded. */
  readonly accounts: readonly AccountMapping[];
  /** The pack with this id; throws when there is none. */
  pack(id: string): ContentPack;
  /** The pack that serves an OA or page id, or the `fallback` pack when the account is not mapped. */
  packForAccount(accountId: string, fallback: string): ContentPack;
  /** Read the folder again; on a ContentError the previous content stays in place. */
  reload(): void;
}

/** The validated content of a folder. */
export interface LoadedContent {
  packs: Map<string, ContentPack>;
  accounts: AccountMapping[];
}

// ===  Loading  ===

/**
 * Validate and load everything under `dir` through `source` (the disk by default).
 * Throws `ContentError` with every problem found.
 */
export function readContent(dir: string, source: ContentSource = fsSource): LoadedContent {
  const issues: ContentIssue[] = [];
  const raws = new Map<string, RawPack>();
  const packIds = source.list(dir).filter((name) => !name.startsWith(".") && source.isDir(path.join(dir, name)));
  for (const id of packIds) {
    const raw = loadPack(source, dir, id, issues);
    if (raw) raws.set(id, raw);
  }
  if (packIds.length === 0) issues.push({ file: dir, path: "", message: "No content packs found (expected <pack>/pack.yaml)" });

  const resolved = resolveExtends(raws, issues);
  const packs = new Map<string, ContentPack>();
  for (const pack of resolved.values()) {
    // A broken contacts file (here or in a parent) is already reported; checking references against it would
    // only add noise.
    if (pack.lineage.some((id) => raws.get(id)!.invalid.includes("contacts"))) continue;
    const contactIds = new Set(pack.contacts.map((c) => c.id));
    const known = [...contactIds].join(", ") || "none";
    let ok = true;
    if (!contactIds.has(pack.meta.office)) {
      issues.push({ file: packFile(dir, pack.id, "pack"), path: "office", message: `No contact "${pack.meta.office}" in this pack (known: ${known})` });
      ok = false;
    }
    // Inherited categories were checked in their own pack; the parent's contacts are all visible here.
    raws.get(pack.id)!.reportCategories.forEach((category, i) => {
      if (!contactIds.has(category.unit)) {
        issues.push({ file: packFile(dir, pack.id, "report-categories"), path: `[${i}].unit`, message: `No contact "${category.unit}" in this pack (known: ${known})` });
        ok = false;
      }
    });
    if (ok) packs.set(pack.id, createContentPack(pack));
  }

  const accountsFile = path.join(dir, "accounts.yaml");
  const accounts = readYaml(source, accountsFile, accountsFileSchema, issues, { accounts: [] })?.accounts ?? [];
  accounts.forEach((account, i) => {
    if (!raws.has(account.pack) && packIds.every((id) => id !== account.pack)) {
      issues.push({ file: accountsFile, path: `accounts[${i}].pack`, message: `No pack "${account.pack}" (known: ${packIds.join(", ")})` });
    }
  });

  if (issues.length > 0) throw new ContentError(issues);
  return { packs, accounts };
}

/**
 * Load the content library from `dir` (default "content", relative to the working directory).
 * Synchronous: it runs once at start-up. Throws `ContentError` naming each broken file and field.
 */
export function loadContent(dir = "content"): ContentLibrary {
  let current = readContent(dir);
  const packs = new Map(current.packs);

  const pack = (id: string): ContentPack => {
    const found = packs.get(id);
    if (!found) throw new Error(`Unknown content pack "${id}" (known: ${[...packs.keys()].join(", ")})`);
    return found;
  };

  return {
    dir,
    packs,
    get accounts() {
      return current.accounts;
    },
    pack,
    packForAccount(accountId, fallback) {
      const mapped = current.accounts.find((a) => a.id === accountId);
      return pack(mapped ? mapped.pack : fallback);
    },
    reload() {
      const next = readContent(dir);
      current = next;
      packs.clear();
      for (const [id, p] of next.packs) packs.set(id, p);
    },
  };
}
