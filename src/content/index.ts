/**
 * Content packs: festivals, heritage, classes, contacts, report categories and plans per locality, validated
 * at start-up. See docs/content-format.md for the file format.
 *
 * @example
 * import { loadContent } from "./content/index.js";
 * const library = loadContent();                       // throws ContentError naming file and field
 * const pack = library.packForAccount(oaId, "vo-cuong");
 * pack.festival("hoi-lim")?.date;                      // { calendar: "lunar", month: 1, day: 12, days: 2, mainDay: 13 }
 */
export { ContentError, formatIssue, type ContentIssue } from "./content-error.js";
export { createContentPack, type CatalogEntry, type CatalogKind, type ContentPack } from "./content-pack.js";
export { loadContent, readContent, type ContentLibrary, type LoadedContent } from "./load-content.js";
export { loadPack, packFile, type RawPack } from "./load-pack.js";
export { fsSource, readYaml, validate, type ContentSource } from "./read-yaml.js";
export { mergeById, resolveExtends, type ResolvedPack } from "./resolve-extends.js";
export { writePackFile, type PackFileItems, type WritablePackFile } from "./write-pack-file.js";
export * from "./schema/index.js";
