/**
 * The storage interface: everything the bot keeps goes through it, so the backend
 * (lowdb by default, PostgreSQL for scale-out) is picked in one place (src/server.ts).
 *
 * Kept small on purpose, like grammY's StorageAdapter: documents by id in named collections,
 * a durable counter for ticket codes, and a bounded "seen" set for webhook deduplication.
 */

/** The `revision` of a stored document (0 when it has none): see Collection.setIfRevision. */
export function revisionOf(doc: unknown): number {
  const revision = (doc as { revision?: unknown } | undefined)?.revision;
  return typeof revision === "number" ? revision : 0;
}

/**
 * The revision `value`'s JSON text will hold, when that is plain to see: a plain object whose revision is a finite
 * number or absent (JSON keeps those as they are). Undefined otherwise (read it back from the text).
 */
export function revisionOfJson(value: unknown): number | undefined {
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const revision = (value as { revision?: unknown }).revision;
  if (revision === undefined) return "revision" in value || "toJSON" in value ? undefined : 0;
  return typeof revision === "number" && Number.isFinite(revision) ? revision : undefined;
}

/** Top-level field equality, e.g. `{ userId: "123", status: "open" }`. */
export type Match = Record<string, string | number | boolean | null>;

/** Options for a write. */
export interface WriteOptions {
  /** Resolve only once the write is on disk (reports, codes): a crash right after loses nothing. */
  durable?: boolean;
}

/**
 * Documents of one kind, keyed by id.
 *
 * @example
 * const reports = store.collection<Report>("reports");
 * await reports.set(report.code, report, { durable: true });
 * const mine = await reports.find({ userKey: "zalo:2512…" });
 */
export interface Collection<T> {
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T, options?: WriteOptions): Promise<void>;
  /**
   * Writes `value` only if the stored document's `revision` field still equals `expected` (a missing document or
   * field counts as 0) and says whether it wrote. For documents several writers update — a conversation saved by
   * its handler while staff add a line —: one round trip, where reading before every write took two.
   */
  setIfRevision(id: string, value: T, expected: number, options?: WriteOptions): Promise<boolean>;
  delete(id: string): Promise<void>;
  /** Every document whose top-level fields equal `match` (all documents without it). */
  find(match?: Match): Promise<T[]>;
}

/**
 * One document write of a {@link Store.commit}: `value` undefined deletes. With `expectedRevision` the write happens
 * only if the stored document's `revision` still equals it (as Collection.setIfRevision).
 */
export interface CommitWrite {
  collection: string;
  id: string;
  value: unknown;
  expectedRevision?: number;
  /**
   * A long text's UTF-8 bytes (longTextWrite) when the caller holds them already (a body parsed off the main thread):
   * a store that keeps long texts as bytes (lowdb) writes these instead of encoding the text again; others ignore it.
   */
  bytes?: Uint8Array;
}

/** The store a deployment runs on. */
export interface Store {
  collection<T>(name: string): Collection<T>;
  /**
   * Where long texts are kept whole, beside the documents ({@link LongTexts}); a store without its own keeps each as one
   * document (`longTextsOf`).
   */
  readonly longTexts?: LongTexts;
  /**
   * Writes several documents as one: all of them or none, on disk before it resolves (a dialog step's new state, the
   * report it files and the replies it produced). False, with nothing written, when an `expectedRevision` no longer
   * holds. Commits made within the same few milliseconds may share one disk write (group commit).
   *
   * @example await store.commit([{ collection: "conversations", id, value: next, expectedRevision: 4 }, { collection: "outbox", id: entry.id, value: entry }]);
   */
  commit(writes: CommitWrite[]): Promise<boolean>;
  /** The next value of a named sequence (1, 2, …): durable before it resolves, never reused, even after a crash. */
  nextSequence(name: string): Promise<number>;
  /**
   * Records an inbound event id; true the first time, false for a repeat.
   * Bounded: only the most recent ids are kept (enough to cover the channels' retry windows).
   */
  markSeen(eventId: string): Promise<boolean>;
  /** Loads what the backend keeps on disk into memory ahead of use (optional). */
  preload?(): Promise<void>;
  /** Writes everything pending to disk. */
  flush(): Promise<void>;
  /**
   * Makes deleted and overwritten documents unrecoverable from what the backend keeps (lowdb's append-only files are
   * rewritten); called after a person's data is erased. Optional: backends that overwrite in place need nothing.
   */
  compact?(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Long texts kept whole (a person's message up to the 1 MB webhook limit): written once, read only when staff open
 * one, never rewritten. They live beside the documents, not among them: a document store serialises and rewrites
 * its documents (lowdb's journal, its data files and their compaction), and a megabyte carried through each of those
 * steps held the event loop for hundreds of milliseconds under a flood of long messages (BENCHMARKS.md, issue 15).
 * Each text belongs to a conversation (`key`), so a person's export and erasure find them all.
 */
export interface LongTexts {
  /** Keeps `text` as `id` of the conversation `key` (replacing one of the same id); on disk before it resolves. */
  put(key: string, id: string, text: string): Promise<void>;
  /** The whole text; undefined when there is none (or it is another conversation's). */
  get(key: string, id: string): Promise<string | undefined>;
  /** Removes texts of a conversation (their lines left the transcript); missing ones are ignored. */
  delete(key: string, ids: string[]): Promise<void>;
  /** Every text of a conversation (a person's data export). */
  list(key: string): Promise<{ id: string; text: string }[]>;
  /** Removes every text of a conversation (erasure). */
  deleteAll(key: string): Promise<void>;
  /** Removes texts stored before `before` (ms): the transcript retention, and any a crash left without a line. */
  prune(before: number): Promise<number>;
}
