import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { revisionOf, type Collection, type CommitWrite, type Match, type Store, type WriteOptions } from "../store.js";
import { matches } from "../match.js";
import { Journal, readJournal } from "./journal.js";
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
  /** Commits arriving within this many ms share one journal write and sync (default 2; 0: the next turn of the loop). */
  groupCommitMs?: number;
  /** Sync the journal to the disk (fdatasync) before a commit resolves (default true); off, a power cut may lose the last commits, a killed process never does. */
  fsync?: boolean;
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
  #journal: Journal;
  #recovered?: Promise<void>;
  #checkpoints?: NodeJS.Timeout;

  constructor(private readonly options: LowdbStoreOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.#journal = new Journal(options.dir, { groupMs: options.groupCommitMs ?? 2, fsync: options.fsync ?? true });
  }

  collection<T>(name: string): Collection<T> {
    const files = this.#files(name);
    const shardOf = (id: string) => this.#shardOf(name, id);
    return {
      get: async (id) => {
        const shard = shardOf(id);
        await this.#ready();
        await shard.load();
        const text = shard.get(id);
        return text === undefined ? undefined : (JSON.parse(text) as T);
      },
      set: async (id, value, options?: WriteOptions) => {
        const shard = shardOf(id);
        await this.#ready();
        await shard.load();
        shard.set(id, JSON.stringify(value));
        await shard.changed(options?.durable === true);
      },
      setIfRevision: async (id, value, expected, options?: WriteOptions) => {
        const shard = shardOf(id);
        await this.#ready();
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
        await this.#ready();
        await shard.load();
        if (shard.delete(id)) await shard.changed(false);
      },
      find: async (match?: Match) => {
        await this.#ready();
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

  /**
   * All or nothing, through the journal (journal.ts): the revisions are checked and the documents set in memory in
   * one synchronous step (nothing else in this process writes in between), then the commit is appended to the
   * journal with those of the same few ms; the data files take the documents only after that.
   */
  async commit(writes: CommitWrite[]): Promise<boolean> {
    await this.#ready();
    const shards = writes.map((write) => this.#shardOf(write.collection, write.id));
    for (const shard of shards) await shard.load();
    for (const [i, write] of writes.entries()) {
      if (write.expectedRevision === undefined) continue;
      const text = shards[i].get(write.id);
      if (revisionOf(text === undefined ? undefined : JSON.parse(text)) !== write.expectedRevision) return false;
    }
    const entries = writes.map((write, i) => {
      const text = write.value === undefined ? undefined : JSON.stringify(write.value);
      if (text === undefined) shards[i].delete(write.id);
      else shards[i].set(write.id, text);
      void shards[i].changed(false);
      return { collection: write.collection, id: write.id, text, expectedRevision: write.expectedRevision };
    });
    this.#checkpoints ??= setInterval(() => void this.#checkpoint(), this.options.flushMs ?? 1000).unref();
    await this.#journal.append(entries);
    return true;
  }

  async nextSequence(name: string): Promise<number> {
    await this.#ready();
    const [file] = this.#files("_sequences");
    await file.load();
    const next = Number(file.get(name) ?? 0) + 1;
    file.set(name, String(next));
    await file.changed(true);
    return next;
  }

  async markSeen(eventId: string): Promise<boolean> {
    await this.#ready();
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
    await this.#ready();
    await this.#checkpoint();
  }

  /** Rewrites every open file whole: the append-only lines of deleted or changed documents go (Store.compact). */
  async compact(): Promise<void> {
    await Promise.all([...this.#shards.values()].flat().map((file) => file.compactNow()));
  }

  async close(): Promise<void> {
    clearInterval(this.#checkpoints);
    await this.flush();
    await this.#journal.close();
    for (const file of [...this.#shards.values()].flat()) file.close();
  }

  // ===  Journal: checkpoints and recovery  ===

  /** Writes every dirty data file, then removes the journal files they now cover. */
  async #checkpoint(): Promise<void> {
    const covered = this.#journal.dirty ? await this.#journal.rotate() : [];
    await Promise.all([...this.#shards.values()].flat().map((file) => file.flush()));
    this.#journal.remove(covered);
  }

  /** Before anything is read: the whole commits left in the journal by a crash are applied to the data files. */
  #ready(): Promise<void> {
    this.#recovered ??= (async () => {
      const { commits, files } = readJournal(this.options.dir);
      if (files.length === 0) return;
      for (const { writes } of commits) {
        for (const write of writes) {
          const shard = this.#shardOf(write.collection, write.id);
          await shard.load();
          const stored = shard.get(write.id);
          const storedRevision = revisionOf(stored === undefined ? undefined : JSON.parse(stored));
          // A document changed after the commit (a later revision, flushed before the crash) is left as it is.
          if (write.text === undefined) {
            if (stored !== undefined && (write.expectedRevision === undefined || storedRevision <= write.expectedRevision)) shard.delete(write.id);
          } else if (stored === undefined || storedRevision <= revisionOf(JSON.parse(write.text))) {
            shard.set(write.id, write.text);
          }
        }
      }
      await Promise.all([...this.#shards.values()].flat().map((file) => file.flush()));
      this.#journal.remove(files);
    })();
    return this.#recovered;
  }

  #shardOf(collection: string, id: string): ShardFile {
    const files = this.#files(collection);
    return files[files.length === 1 ? 0 : hash(id) % files.length];
  }

  /** Loads every collection now (start-up), so the first message does not wait for a large file. */
  async preload(): Promise<void> {
    await this.#ready();
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
    await this.#ready();
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
        return new ShardFile(file, this.options.flushMs ?? 1000, this.options.onCorruptFile, () => this.#journal.barrier());
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

