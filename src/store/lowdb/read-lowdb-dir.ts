import { LONG_TEXTS } from "../long-texts.js";
import { collectionNames } from "./collection-names.js";
import { LowdbStore } from "./lowdb-store.js";

/**
 * Everything in a data folder, for `npm run migrate:lowdb-to-postgres`: documents per collection,
 * sequences and seen ids, and the long texts kept as files. A broken data file stops it (nothing is moved aside).
 *
 * @example const { collections, sequences, seen } = await readLowdbDir("./data");
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
  // Long messages kept whole as files (long-text-files.ts): documents of their own collection on PostgreSQL.
  const texts = await store.longTexts.all();
  if (texts.length > 0) collections.set(LONG_TEXTS, Object.fromEntries(texts.map((text) => [text.id, text])));
  return { collections, sequences, seen };
}
