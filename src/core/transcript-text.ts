import type { CommitWrite, Store } from "../store/store.js";

/**
 * Long messages in the transcript, kept whole: a transcript line holds the first {@link TRANSCRIPT_PREVIEW_CHARS}
 * characters and, when the message is longer, points to the whole text stored as pages of
 * {@link TRANSCRIPT_PAGE_CHARS} in their own collection. The pages are written once, in the same commit as the
 * step, and never rewritten; the conversation document, which every later message of the person reads and
 * rewrites, stays small (a 1 MB message used to make each of those cost seconds, docs/security.md). Staff read a
 * long text a page at a time, or download it whole (the console streams it page by page).
 */

/** The store collection of the pages. */
export const TRANSCRIPT_TEXTS = "transcript_texts";
/** What a transcript line shows of a message (what understanding reads, MAX_UNDERSTOOD_CHARS). */
export const TRANSCRIPT_PREVIEW_CHARS = 2_000;
/** One page of a long text: what one screen of the console shows. */
export const TRANSCRIPT_PAGE_CHARS = 20_000;

/** Where a line's whole text is: its id, its length, how many pages. */
export interface FullText {
  id: string;
  chars: number;
  pages: number;
}

/** One stored page; `key` is the conversation's (privacy export and erasure find the pages by it). */
export interface TranscriptPage {
  id: string;
  key: string;
  textId: string;
  page: number;
  pages: number;
  text: string;
}

/** The store id of a page (from 1). */
export function transcriptPageId(textId: string, page: number): string {
  return `${textId}#${page}`;
}

/**
 * The line's text and, for a text longer than the preview, where the whole is and the writes that store it.
 *
 * @example const { text, full, writes } = transcriptText(conversation.key, `${conversation.key}:${message.id}`, message.text);
 */
export function transcriptText(key: string, textId: string, text: string): { text: string; full?: FullText; writes: CommitWrite[] } {
  if (text.length <= TRANSCRIPT_PREVIEW_CHARS) return { text, writes: [] };
  const pages: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = cutAt(text, start + TRANSCRIPT_PAGE_CHARS);
    pages.push(text.slice(start, end));
    start = end;
  }
  const writes = pages.map((page, index) => {
    const value: TranscriptPage = { id: transcriptPageId(textId, index + 1), key, textId, page: index + 1, pages: pages.length, text: page };
    return { collection: TRANSCRIPT_TEXTS, id: value.id, value };
  });
  return { text: transcriptPreview(text), full: { id: textId, chars: text.length, pages: pages.length }, writes };
}

/** What a transcript line shows of `text`. */
export function transcriptPreview(text: string): string {
  return text.length <= TRANSCRIPT_PREVIEW_CHARS ? text : text.slice(0, cutAt(text, TRANSCRIPT_PREVIEW_CHARS));
}

/** Deletes of the pages of `full` (a line that left the transcript). */
export function transcriptTextDeletes(full: FullText): CommitWrite[] {
  return Array.from({ length: full.pages }, (_, index) => ({ collection: TRANSCRIPT_TEXTS, id: transcriptPageId(full.id, index + 1), value: undefined }));
}

/**
 * One page of a conversation's long text; undefined when there is none, or it is another conversation's.
 *
 * @example const page = await readTranscriptPage(store, key, line.full.id, 2);
 */
export async function readTranscriptPage(store: Store, key: string, textId: string, page: number): Promise<TranscriptPage | undefined> {
  if (!Number.isInteger(page) || page < 1) return undefined;
  const stored = await store.collection<TranscriptPage>(TRANSCRIPT_TEXTS).get(transcriptPageId(textId, page));
  return stored?.key === key ? stored : undefined;
}

/** An end at or before `end` that does not split a surrogate pair (clamped to the text). */
function cutAt(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}
