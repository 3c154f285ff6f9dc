import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import { updateDocument } from "../store/update-document.js";
import { dropWholeTexts, type FullText } from "../core/transcript-text.js";
import { longTextsOf } from "../store/long-texts.js";

/**
 * TRANSCRIPT_RETENTION_DAYS: conversation lines older than the retention are removed, a minute after start-up and
 * then every 12 hours, and the store's files rewritten (Store.compact: lowdb's old lines leave the disk). Only the transcript goes; a conversation's other fields (language, an open dialog) stay, so a
 * person's ongoing report is not lost. 0 turns it off.
 */

interface StoredConversation {
  key: string;
  transcript: { at: number; full?: FullText }[];
  revision?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Removes transcript lines older than `days` from every conversation; returns how many lines went.
 *
 * @example await pruneTranscripts(store, 180, Date.now());
 */
export async function pruneTranscripts(store: Store, days: number, now: number): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = now - days * DAY_MS;
  const conversations = store.collection<StoredConversation>("conversations");
  let removed = 0;
  for (const conversation of await conversations.find()) {
    if (!conversation.transcript?.some((line) => line.at < cutoff)) continue;
    let gone: StoredConversation["transcript"] = [];
    await updateDocument(conversations, conversation.key, (stored) => {
      if (!stored) return undefined;
      const kept = stored.transcript.filter((line) => line.at >= cutoff);
      if (kept.length === stored.transcript.length) return undefined;
      gone = stored.transcript.filter((line) => line.at < cutoff);
      return { ...stored, transcript: kept };
    });
    removed += gone.length;
    // The whole texts of long messages go with their lines.
    await dropWholeTexts(store, conversation.key, gone);
  }
  // And any a crash left between storing a text and its line (or between a line leaving and its text).
  await longTextsOf(store).prune(cutoff);
  return removed;
}

/** How often the retention runs. */
export const RETENTION_EVERY_MS = 12 * 3600 * 1000;

/**
 * Runs {@link pruneTranscripts} now and every {@link RETENTION_EVERY_MS}; returns the stop function. Several
 * instances may all run it: it only removes, so running twice does no harm.
 */
export function scheduleTranscriptRetention(options: { store: Store; days: number; now: () => number; logger: Logger; everyMs?: number }): () => void {
  if (options.days <= 0) return () => undefined;
  const run = () =>
    pruneTranscripts(options.store, options.days, options.now())
      .then((removed) => removed > 0 && options.logger.info({ removed, days: options.days }, "old transcript lines removed (TRANSCRIPT_RETENTION_DAYS)"))
      // lowdb appends every change: the removed lines, and those of data deleted since (a web chat's erasure
      // confirmation, taken by the page after the erasure's own rewrite), leave the disk only when a file is rewritten.
      .then(() => options.store.compact?.())
      .catch((error) => options.logger.error({ err: error }, "transcript retention failed"));
  // A minute after start-up (not at once: a start-up has enough to do, and a short-lived test server never runs it).
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, options.everyMs ?? RETENTION_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
