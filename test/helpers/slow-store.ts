import type { Collection, Store } from "../../src/store/store.js";

/**
 * The store with every get and find answering `delayMs` later, as a database over the network does: writers that
 * start together all read the same version, which is when a read-change-save loses one of the changes. Writes are
 * untouched.
 *
 * @example const store = withSlowReads(new MemoryStore());
 */
export function withSlowReads(store: Store, delayMs = 1): Store {
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), delayMs));
  return {
    collection<T>(name: string): Collection<T> {
      const inner = store.collection<T>(name);
      return { ...inner, get: async (id) => later(await inner.get(id)), find: async (match) => later(await inner.find(match)) };
    },
    commit: (writes) => store.commit(writes),
    nextSequence: (name) => store.nextSequence(name),
    markSeen: (id) => store.markSeen(id),
    flush: () => store.flush(),
    close: () => store.close(),
  };
}
