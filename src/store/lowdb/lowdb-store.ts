import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { revisionOf, type Collection, type Match, type Store, type WriteOptions } from "../store.js";
import { matches } from "../match.js";
import { ShardFile } from "./shard-file.js";

/** Options for the embedded store. */
export interface LowdbStoreOptions {
  /** Folder for the data files. */
  dir: string;
  /** How long ordinary writes are coalesced before dirty files are rewritten (ms). */
  flushMs?: number;
  /** How many webhook event ids are remembered for deduplication. */
  seenLimit?: number;
  /** Files per collection; large collections are split so one message rewrites a small file. */
  shards?: Record<string, number>;
  /** Told when a broken file is moved aside at start-up. */
  onCorruptFile?: (file: string, movedTo: string) => void;
}

/**
 * Collections that grow with every person or message: split into shards so a write rewrites 1/N of them.
 * 100k conversations are ~30 MB of JSON; rewriting that whole file on every flush is what the profile showed.
 */
export const DEFAULT_SHARDS: Record<string, number> = { conversations: 64, events: 32, _seen: 8 };

/**
 * The embedded default store: lowdb (its `Low` class over a `DataFile` adapter, see shard-file.ts), one
 * JSON-lines file per collection under `dir` — or several ("conversations-07.jsonl") for the large ones.
 *
 * Only ids are held in memory, with where each document is in its file: a read takes the JSON text from the file
 * (or a small cache) and parses it, which is also the copy callers get; a write stringifies once. Ordinary writes are coalesced: every `flushMs` the documents that changed are
 * appended to their file, and a file is compacted (rewritten whole, atomically) when its superseded lines
 * outnumber the live ones. Durable writes (`{ durable: true }`, sequences) are on disk before they resolve.
 *
 * @example const store = new LowdbStore({ dir: "./data" });
 */
export class LowdbStore implements Store {
  #shards = new Map<string, ShardFile[]>();

  constructor(private readonly options: LowdbStoreOptions) {
    mkdirSync(options.dir, { recursive: true });
  }

  collection<T>(name: string): Collection<T> {
    const files = this.#files(name);
    const shardOf = (id: string) => files[files.length === 1 ? 0 : hash(id) % files.length];
    return {
      get: async (id) => {
        const shard = shardOf(id);
        await shard.load();
        const text = shard.get(id);
        return text === undefined ? undefined : (JSON.parse(text) as T);
      },
      set: async (id, value, options?: WriteOptions) => {
        const shard = shardOf(id);
        await shard.load();
        shard.set(id, JSON.stringify(value));
        await shard.changed(options?.durable === true);
      },
      setIfRevision: async (id, value, expected, options?: WriteOptions) => {
        const shard = shardOf(id);
        await shard.load();
        // Check and write with no await between them: nothing else in this process can write in between.
        const text = shard.get(id);
        if (revisionOf(text === undefined ? undefined : JSON.parse(text)) !== expected) return false;
        shard.set(id, JSON.stringify(value));
        await shard.changed(options?.durable === true);
        return true;
      },
      delete: async (id) => {
        const shard = shardOf(id);
        await shard.load();
        if (shard.delete(id)) await shard.changed(false);
      },
      find: async (match?: Match) => {
        const found: T[] = [];
        for (const shard of files) {
          await shard.load();
          for (const [, text] of shard.entries()) {
            const doc = JSON.parse(text) as T;
            if (matches(doc, match)) found.push(doc);
          }
        }
        return found;
      },
    };
  }

  async nextSequence(name: string): Promise<number> {
    const [file] = this.#files("_sequences");
    await file.load();
    const next = Number(file.get(name) ?? 0) + 1;
    file.set(name, String(next));
    await file.changed(true);
    return next;
  }

  async markSeen(eventId: string): Promise<boolean> {
    const files = this.#files("_seen");
    const shard = files[hash(eventId) % files.length];
    await shard.load();
    if (shard.has(eventId)) return false;
    shard.set(eventId, String(Date.now()));
    // Ids keep insertion order: the oldest go first.
    const limit = Math.ceil((this.options.seenLimit ?? 20_000) / files.length);
    for (const oldest of shard.ids()) {
      if (shard.size <= limit) break;
      shard.delete(oldest);
    }
    await shard.changed(false);
    return true;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.#shards.values()].flat().map((file) => file.flush()));
  }

  /** Rewrites every open file whole: the append-only lines of deleted or changed documents go (Store.compact). */
  async compact(): Promise<void> {
    await Promise.all([...this.#shards.values()].flat().map((file) => file.compactNow()));
  }

  async close(): Promise<void> {
    await this.flush();
    for (const file of [...this.#shards.values()].flat()) file.close();
  }

  /** Loads every collection now (start-up), so the first message does not wait for a large file. */
  async preload(): Promise<void> {
    // One file at a time, yielding in between: indexing a file is synchronous (~10 ms for 1,500 conversations),
    // and requests (health checks, first messages) must be served meanwhile.
    for (const name of collectionNames(this.options.dir)) {
      for (const file of this.#files(name)) {
        await file.load();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Every (id, JSON text) of a collection, across its files. */
  async rawEntries(name: string): Promise<[string, string][]> {
    const entries: [string, string][] = [];
    for (const file of this.#files(name)) {
      await file.load();
      entries.push(...file.entries());
    }
    return entries;
  }

  #files(name: string): ShardFile[] {
    if (!/^[a-z0-9_-]+$/i.test(name)) throw new Error(`Invalid collection name: ${name}`);
    let files = this.#shards.get(name);
    if (!files) {
      const count = this.options.shards?.[name] ?? DEFAULT_SHARDS[name] ?? 1;
      files = Array.from({ length: count }, (_, i) => {
        const file = join(this.options.dir, count === 1 ? `${name}.jsonl` : `${name}-${String(i).padStart(2, "0")}.jsonl`);
        return new ShardFile(file, this.options.flushMs ?? 1000, this.options.onCorruptFile);
      });
      this.#shards.set(name, files);
    }
    return files;
  }
}

// ===  Reading a data folder (migration)  ===

/** The collection names present in a data folder. */
export function collectionNames(dir: string): string[] {
  const names = new Set<string>();
  for (const file of safeReaddir(dir)) {
    const match = /^([a-z0-9_-]+?)(?:-\d{2})?\.jsonl$/i.exec(file);
    if (match) names.add(match[1]);
  }
  return [...names].sort();
}

/**
 * Everything in a data folder, for `npm run migrate:lowdb-to-postgres`: documents per collection,
 * sequences and seen ids.
 */
export async function readLowdbDir(dir: string): Promise<{ collections: Map<string, Record<string, unknown>>; sequences: Record<string, number>; seen: string[] }> {
  const store = new LowdbStore({
    dir,
    onCorruptFile: (file) => {
      throw new Error(`${file}: broken data file`);
    },
  });
  const collections = new Map<string, Record<string, unknown>>();
  let sequences: Record<string, number> = {};
  let seen: string[] = [];
  for (const name of collectionNames(dir)) {
    const entries = await store.rawEntries(name);
    if (name === "_sequences") sequences = Object.fromEntries(entries.map(([id, value]) => [id, Number(value)]));
    else if (name === "_seen") seen = entries.map(([id]) => id);
    else collections.set(name, Object.fromEntries(entries.map(([id, text]) => [id, JSON.parse(text)])));
  }
  return { collections, sequences, seen };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** FNV-1a: a stable, fast string hash for picking a shard. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

