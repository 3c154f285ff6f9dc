import { revisionOf, revisionOfJson, type Collection, type Match, type WriteOptions } from "../store.js";
import { matches } from "../match.js";
import type { ShardSet } from "./shard-set.js";
import type { ShardFile } from "./shard-file.js";

/** The revision of the document stored under `id` (0 when there is none), without parsing it when it is known. */
export function storedRevision(shard: ShardFile, id: string): number {
  const known = shard.revision(id);
  if (known !== undefined) return known;
  const text = shard.get(id);
  return revisionOf(text === undefined ? undefined : JSON.parse(text));
}

/**
 * One collection of the embedded store over its data files: a read parses the document's JSON text (which is also
 * the copy the caller gets), a write stringifies once and marks the file changed (`durable`: on disk before it
 * resolves). `ready` is awaited first (the journal's recovery after a crash).
 *
 * @example const conversations = lowdbCollection<Conversation>("conversations", shards, () => ready);
 */
export function lowdbCollection<T>(name: string, shards: ShardSet, ready: () => Promise<void>): Collection<T> {
  shards.of(name); // an invalid name throws now, not on first use
  const open = async (id: string) => {
    const shard = shards.fileFor(name, id);
    await ready();
    await shard.load();
    return shard;
  };
  return {
    get: async (id) => {
      const shard = await open(id);
      const text = shard.get(id);
      if (text === undefined) return undefined;
      const doc = JSON.parse(text) as T;
      // Its revision as read, before the caller changes the copy: the save that follows need not parse it again.
      shard.noteRevision(id, revisionOf(doc));
      return doc;
    },
    set: async (id, value, options?: WriteOptions) => {
      const shard = await open(id);
      shard.set(id, JSON.stringify(value), revisionOfJson(value));
      await shard.changed(options?.durable === true);
    },
    setIfRevision: async (id, value, expected, options?: WriteOptions) => {
      const shard = await open(id);
      // Check and write with no await between them: nothing else in this process can write in between.
      if (storedRevision(shard, id) !== expected) return false;
      shard.set(id, JSON.stringify(value), revisionOfJson(value));
      await shard.changed(options?.durable === true);
      return true;
    },
    delete: async (id) => {
      const shard = await open(id);
      if (shard.delete(id)) await shard.changed(false);
    },
    find: async (match?: Match) => {
      await ready();
      const found: T[] = [];
      for (const shard of shards.of(name)) {
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
