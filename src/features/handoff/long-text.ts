import { once } from "node:events";
import type { Response } from "express";
import { readTranscriptPage, type TranscriptPage } from "../../core/transcript-text.js";
import { HttpError } from "../../http/http-error.js";
import type { Store } from "../../store/store.js";

/**
 * A long message of a conversation, kept whole page by page (src/core/transcript-text.ts), for staff: one page for
 * a screen, or the whole text streamed a page at a time (never held whole in memory, never one blocking write).
 */

/** One page, or 404 (no such text in this conversation). */
export async function transcriptPageOr404(store: Store, key: string, textId: string, page: number): Promise<TranscriptPage> {
  const found = await readTranscriptPage(store, key, textId, page);
  if (!found) throw new HttpError(404, "Không tìm thấy đoạn tin này.");
  return found;
}

/**
 * Streams the whole text as text/plain, page after page, waiting for the client to take each.
 *
 * @example await sendWholeText(res, store, key, textId, { download: true });
 */
export async function sendWholeText(res: Response, store: Store, key: string, textId: string, options: { download?: boolean } = {}): Promise<void> {
  const first = await transcriptPageOr404(store, key, textId, 1);
  res.status(200).type("text/plain; charset=utf-8");
  if (options.download) res.setHeader("content-disposition", 'attachment; filename="tin-nhan.txt"');
  for (let page = 1, current: TranscriptPage | undefined = first; current; current = page < first.pages ? await readTranscriptPage(store, key, textId, ++page) : undefined) {
    if (!res.write(current.text)) await once(res, "drain");
  }
  res.end();
}
