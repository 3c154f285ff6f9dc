import { revisionOf } from "../store.js";
import { readJournal } from "./journal.js";
import type { ShardSet } from "./shard-set.js";

/**
 * Applies to the data files the whole commits a crash left in the journal (journal.ts), then flushes them; resolves
 * with the journal files that are now covered (for the caller to remove). A document changed after the commit (a
 * later revision, flushed before the crash) is left as it is.
 *
 * @example const covered = await recoverJournal(dir, shards); journal.remove(covered);
 */
export async function recoverJournal(dir: string, shards: ShardSet): Promise<string[]> {
  const { commits, files } = readJournal(dir);
  if (files.length === 0) return [];
  for (const { writes } of commits) {
    for (const write of writes) {
      const shard = shards.fileFor(write.collection, write.id);
      await shard.load();
      const stored = shard.get(write.id);
      const storedRevision = revisionOf(stored === undefined ? undefined : JSON.parse(stored));
      if (write.text === undefined) {
        if (stored !== undefined && (write.expectedRevision === undefined || storedRevision <= write.expectedRevision)) shard.delete(write.id);
      } else if (stored === undefined || storedRevision <= revisionOf(JSON.parse(write.text))) {
        shard.set(write.id, write.text);
      }
    }
  }
  await Promise.all(shards.open().map((file) => file.flush()));
  return files;
}
