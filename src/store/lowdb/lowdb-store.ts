import { mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type { Collection, Match, Store, WriteOptions } from "../store.js";
import { matches } from "../match.js";

interface CollectionFile {
  docs: Record<string, unknown>;
}

/** Options for the embedded store. */
export interface LowdbStoreOptions {
  /** Folder for the JSON files (one per collection). */
  dir: string;
  /** How long ordinary writes are coalesced before the file is rewritten (ms). */
  flushMs?: number;
  /** How many webhook event ids are remembered for deduplication. */
  seenLimit?: number;
  /** Told when a broken file is moved aside at start-up. */
  onCorruptFile?: (file: string, movedTo: string) => void;
}

/**
 * The embedded default store: lowdb, one JSON file per collection under `dir`.
 *
 * Ordinary writes are coalesced (one file rewrite per `flushMs`, not per message); durable writes
 * (`{ durable: true }`, sequences) are on disk before they resolve. lowdb's JSONFile writes through
 * a temp file and a rename, so a crash never leaves a half-written file.
 *
 * @example const store = new LowdbStore({ dir: "./data" });
 */
export class LowdbStore implements Store {
  #files = new Map<string, CollectionDb>();
  #seenOrder: string[] = [];
  #seenSet = new Set<string>();
  #seenLoaded?: Promise<CollectionDb>;

  constructor(private readonly options: LowdbStoreOptions) {
    mkdirSync(options.dir, { recursive: true });
  }

  collection<T>(name: string): Collection<T> {
    const db = this.#db(name);
    return {
      get: async (id) => {
        const data = await db.data();
        return clone(data.docs[id] as T | undefined);
      },
      set: async (id, value, options?: WriteOptions) => {
        const data = await db.data();
        data.docs[id] = clone(value);
        await db.changed(options?.durable === true);
      },
      delete: async (id) => {
        const data = await db.data();
        if (!(id in data.docs)) return;
        delete data.docs[id];
        await db.changed(false);
      },
      find: async (match?: Match) => {
        const data = await db.data();
        return Object.values(data.docs)
          .filter((doc) => matches(doc, match))
          .map((doc) => clone(doc) as T);
      },
    };
  }

  async nextSequence(name: string): Promise<number> {
    const db = this.#db("_sequences");
    const data = await db.data();
    const next = ((data.docs[name] as number | undefined) ?? 0) + 1;
    data.docs[name] = next;
    await db.changed(true);
    return next;
  }

  async markSeen(eventId: string): Promise<boolean> {
    const db = await this.#loadSeen();
    if (this.#seenSet.has(eventId)) return false;
    this.#seenSet.add(eventId);
    this.#seenOrder.push(eventId);
    const limit = this.options.seenLimit ?? 20_000;
    while (this.#seenOrder.length > limit) this.#seenSet.delete(this.#seenOrder.shift()!);
    const data = await db.data();
    data.docs = { ids: this.#seenOrder };
    await db.changed(false);
    return true;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.#files.values()].map((db) => db.flush()));
  }

  async close(): Promise<void> {
    await this.flush();
  }

  #db(name: string): CollectionDb {
    if (!/^[a-z0-9_-]+$/i.test(name)) throw new Error(`Invalid collection name: ${name}`);
    let db = this.#files.get(name);
    if (!db) {
      db = new CollectionDb(join(this.options.dir, `${name}.json`), this.options.flushMs ?? 500, this.options.onCorruptFile);
      this.#files.set(name, db);
    }
    return db;
  }

  #loadSeen(): Promise<CollectionDb> {
    this.#seenLoaded ??= (async () => {
      const db = this.#db("_seen");
      const data = await db.data();
      const ids = (data.docs.ids as string[] | undefined) ?? [];
      this.#seenOrder = [...ids];
      this.#seenSet = new Set(ids);
      return db;
    })();
    return this.#seenLoaded;
  }
}

// ===  One file  ===

/** One collection's file: loaded once, written back coalesced. */
class CollectionDb {
  #low: Low<CollectionFile>;
  #loaded?: Promise<CollectionFile>;
  #timer?: NodeJS.Timeout;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly flushMs: number,
    private readonly onCorruptFile?: (file: string, movedTo: string) => void,
  ) {
    this.#low = new Low<CollectionFile>(new JSONFile<CollectionFile>(file), { docs: {} });
  }

  data(): Promise<CollectionFile> {
    this.#loaded ??= this.#read();
    return this.#loaded;
  }

  /** Marks the data changed; a durable change is written now, others within `flushMs`. */
  async changed(durable: boolean): Promise<void> {
    if (durable) return this.flush();
    this.#timer ??= setTimeout(() => void this.flush(), this.flushMs);
    this.#timer.unref?.();
  }

  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#loaded) return;
    // Chain writes so two flushes never interleave; each writes the latest data.
    this.#writing = this.#writing.then(() => this.#low.write());
    return this.#writing;
  }

  async #read(): Promise<CollectionFile> {
    try {
      await this.#low.read();
    } catch {
      // A file broken by hand must not stop the bot: keep it aside for staff, start empty.
      const movedTo = `${this.file}.corrupt-${Date.now()}`;
      renameSync(this.file, movedTo);
      this.onCorruptFile?.(this.file, movedTo);
      this.#low.data = { docs: {} };
    }
    this.#low.data ??= { docs: {} };
    this.#low.data.docs ??= {};
    return this.#low.data;
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
