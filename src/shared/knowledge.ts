import type { ContentLibrary, ContentPack } from "../content/index.js";
import { createUnderstander, type CatalogEntry, type Understander } from "../nlu/index.js";

/**
 * The content library and what is built from it: the understander knows every pack's names. (The plan
 * index is the answers feature's: src/features/answers/plans/plans-of.ts rebuilds it when `version` changes.)
 * When staff edit content (console), `reload()` rereads the files and rebuilds the derived parts,
 * so answers change without a restart.
 *
 * @example const knowledge = new Knowledge(loadContent("content"), "vo-cuong");
 */
export class Knowledge {
  #understander!: Understander;
  #version = 0;
  #listeners: (() => void)[] = [];

  constructor(
    readonly content: ContentLibrary,
    readonly defaultPack: string,
  ) {
    this.content.pack(defaultPack); // fails start-up with a clear message if CONTENT_PACK is unknown
    this.#rebuild();
  }

  get understander(): Understander {
    return this.#understander;
  }

  /** Bumped on every reload: caches keyed by it stay fresh. */
  get version(): number {
    return this.#version;
  }

  /** The pack serving an OA / page id. */
  packFor(accountId: string): ContentPack {
    return this.content.packForAccount(accountId, this.defaultPack);
  }

  /** Rereads the content folder (a ContentError keeps the old content) and rebuilds. */
  reload(): void {
    this.content.reload();
    this.#rebuild();
  }

  /** Calls `listener` after each reload (e.g. to rebuild a retriever). */
  onReload(listener: () => void): void {
    this.#listeners.push(listener);
  }

  #rebuild(): void {
    const catalog = new Map<string, CatalogEntry>();
    for (const pack of this.content.packs.values()) {
      for (const entry of pack.catalog()) {
        const key = `${entry.kind}:${entry.id}`;
        const known = catalog.get(key);
        catalog.set(key, known ? { ...known, names: [...new Set([...known.names, ...entry.names])] } : { ...entry, names: [...entry.names] });
      }
    }
    this.#understander = createUnderstander({ catalog: [...catalog.values()] });
    this.#version++;
    for (const listener of this.#listeners) listener();
  }
}
