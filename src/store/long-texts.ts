import type { CommitWrite, LongTexts, Store } from "./store.js";

/** The collection of {@link documentLongTexts}. */
export const LONG_TEXTS = "long_texts";

/** A long text as the store keeps it (one document, or lowdb's file with the same fields). */
export interface LongTextDoc {
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

/**
 * The write that keeps a long text, to go in the commit of the step that adds its line: the text and the line pointing
 * to it are stored together (one transaction on PostgreSQL; on lowdb one journal append and one disk sync, the text
 * then moved to its own file by the next checkpoint, see LowdbStore).
 *
 * `whole`: the text, or its UTF-8 bytes when the caller holds it so (a body parsed off the main thread). Bytes are
 * decoded only by a store that keeps a string (the document's `text`, read when first asked): lowdb writes the bytes
 * as they are (CommitWrite.bytes), so the megabyte is never a string on the main thread.
 *
 * @example await store.commit([longTextWrite(key, id, text, Date.now()), { collection: "conversations", id: key, value }]);
 */
export function longTextWrite(key: string, id: string, whole: string | Uint8Array, at: number): CommitWrite {
  if (typeof whole === "string") return { collection: LONG_TEXTS, id, value: { id, key, at, text: whole } satisfies LongTextDoc };
  let text: string | undefined;
  const value = {
    id,
    key,
    at,
    get text(): string {
      return (text ??= Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength).toString("utf8"));
    },
  };
  return { collection: LONG_TEXTS, id, value: value satisfies LongTextDoc, bytes: whole };
}

/** The UTF-8 bytes of a long text's write: the caller's bytes as they are (no copy), else its text encoded. */
export function longTextBytes(write: CommitWrite): Buffer {
  const { bytes } = write;
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.from((write.value as LongTextDoc).text);
}

/** The store's own long-text keeping (lowdb: files), or one document per text. */
export function longTextsOf(store: Store): LongTexts {
  return store.longTexts ?? (defaults.get(store) ?? defaults.set(store, documentLongTexts(store)).get(store)!);
}

const defaults = new WeakMap<Store, LongTexts>();
