import { readdirSync, readFileSync } from "node:fs";
import { open, readdir, unlink, type FileHandle } from "node:fs/promises";
import { join } from "node:path";

/**
 * The embedded store's commit journal: how several documents are written as one (Store.commit) over data files
 * that are each written on their own.
 *
 * A commit is appended here first — one line per document, then a line holding only "." that says the commit is
 * whole — and only then may the data files take the documents (their flushes wait for {@link Journal.barrier}).
 * Commits queued while an append and its fdatasync run share the next ones (group commit; `groupMs` also makes the
 * first of a batch wait for others), so a busy bot pays one disk sync per few milliseconds, not one per message.
 * After a crash the store replays the whole commits of the journal onto the data files (a commit cut short by the
 * crash has no "." line and is ignored). Files are rotated: once the data files are flushed past a journal file,
 * that file is removed (LowdbStore's checkpoint).
 *
 * Line format: `["<collection>","<id>",<expected revision or null>]<TAB><document JSON, empty for a deletion>`. A long
 * text (JournalWrite.raw) is not stringified: `["long_texts","<id>",null,{"key","at","bytes":N}]<TAB>` then its N
 * UTF-8 bytes as they are, then a newline — encoded once, and the same bytes become its file (long-text-files.ts).
 */
export class Journal {
  #generation: number;
  #files = new Map<number, FileHandle>();
  /** Commits waiting for the writer, one batch per file generation; a batch stays open until the writer takes it. */
  #batches: Batch[] = [];
  /** The write in progress (or the last one). */
  #writing: Promise<void> = Promise.resolve();
  #writer = false;
  #written = false;

  constructor(
    private readonly dir: string,
    private readonly options: { groupMs: number; fsync: boolean },
  ) {
    this.#generation = Math.max(0, ...journalFiles(dir).map((file) => file.generation)) + 1;
  }

