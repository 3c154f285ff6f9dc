import { longTextsOf, longTextWrite } from "../store/long-texts.js";
import type { CommitWrite, Store } from "../store/store.js";
import type { LongText } from "./message.js";

/**
 * Long messages in the transcript, kept whole: a transcript line holds the first {@link TRANSCRIPT_PREVIEW_CHARS}
 * characters and, when the message is longer, points to the whole text, kept once beside the documents
 * (src/store/long-texts.ts: lowdb keeps it as one file), stored in the commit of the step that adds the line. The
 * conversation document, which every later message of the person reads and rewrites, stays small, and the whole text
 * never passes through the document store's data files or compactions (each of those serialised and wrote the
 * megabyte again, docs/faults.md); on lowdb it passes through the commit journal once (one sync for the step and its
 * text) and leaves it at the next checkpoint. Staff read a long text a page ({@link TRANSCRIPT_PAGE_CHARS}) at a time, or
 * download it whole.
 */

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

/** One page of a long text, as staff read it. */
export interface TranscriptPage {
  key: string;
  textId: string;
  page: number;
  pages: number;
  text: string;
}

/**
 * The line's text and, for a text longer than the preview, where the whole is and the text to keep there
 * ({@link wholeTextWrite}, in the step's commit): the whole string, or the UTF-8 bytes of a long text the channel
 * holds as bytes (`long`, InboundMessage.long; `text` is then its start).
 *
 * @example const { text, full, whole } = transcriptText(`${conversation.key}:${message.id}`, message.text, message.long);
 */
export function transcriptText(textId: string, text: string, long?: LongText): { text: string; full?: FullText; whole?: string | Uint8Array } {
  const chars = long?.chars ?? text.length;
  if (chars <= TRANSCRIPT_PREVIEW_CHARS) return { text };
  return { text: transcriptPreview(text), full: { id: textId, chars, pages: Math.ceil(chars / TRANSCRIPT_PAGE_CHARS) }, whole: long?.bytes ?? text };
}

/** The commit write that keeps a long text of the conversation `key` whole, with the step that adds its line. */
export function wholeTextWrite(key: string, full: FullText, whole: string | Uint8Array, at: number): CommitWrite {
  return longTextWrite(key, full.id, whole, at);
}

/** What a transcript line shows of `text`. */
export function transcriptPreview(text: string): string {
  return text.length <= TRANSCRIPT_PREVIEW_CHARS ? text : text.slice(0, cutAt(text, TRANSCRIPT_PREVIEW_CHARS));
}

/** Removes the whole texts of lines that left the transcript (after the commit that dropped them). */
export async function dropWholeTexts(store: Store, key: string, lines: { full?: FullText }[]): Promise<void> {
  const ids = lines.flatMap((line) => (line.full ? [line.full.id] : []));
  if (ids.length > 0) await longTextsOf(store).delete(key, ids);
}

/**
 * One page of a conversation's long text; undefined when there is none, or it is another conversation's.
 *
 * @example const page = await readTranscriptPage(store, key, line.full.id, 2);
 */
export async function readTranscriptPage(store: Store, key: string, textId: string, page: number): Promise<TranscriptPage | undefined> {
  if (!Number.isInteger(page) || page < 1) return undefined;
  const whole = await longTextsOf(store).get(key, textId);
  if (whole === undefined) return undefined;
  const starts = pageStarts(whole);
  if (page > starts.length) return undefined;
  return { key, textId, page, pages: starts.length, text: whole.slice(starts[page - 1], starts[page] ?? whole.length) };
}

/**
 * Where each page of `text` starts: at each multiple of {@link TRANSCRIPT_PAGE_CHARS}, one earlier when that would
 * split a surrogate pair. Counted from the start, not from the page before, so a text has ceil(length / page) pages
 * whatever it holds: the line tells how many without reading the text (transcriptText).
 */
function pageStarts(text: string): number[] {
  const starts: number[] = [];
  for (let page = 0; page * TRANSCRIPT_PAGE_CHARS < text.length; page++) starts.push(cutAt(text, page * TRANSCRIPT_PAGE_CHARS));
  return starts;
}

/** An end at or before `end` that does not split a surrogate pair (clamped to the text). */
function cutAt(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}
