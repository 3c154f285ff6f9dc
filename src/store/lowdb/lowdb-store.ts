import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { LONG_TEXTS, longTextBytes, type LongTextDoc } from "../long-texts.js";
import { revisionOfJson, type Collection, type CommitWrite, type Store } from "../store.js";
import { collectionNames } from "./collection-names.js";
import { Journal, type JournalWrite } from "./journal.js";
import { recoverJournal } from "./journal-recovery.js";
import { lowdbCollection, storedRevision } from "./lowdb-collection.js";
import { LongTextFiles } from "./long-text-files.js";
import { hash, ShardSet } from "./shard-set.js";

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
  /**
   * How long the first commit of a batch waits for others before its write (default 0: the next turn of the event
   * loop). Either way, every commit that arrives while a write and its sync run shares the next one; a wait only
   * delays a quiet bot's replies (2 ms measured no fewer syncs at 1 200 messages a second, and 3 ms more a message).
   */
  groupCommitMs?: number;
  /** Sync the journal to the disk (fdatasync) before a commit resolves (default true); off, a power cut may lose the last commits, a killed process never does. */
  fsync?: boolean;
}

/**
 * The embedded default store: lowdb (its `Low` class over a `DataFile` adapter, see shard-file.ts), one
 * JSON-lines file per collection under `dir` — or several ("conversations-07.jsonl") for the large ones (shard-set.ts).
 *
 * Only ids are held in memory, with where each document is in its file: a read takes the JSON text from the file
 * (or a small cache) and parses it, which is also the copy callers get; a write stringifies once (lowdb-collection.ts).
 * Ordinary writes are coalesced: every `flushMs` the documents that changed are appended to their file, and a file
 * is compacted (rewritten whole, atomically) when its superseded lines outnumber the live ones. Durable writes
 * (`{ durable: true }`, sequences) are on disk before they resolve; commits go through the journal (journal.ts).
 *
 * @example const store = new LowdbStore({ dir: "./data" });
 */
export class LowdbStore implements Store {
  #shards: ShardSet;
  #journal: Journal;
  #collections = new Map<string, Collection<unknown>>();
  #recovered?: Promise<void>;
  #checkpoints?: NodeJS.Timeout;
  /** Long messages, one file each beside the data files (long-text-files.ts): never through the journal. */
  readonly longTexts: LongTextFiles;

  constructor(private readonly options: LowdbStoreOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.#journal = new Journal(options.dir, { groupMs: options.groupCommitMs ?? 0, fsync: options.fsync ?? true });
    // A staged text's removal is a journal line of its own: replayed after the commit that stored it.
    const forget = (ids: string[]) => this.#journal.append(ids.map((id) => ({ collection: LONG_TEXTS, id, text: undefined })));
    this.longTexts = new LongTextFiles(join(options.dir, "long-texts"), { fsync: options.fsync ?? true, forget });
    this.#shards = new ShardSet(options, () => this.#journal.barrier());
  }