  /**
   * Queues one commit; resolves once it is on disk. Group commit: every commit that arrives while a write and its sync
   * are in progress joins the next batch, so the batch grows with the disk's latency instead of queueing up behind it.
   */
  append(writes: JournalWrite[]): Promise<void> {
    let text = "";
    const parts: (string | Buffer)[] = [];
    for (const write of writes) {
      if (write.raw) {
        const { key, at, bytes } = write.raw;
        parts.push(`${text}${JSON.stringify([write.collection, write.id, null, { key, at, bytes: bytes.length }])}\t`, bytes);
        text = "\n";
        continue;
      }
      text += `${JSON.stringify([write.collection, write.id, write.expectedRevision ?? null])}\t${write.text ?? ""}\n`;
    }
    text += ".\n";
    parts.push(text);
    let batch = this.#batches.at(-1);
    if (!batch || batch.generation !== this.#generation) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      // A barrier nobody awaits must not become an unhandled rejection: the committers see the error.
      done.catch(() => undefined);
      batch = { generation: this.#generation, parts: [], done, resolve, reject };
      this.#batches.push(batch);
    }
    batch.parts.push(...parts);
    if (!this.#writer) {
      this.#writer = true;
      // The first commit waits `groupMs` for others of the same moment; later ones wait for the write in progress.
      if (this.options.groupMs > 0) setTimeout(() => this.#drain(), this.options.groupMs);
      else setImmediate(() => this.#drain());
    }
    return batch.done;
  }

  #drain(): void {
    const batch = this.#batches.shift();
    if (!batch) {
      this.#writer = false;
      return;
    }
    this.#writing = this.#write(batch).then(batch.resolve, batch.reject);
    void this.#writing.then(() => this.#drain());
  }

  /** Resolves once every commit queued so far is on disk (a data file's flush waits for it). */
  barrier(): Promise<void> {
    return this.#batches.at(-1)?.done ?? this.#writing;
  }

  /** Whether anything was written since the last rotation. */
  get dirty(): boolean {
    return this.#written || this.#batches.length > 0;
  }

  /** Later commits go to a new file; resolves with the older files, once their commits are written. */
  async rotate(): Promise<string[]> {
    const older = this.#generation;
    this.#generation++;
    this.#written = false;
    await this.barrier().catch(() => undefined);
    // Listed off the event loop (every checkpoint, each second): a directory read waits while files are created and
    // removed in it, and the messages of that moment would wait with it.
    return (await journalFilesOf(this.dir))
      .filter((file) => file.generation <= older)
      .map((file) => file.path);
  }

  /**
   * Removes journal files whose commits the data files now hold. Off the event loop: unlinking a few MB of journal
   * frees its blocks, milliseconds of a held loop each second under load. Recovery would replay a file left by a
   * crash before its unlink, as it does one left between a checkpoint's flush and its removal: later revisions win.
   */
  async remove(paths: string[]): Promise<void> {
    const removed = paths.map((path) => {
      const generation = generationOf(path);
      void this.#files.get(generation)?.close().catch(() => undefined);
      this.#files.delete(generation);
      return unlink(path).catch(() => undefined); // already gone
    });
    await Promise.all(removed);
  }

  async close(): Promise<void> {
    await this.#writing.catch(() => undefined);
    await Promise.all([...this.#files.values()].map((file) => file.close().catch(() => undefined)));
    this.#files.clear();
  }

  // One write and (with fsync) one sync per group, off the event loop (libuv's thread pool).
  async #write(group: { generation: number; parts: (string | Buffer)[] }): Promise<void> {
    let file = this.#files.get(group.generation);
    if (file === undefined) {
      file = await open(join(this.dir, fileName(group.generation)), "a");
      this.#files.set(group.generation, file);
    }
    await writeAll(file, gathered(group.parts));
    if (this.options.fsync) await file.datasync();
    this.#written = true;
  }
}

/** One document write of a commit; `raw`: a long text, written as its UTF-8 bytes (see the line format above). */
export interface JournalWrite {
  collection: string;
  id: string;
  text: string | undefined;
  expectedRevision?: number;
  raw?: RawText;
}

/** A long text's bytes and what its file's header needs. */
export interface RawText {
  key: string;
  at: number;
  bytes: Buffer;
}

/**
 * A group's parts as few buffers: each run of document lines encoded as one, a long text's bytes as they are (not
 * copied into one buffer with the rest: a megabyte copied on the event loop per long text).
 */
function gathered(parts: (string | Buffer)[]): Buffer[] {
  const buffers: Buffer[] = [];
  let text = "";
  for (const part of parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    if (text) buffers.push(Buffer.from(text));
    text = "";
    buffers.push(part);
  }
  if (text) buffers.push(Buffer.from(text));
  return buffers;
}

/**
 * Appends `buffers` through a handle opened for appending: one writev call for the whole group (FileHandle.appendFile
 * runs writeFile's general machinery — validation, a Buffer copy, a chunk loop — for every group). A short write
 * (a full disk) continues from where it stopped.
 */
async function writeAll(file: FileHandle, buffers: Buffer[]): Promise<void> {
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  const { bytesWritten } = await file.writev(buffers);
  if (bytesWritten === total) return;
  const rest = Buffer.concat(buffers).subarray(bytesWritten);
  for (let at = 0; at < rest.length; ) at += (await file.write(rest, at, rest.length - at)).bytesWritten;
}

/** One whole commit read back from a journal file. */
export interface JournalCommit {
  writes: JournalWrite[];
}

interface Batch {
  generation: number;
  parts: (string | Buffer)[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The whole commits in the journal files of `dir`, oldest first, with the files they came from. */
export function readJournal(dir: string): { commits: JournalCommit[]; files: string[] } {
  const files = journalFiles(dir);
  const commits: JournalCommit[] = [];
  for (const file of files) {
    const data = readFileSync(file.path);
    let current: JournalCommit["writes"] = [];
    for (let start = 0; start < data.length; ) {
      const newline = data.indexOf(10, start);
      const tab = data.indexOf(9, start);
      // A line without a tab: the "." that ends a commit (or what a crash cut short, dropped with its commit).
      if (tab < 0 || (newline >= 0 && newline < tab)) {
        if (newline < 0) break;
        if (data.toString("utf8", start, newline) === ".") {
          commits.push({ writes: current });
          current = [];
        }
        start = newline + 1;
        continue;
      }
      try {
        const [collection, id, expected, raw] = JSON.parse(data.toString("utf8", start, tab)) as [string, string, number | null, { key: string; at: number; bytes: number }?];
        if (raw) {
          // The text's bytes as they are (they may hold newlines), then a newline.
          const end = tab + 1 + raw.bytes;
          if (end >= data.length || data[end] !== 10) break; // cut short by a crash
          current.push({ collection, id, text: undefined, raw: { key: raw.key, at: raw.at, bytes: data.subarray(tab + 1, end) } });
          start = end + 1;
          continue;
        }
        if (newline < 0) break;
        const text = data.toString("utf8", tab + 1, newline);
        start = newline + 1;
        if (text) JSON.parse(text);
        current.push({ collection, id, text: text || undefined, ...(expected === null ? {} : { expectedRevision: expected }) });
      } catch {
        current = [];
        start = newline < 0 ? data.length : newline + 1;
      }
    }
  }
  return { commits, files: files.map((file) => file.path) };
}

function fileName(generation: number): string {
  return `_journal-${String(generation).padStart(8, "0")}.log`;
}

function generationOf(path: string): number {
  return Number(/_journal-(\d+)\.log$/.exec(path)?.[1] ?? -1);
}

function journalFiles(dir: string): { path: string; generation: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return journalFilesIn(dir, names);
}

/** {@link journalFiles}, read on libuv's thread pool. */
async function journalFilesOf(dir: string): Promise<{ path: string; generation: number }[]> {
  return journalFilesIn(dir, await readdir(dir).catch(() => []));
}

function journalFilesIn(dir: string, names: string[]): { path: string; generation: number }[] {
  return names
    .filter((name) => /^_journal-\d+\.log$/.test(name))
    .map((name) => ({ path: join(dir, name), generation: generationOf(name) }))
    .sort((a, b) => a.generation - b.generation);
}
