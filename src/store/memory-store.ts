import { revisionOf, type Collection, type CommitWrite, type Match, type Store } from "./store.js";
import { matches } from "./match.js";

/**
 * A store in memory: for tests and `npm run chat` without a DATA_DIR. Nothing survives the process.
 *
 * @example const store = new MemoryStore();
 */
export class MemoryStore implements Store {
  #collections = new Map<string, Map<string, unknown>>();
  #sequences = new Map<string, number>();
  #seen = new Set<string>();

  constructor(private readonly seenLimit = 10_000) {}

  collection<T>(name: string): Collection<T> {
    let docs = this.#collections.get(name);
    if (!docs) this.#collections.set(name, (docs = new Map()));
    const map = docs as Map<string, T>;
    return {
      get: async (id) => clone(map.get(id)),
      set: async (id, value) => void map.set(id, clone(value) as T),
      setIfRevision: async (id, value, expected) => {
        if (revisionOf(map.get(id)) !== expected) return false;
        map.set(id, clone(value) as T);
        return true;
      },
      delete: async (id) => void map.delete(id),
      find: async (match?: Match) => [...map.values()].filter((doc) => matches(doc, match)).map((doc) => clone(doc) as T),
    };
  }

  async commit(writes: CommitWrite[]): Promise<boolean> {
    const docs = (name: string) => this.#collections.get(name) ?? this.#collections.set(name, new Map()).get(name)!;
    if (writes.some((write) => write.expectedRevision !== undefined && revisionOf(docs(write.collection).get(write.id)) !== write.expectedRevision)) return false;
    for (const write of writes) {
      if (write.value === undefined) docs(write.collection).delete(write.id);
      else docs(write.collection).set(write.id, clone(write.value));
    }
    return true;
  }

  async nextSequence(name: string): Promise<number> {
    const next = (this.#sequences.get(name) ?? 0) + 1;
    this.#sequences.set(name, next);
    return next;
  }

  async markSeen(eventId: string): Promise<boolean> {
    if (this.#seen.has(eventId)) return false;
    this.#seen.add(eventId);
    if (this.#seen.size > this.seenLimit) this.#seen.delete(this.#seen.values().next().value as string);
    return true;
  }

  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}

// Copies keep callers from mutating stored state by accident, as a real backend would.
function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