  collection<T>(name: string): Collection<T> {
    // One per name: callers ask for theirs per operation (ConversationRepository, the outbox, the seen list).
    let collection = this.#collections.get(name);
    if (!collection) {
      collection = lowdbCollection<unknown>(name, this.#shards, () => this.#ready());
      this.#collections.set(name, collection);
    }
    return collection as Collection<T>;
  }

  /**
   * All or nothing, through the journal (journal.ts): the revisions are checked and the documents set in memory in
   * one synchronous step (nothing else in this process writes in between), then the commit is appended to the
   * journal with those of the same few ms; the data files take the documents only after that. A long text
   * (`long_texts`, longTextWrite) rides in the same append and sync, and goes to its own file at the next checkpoint,
   * never to a data file.
   */
  async commit(writes: CommitWrite[]): Promise<boolean> {
    await this.#ready();
    const shards = writes.map((write) => (write.collection === LONG_TEXTS ? undefined : this.#shards.fileFor(write.collection, write.id)));
    for (const shard of shards) await shard?.load();
    for (const [i, write] of writes.entries()) {
      if (write.expectedRevision === undefined || !shards[i]) continue;
      if (storedRevision(shards[i], write.id) !== write.expectedRevision) return false;
    }
    const entries = writes.map((write, i): JournalWrite => {
      const shard = shards[i];
      if (!shard) {
        // A long text: encoded once; the journal and, at the checkpoint, its file take these bytes.
        const doc = write.value as LongTextDoc | undefined;
        if (!doc) {
          void this.longTexts.unstage(write.id);
          return { collection: write.collection, id: write.id, text: undefined };
        }
        // Bytes the caller holds (a body parsed off the main thread) are taken as they are: no 1 MB encode here.
        const raw = { key: doc.key, at: doc.at, bytes: longTextBytes(write) };
        this.longTexts.stage(doc.key, write.id, raw.bytes);
        return { collection: write.collection, id: write.id, text: undefined, raw };
      }
      const text = write.value === undefined ? undefined : JSON.stringify(write.value);
      if (text === undefined) shard.delete(write.id);
      else shard.set(write.id, text, revisionOfJson(write.value));
      void shard.changed(false);
      return { collection: write.collection, id: write.id, text, expectedRevision: write.expectedRevision };
    });
    this.#checkpoints ??= setInterval(() => void this.#checkpoint(), this.options.flushMs ?? 1000).unref();
    await this.#journal.append(entries);
    return true;
  }

  async nextSequence(name: string): Promise<number> {
    await this.#ready();
    const [file] = this.#shards.of("_sequences");
    await file.load();
    const next = Number(file.get(name) ?? 0) + 1;
    file.set(name, String(next));
    await file.changed(true);
    return next;
  }

  async markSeen(eventId: string): Promise<boolean> {
    await this.#ready();
    const files = this.#shards.of("_seen");
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
    await Promise.all(this.#shards.open().map((file) => file.compactNow()));
  }

  async close(): Promise<void> {
    clearInterval(this.#checkpoints);
    await this.flush();
    await this.#journal.close();
    for (const file of this.#shards.open()) file.close();
  }

  /** Loads every collection now (start-up), so the first message does not wait for a large file. */
  async preload(): Promise<void> {
    await this.#ready();
    // One file at a time, yielding in between: indexing a file is synchronous (~10 ms for 1,500 conversations),
    // and requests (health checks, first messages) must be served meanwhile.
    for (const name of collectionNames(this.options.dir)) {
      for (const file of this.#shards.of(name)) {
        await file.load();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Every (id, JSON text) of a collection, across its files. */
  async rawEntries(name: string): Promise<[string, string][]> {
    await this.#ready();
    const entries: [string, string][] = [];
    for (const file of this.#shards.of(name)) {
      await file.load();
      entries.push(...file.entries());
    }
    return entries;
  }

  // ===  Journal: checkpoints and recovery  ===

  /**
   * One checkpoint at a time (the timer's and a flush's): a staged text's file is written by one of them only. A call
   * while one runs joins the next (which starts when it ends and covers all committed before), so they never pile up.
   */
  #checkpoint(): Promise<void> {
    this.#nextCheckpoint ??= this.#checkpointing.then(() => {
      this.#nextCheckpoint = undefined;
      return this.#checkpointNow();
    });
    const run = this.#nextCheckpoint;
    this.#checkpointing = run.catch(() => undefined);
    return run;
  }

  #checkpointing: Promise<void> = Promise.resolve();
  #nextCheckpoint?: Promise<void>;

  /** Writes every dirty data file and the staged long texts' files, then removes the journal files they now cover. */
  async #checkpointNow(): Promise<void> {
    const rotated = this.#journal.dirty ? this.#journal.rotate() : undefined;
    // Taken as the journal moves to a new file: every text staged so far is in the files about to be removed.
    const texts = this.longTexts.staged();
    const covered = rotated ? await rotated : [];
    await Promise.all([...this.#shards.open().map((file) => file.flush()), this.longTexts.writeStaged(texts)]);
    await this.#journal.remove(covered);
  }

  /** Before anything is read: the whole commits left in the journal by a crash are applied to the data files. */
  #ready(): Promise<void> {
    this.#recovered ??= recoverJournal(this.options.dir, this.#shards, this.longTexts).then((covered) => this.#journal.remove(covered));
    return this.#recovered;
  }
}
