import { join } from "node:path";
import { ShardFile } from "./shard-file.js";

/**
 * Collections that grow with every person or message: split into shards so a write rewrites 1/N of them.
 * 100k conversations are ~30 MB of JSON; rewriting that whole file on every flush is what the profile showed.
 */
export const DEFAULT_SHARDS: Record<string, number> = { conversations: 64, events: 32, _seen: 8 };

/** Where the data files are and how they are written (LowdbStoreOptions' part about files). */
export interface ShardSetOptions {
  dir: string;
  flushMs?: number;
  shards?: Record<string, number>;
  onCorruptFile?: (file: string, movedTo: string) => void;
}

/**
 * The data files of a folder, opened on first use: one JSON-lines file per collection ("events.jsonl"), or several
 * for the large ones ("conversations-07.jsonl"), a document's file picked by a hash of its id.
 *
 * @example const shards = new ShardSet({ dir: "./data" }, () => journal.barrier()); shards.fileFor("conversations", key)
 */
export class ShardSet {
  #files = new Map<string, ShardFile[]>();

  constructor(
    private readonly options: ShardSetOptions,
    /** Waits until the journal holds everything a file is about to take (ShardFile's barrier). */
    private readonly barrier: () => Promise<void>,
  ) {}

  /** A collection's files, in shard order. */
  of(name: string): ShardFile[] {
    if (!/^[a-z0-9_-]+$/i.test(name)) throw new Error(`Invalid collection name: ${name}`);
    let files = this.#files.get(name);
    if (!files) {
      const count = this.options.shards?.[name] ?? DEFAULT_SHARDS[name] ?? 1;
      files = Array.from({ length: count }, (_, i) => {
        const file = join(this.options.dir, count === 1 ? `${name}.jsonl` : `${name}-${String(i).padStart(2, "0")}.jsonl`);
        return new ShardFile(file, this.options.flushMs ?? 1000, this.options.onCorruptFile, this.barrier);
      });
      this.#files.set(name, files);
    }
    return files;
  }

  /** The file that holds a document of a collection. */
  fileFor(collection: string, id: string): ShardFile {
    const files = this.of(collection);
    return files[files.length === 1 ? 0 : hash(id) % files.length];
  }

  /** Every file opened so far. */
  open(): ShardFile[] {
    return [...this.#files.values()].flat();
  }
}

/** FNV-1a: a stable, fast string hash for picking a shard. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
