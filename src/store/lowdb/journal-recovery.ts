import { LONG_TEXTS } from "../long-texts.js";
import { revisionOf } from "../store.js";
import { readJournal } from "./journal.js";
import type { LongTextFiles } from "./long-text-files.js";
import type { ShardSet } from "./shard-set.js";

/**
 * Applies to the data files the whole commits a crash left in the journal (journal.ts), then flushes them, and writes
 * the long texts they stored (and not removed after) to their files; resolves with the journal files that are now
 * covered (for the caller to remove). A document changed after the commit (a later revision, flushed before the
 * crash) is left as it is.
 *
 * @example const covered = await recoverJournal(dir, shards, longTexts); journal.remove(covered);
 */
export async function recoverJournal(dir: string, shards: ShardSet, longTexts: LongTextFiles): Promise<string[]> {
  const { commits, files } = readJournal(dir);
  if (files.length === 0) return [];
  const texts = new Map<string, { key: string; bytes?: Buffer }>();
  for (const { writes } of commits) {
    for (const write of writes) {
      if (write.collection === LONG_TEXTS) {
        // A removal keeps the key of the text it removes (to find its file, which a checkpoint may have written).
        texts.set(write.id, write.raw ? { key: write.raw.key, bytes: write.raw.bytes } : { key: texts.get(write.id)?.key ?? "" });
        continue;
      }
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
  for (const [id, { key, bytes }] of texts) {
    if (bytes) await longTexts.put(key, id, bytes);
    else if (key) await longTexts.delete(key, [id]);
  }
  return files;
}
