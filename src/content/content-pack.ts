/**
 * A loaded content pack: the data of one locality plus lookups by id and the name catalog the
 * understanding layer matches against.
 *
 * @example
 * const pack = library.pack("vo-cuong");
 * pack.festival("hoi-lim")?.date            // inherited from bac-ninh
 * pack.catalog().find((e) => e.names.includes("cho am duong"))
 */
import type { ResolvedPack } from "./resolve-extends.js";
import type { ClassEntry, Contact, Festival, HeritageItem, PackMeta, PlanFile, ReportCategory, Text } from "./schema/index.js";

// ===  Types  ===

/** What a catalog entry names. */
export type CatalogKind = "festival" | "heritage" | "class" | "contact";

/** One nameable thing: its id, kind, and every name a person may use (vi, en, zh, ko, aliases). */
export interface CatalogEntry {
  id: string;
  kind: CatalogKind;
  names: string[];
}

/** One locality's content, with inherited items merged in. */
export interface ContentPack {
  id: string;
  names: Text;
  province: Text;
  /** The contact that answers for the bot ("gặp cán bộ"). */
  office: Contact;
  /** The parent pack id, if any. */
  extends?: string;
  /** This pack's id, then its parent's, and so on. */
  lineage: readonly string[];
  meta: PackMeta;
  festivals: readonly Festival[];
  heritage: readonly HeritageItem[];
  classes: readonly ClassEntry[];
  contacts: readonly Contact[];
  reportCategories: readonly ReportCategory[];
  plans: readonly PlanFile[];
  festival(id: string): Festival | undefined;
  heritageItem(id: string): HeritageItem | undefined;
  class(id: string): ClassEntry | undefined;
  contact(id: string): Contact | undefined;
  category(id: string): ReportCategory | undefined;
  /** Festivals, heritage, classes and contacts with all their names, for matching what a person wrote. */
  catalog(): readonly CatalogEntry[];
}

// ===  Building  ===

function index<T extends { id: string }>(items: readonly T[]): (id: string) => T | undefined {
  const byId = new Map(items.map((item) => [item.id, item]));
  return (id) => byId.get(id);
}

function namesOf(text: Text, aliases: readonly string[]): string[] {
  const translated = [text.en, text.zh, text.ko].filter((name): name is string => name !== undefined);
  return [...new Set([text.vi, ...translated, ...aliases])];
}

/** Build the pack object; the office contact must exist (the loader checks it first). */
export function createContentPack(resolved: ResolvedPack): ContentPack {
  const contact = index(resolved.contacts);
  const office = contact(resolved.meta.office);
  if (!office) throw new Error(`Pack "${resolved.id}": office "${resolved.meta.office}" is not a contact`);
  let catalog: CatalogEntry[] | undefined;
  return {
    id: resolved.id,
    names: resolved.meta.names,
    province: resolved.meta.province,
    office,
    extends: resolved.meta.extends,
    lineage: resolved.lineage,
    meta: resolved.meta,
    festivals: resolved.festivals,
    heritage: resolved.heritage,
    classes: resolved.classes,
    contacts: resolved.contacts,
    reportCategories: resolved.reportCategories,
    plans: resolved.plans,
    festival: index(resolved.festivals),
    heritageItem: index(resolved.heritage),
    class: index(resolved.classes),
    contact,
    category: index(resolved.reportCategories),
    catalog() {
      catalog ??= [
        ...resolved.festivals.map((f) => ({ id: f.id, kind: "festival" as const, names: namesOf(f.names, f.aliases) })),
        ...resolved.heritage.map((h) => ({ id: h.id, kind: "heritage" as const, names: namesOf(h.names, h.aliases) })),
        ...resolved.classes.map((c) => ({ id: c.id, kind: "class" as const, names: namesOf(c.title, c.aliases) })),
        ...resolved.contacts.map((c) => ({ id: c.id, kind: "contact" as const, names: namesOf(c.names, c.aliases) })),
      ];
      return catalog;
    },
  };
}
