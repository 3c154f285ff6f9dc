/**
 * Reading and saving the console's content files. A save validates with the same schemas as start-up (through
 * src/content writePackFile, which also checks the whole folder still loads), then reloads the knowledge so the bot
 * answers from the new content at once. Saves are one at a time, so two staff editing the same file cannot lose
 * each other's change between read and write.
 *
 * @example
 * const files = new PackFiles(knowledge);
 * const result = await files.save("vo-cuong", "festivals", item); // { ok: true } or { ok: false, errors }
 */
import fs from "node:fs";
import YAML from "yaml";
import type { Knowledge } from "../../../shared/knowledge.js";
import { ContentError, packFile, writePackFile, type PackFileItems, type WritablePackFile } from "../../../content/index.js";

type Item = Record<string, unknown> & { id: string };

/** The outcome of a save: the problems are split into this item's fields and everything else. */
export type SaveResult = { ok: true } | { ok: false; fieldErrors: { path: string; message: string }[]; otherErrors: string[] };

/** The console's access to pack files. */
export class PackFiles {
  #chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly knowledge: Knowledge) {}

  get dir(): string {
    return this.knowledge.content.dir;
  }

  /** The items of a pack's own file, as written (without what it inherits). */
  ownItems(packId: string, file: WritablePackFile): Item[] {
    const path = packFile(this.dir, packId, file);
    if (!fs.existsSync(path)) return [];
    const parsed = YAML.parse(fs.readFileSync(path, "utf8")) as unknown;
    return Array.isArray(parsed) ? (parsed as Item[]) : [];
  }

  /** Replaces the item with the same id (or adds it), validates, writes and reloads. */
  save(packId: string, file: WritablePackFile, item: Item, replacesId = item.id): Promise<SaveResult> {
    return this.#serial(() => {
      const items = this.ownItems(packId, file);
      const index = items.findIndex((i) => i.id === replacesId);
      const next = [...items];
      if (index >= 0) next[index] = item;
      else next.push(item);
      return this.#write(packId, file, next, index >= 0 ? index : next.length - 1);
    });
  }

  /** Removes a pack's own item (an inherited one then shows again), validates, writes and reloads. */
  remove(packId: string, file: WritablePackFile, id: string): Promise<SaveResult> {
    return this.#serial(() => this.#write(packId, file, this.ownItems(packId, file).filter((i) => i.id !== id), -1));
  }

  #write(packId: string, file: WritablePackFile, items: Item[], index: number): SaveResult {
    try {
      writePackFile(this.dir, packId, file, items as PackFileItems<typeof file>);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      const target = packFile(this.dir, packId, file);
      const fieldErrors: { path: string; message: string }[] = [];
      const otherErrors: string[] = [];
      const prefix = `[${index}]`;
      for (const issue of error.issues) {
        if (index >= 0 && issue.file === target && (issue.path === prefix || issue.path.startsWith(`${prefix}.`))) {
          fieldErrors.push({ path: issue.path.slice(prefix.length + 1), message: issue.message });
        } else otherErrors.push(issue.path ? `${issue.file}: ${issue.path}: ${issue.message}` : `${issue.file}: ${issue.message}`);
      }
      return { ok: false, fieldErrors, otherErrors };
    }
    this.knowledge.reload();
    return { ok: true };
  }

  #serial<T>(work: () => T): Promise<T> {
    const next = this.#chain.then(work, work);
    this.#chain = next.catch(() => undefined);
    return next;
  }
}
