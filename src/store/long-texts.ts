import type { Store } from "./store.js";

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

/** The collection of {@link documentLongTexts}. */
export const LONG_TEXTS = "long_texts";

interface LongTextDoc {
  id: string;
  key: string;
  at: number;
  text: string;
}

/**
 * Long texts as one document each (in-memory and PostgreSQL stores, which write a document once and in place).
 *
 * @example const texts = documentLongTexts(store);
 */
export function documentLongTexts(store: Store, now: () => number = Date.now): LongTexts {
  const docs = () => store.collection<LongTextDoc>(LONG_TEXTS);
  return {
    put: (key, id, text) => docs().set(id, { id, key, at: now(), text }, { durable: true }),
    get: async (key, id) => {
      const doc = await docs().get(id);
      return doc?.key === key ? doc.text : undefined;
    },
    delete: async (key, ids) => {
      for (const id of ids) if ((await docs().get(id))?.key === key) await docs().delete(id);
    },
    list: async (key) => (await docs().find({ key })).map(({ id, text }) => ({ id, text })),
    deleteAll: async (key) => {
      for (const doc of await docs().find({ key })) await docs().delete(doc.id);
    },
    prune: async (before) => {
      let removed = 0;
      for (const doc of await docs().find()) {
        if (doc.at >= before) continue;
        await docs().delete(doc.id);
        removed++;
      }
      return removed;
    },
  };
}

/** The store's own long-text keeping (lowdb: files), or one document per text. */
export function longTextsOf(store: Store): LongTexts {
  return store.longTexts ?? (defaults.get(store) ?? defaults.set(store, documentLongTexts(store)).get(store)!);
}

const defaults = new WeakMap<Store, LongTexts>();
