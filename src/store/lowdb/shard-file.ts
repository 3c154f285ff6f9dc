import { close as closeFd, closeSync, open as openFd, openSync, readSync, renameSync, write } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import { RecentMap } from "./recent-map.js";
import { pack, readFile, readFrom, readWhole, unpack } from "./shard-positions.js";

/** Clean documents kept in memory per file, most recently used (a person's conversation between messages). */
const CACHE_SIZE = 64;
/** Revisions remembered per file, most recently written or read. */
const REVISIONS_SIZE = 1024;

/**
 * One data file of the embedded store, in JSON lines: `"<id as JSON>"<TAB><document as JSON>`, or
 * `"<id>"<TAB>` alone for a deletion. Later lines win, so a flush appends only the documents that changed
 * since the last one (cost proportional to the change, not to the file). When superseded lines outnumber
 * live ones the file is compacted: rewritten whole by lowdb (`Low` over a `DataFile`; steno writes a temp
 * file and renames it, so a crash never leaves a half-written file). A crash during an append can only cut
 * the last line short; that line is ignored on reading.
 *
 * Memory: only ids stay in memory, each with where its document is in the file; a document is read from the
 * file when asked for (the OS page cache keeps hot files in memory), and the last few used are cached.
 * Documents written since the last flush are held as text until they are appended. 100 000 conversations
 * cost a few MB of ids instead of ~150 MB of text (BENCHMARKS.md).
 */
export class ShardFile {
  /** Live documents: the position of the text in the file, or the text itself while it waits for a flush. */
  #docs = new Map<string, number | string>();
  /** Ids set or deleted since the last flush. */
  #dirty = new Set<string>();
  /** Recently used clean documents (insertion order = recency). */
  #cache = new RecentMap<string, string>(CACHE_SIZE);
  /**
   * The revision of recently written or read documents, so a conditional write need not parse the stored text again
   * (a person's conversation of 200 lines, an outbox entry just written). Every set or delete of an id updates it.
   */
  #revisions = new RecentMap<string, number>(REVISIONS_SIZE);
  #loaded?: Promise<void>;
  #timer?: NodeJS.Timeout;
  #fd?: number;
  /**
   * Where appends go, opened once (an appendFile per flush opened and closed the file each time: two more calls to the
   * thread pool for every dirty file every second). Closed with the read handle, and so after a compaction.
   */
  #appendFd?: number;
  /** Bytes in the file, where the next append starts. */
  #bytes = 0;
  #lines = 0;
  /** The file on disk is not what is loaded (a cut or broken line): rewrite it whole. */
  #rewrite = false;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly flushMs: number,
    private readonly onCorruptFile?: (file: string, movedTo: string) => void,
    /** Resolves once the commits queued so far are in the journal: documents of a commit never reach a data file before it. */
    private readonly barrier: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Reads the file's ids and positions (once); the other methods need it done. */
  load(): Promise<void> {
    this.#loaded ??= this.#read().then(() => {
      if (this.#rewrite) void this.flush();
    });
    return this.#loaded;
  }

  get size(): number {
    return this.#docs.size;
  }

  has(id: string): boolean {
    return this.#docs.has(id);
  }

  /** The document's JSON text. */
  get(id: string): string | undefined {
    const at = this.#docs.get(id);
    if (at === undefined || typeof at === "string") return at;
    const cached = this.#cache.touch(id);
    if (cached !== undefined) return cached;
    const text = this.#readAt(at);
    this.#cache.set(id, text);
    return text;
  }

  /**
   * Sets a document (its JSON text); it is written with the next flush (`changed` says when). `revision`: the
   * revision the text holds, when the caller knows it (see {@link ShardFile.revision}).
   */
  set(id: string, text: string, revision?: number): void {
    this.#docs.set(id, text);
    this.#cache.delete(id);
    this.#dirty.add(id);
    if (revision === undefined) this.#revisions.delete(id);
    else this.noteRevision(id, revision);
  }

  delete(id: string): boolean {
    this.#revisions.delete(id);
    if (!this.#docs.delete(id)) return false;
    this.#cache.delete(id);
    this.#dirty.add(id);
    return true;
  }

  /** The revision of the document as it is now, if it was written or read lately (undefined: parse its text). */
  revision(id: string): number | undefined {
    return this.#revisions.get(id);
  }

  /** Remembers the revision of the document as it is now (read from its text by the caller). */
  noteRevision(id: string, revision: number): void {
    this.#revisions.set(id, revision);
  }

  /** Ids in insertion order (oldest first). */
  ids(): IterableIterator<string> {
    return this.#docs.keys();
  }

  /**
   * Every (id, JSON text), from one read of the whole file rather than one per document (find, migration,
   * compaction); it leaves the cache of recently used documents alone. Reads through the open handle, so
   * during a compaction's write it still reads the file the positions belong to.
   */
  entries(): [string, string][] {
    let onDisk: Buffer | undefined;
    const entries: [string, string][] = [];
    for (const [id, at] of this.#docs) {
      if (typeof at === "string") entries.push([id, at]);
      else entries.push([id, readFrom((onDisk ??= readWhole((this.#fd ??= openSync(this.file, "r")))), at)]);
    }
    return entries;
  }

  /** Schedules writing what changed: a durable change is written now, others within `flushMs`. */
  async changed(durable: boolean): Promise<void> {
    if (durable) return this.flush();
    this.#timer ??= setTimeout(() => void this.flush(), this.flushMs);
    this.#timer.unref?.();
  }

  /** Rewrites the file whole, so deleted and superseded lines are gone from disk (after an erasure). */
  async compactNow(): Promise<void> {
    await this.load();
    this.#rewrite = true;
    await this.flush();
  }

  /** Writes what changed. Chained: two flushes never interleave. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#loaded || (this.#dirty.size === 0 && !this.#rewrite)) return this.#writing;
    const ids = [...this.#dirty];
    this.#dirty.clear();
    const journaled = this.barrier().catch(() => undefined);
    this.#writing = this.#writing.then(() => journaled).then(() => (this.#rewrite || this.#lines + ids.length > 2 * this.#docs.size + 64 ? this.#compact() : this.#append(ids)));
    return this.#writing;
  }

  /** Closes its handles in the background (a compaction replaced the file); the next use opens the new one. */
  #letGo(): void {
    for (const fd of [this.#appendFd, this.#fd]) if (fd !== undefined) closeFd(fd, () => undefined);
    this.#appendFd = undefined;
    this.#fd = undefined;
  }

  /** Closes its handles (the store is closing). */
  close(): void {
    if (this.#appendFd !== undefined) closeSync(this.#appendFd);
    this.#appendFd = undefined;
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  // ===  Writing  ===

  async #append(ids: string[]): Promise<void> {
    let out = "";
    let offset = this.#bytes;
    const written: [string, string, number][] = [];
    for (const id of ids) {
      const doc = this.#docs.get(id);
      // A document flushed meanwhile by a compaction is a number: nothing to append for it.
      if (typeof doc === "number") continue;
      const head = `${JSON.stringify(id)}\t`;
      const line = `${head}${doc ?? ""}\n`;
      if (doc !== undefined) written.push([id, doc, pack(offset + Buffer.byteLength(head), Buffer.byteLength(doc))]);
      offset += Buffer.byteLength(line);
      out += line;
    }
    if (out === "") return;
    await this.#appendBytes(Buffer.from(out));
    this.#bytes = offset;
    this.#lines += ids.length;
    this.#settle(written, false);
  }

  /** Appends through the kept handle; a short write (a full disk) continues from where it stopped. */
  async #appendBytes(bytes: Buffer): Promise<void> {
    // Opened off the event loop (flushes are chained: one open at a time). openSync here, the first append after a
    // compaction, waited 40 ms for the file system while long texts were being synced: every message waited with it.
    const fd = (this.#appendFd ??= await opened(this.file, "a"));
    for (let at = 0; at < bytes.length; ) {
      at += await new Promise<number>((resolve, reject) => write(fd, bytes, at, bytes.length - at, null, (error, written) => (error ? reject(error) : resolve(written))));
    }
  }

  /** Rewrites the file with the live documents only (lowdb's DataFile: temp file, then rename). */
  async #compact(): Promise<void> {
    this.#rewrite = false;
    let out = "";
    let offset = 0;
    const written: [string, string, number][] = [];
    for (const [id, doc] of this.entries()) {
      const head = `${JSON.stringify(id)}\t`;
      written.push([id, doc, pack(offset + Buffer.byteLength(head), Buffer.byteLength(doc))]);
      out += `${head}${doc}\n`;
      offset += Buffer.byteLength(head) + Buffer.byteLength(doc) + 1;
    }
    // Ids changed from here on stay dirty and are appended by the next flush.
    for (const [id] of written) this.#dirty.delete(id);
    for (const id of [...this.#dirty]) if (!this.#docs.has(id)) this.#dirty.delete(id);
    // entries() read through the open handle, which stays open during the write: reads keep finding the old
    // file (where the positions point) until the new positions are settled, even after the rename.
    const low = new Low(new DataFile<string>(this.file, { parse: (text) => text, stringify: (text) => text }), out);
    // Low.write() skips falsy data: a file whose documents were all deleted must still be emptied (an erasure).
    if (out === "") await writeFile(this.file, "");
    else await low.write();
    // The old file was replaced: its handles go, off the event loop (closing the last handle of a replaced file frees
    // its blocks, a wait on the disk like the open above), and reads and appends go to the new one.
    this.#letGo();
    const reader = await opened(this.file, "r");
    if (this.#fd === undefined) this.#fd = reader;
    else closeFd(reader, () => undefined); // a read opened the new file meanwhile (#readAt)
    this.#bytes = offset;
    this.#lines = written.length;
    this.#settle(written, true);
  }

  /** After a write: documents unchanged since are now read from the file (after a compaction, from the new one). */
  #settle(written: [string, string, number][], compacted: boolean): void {
    for (const [id, doc, position] of written) {
      const now = this.#docs.get(id);
      if (now === doc || (compacted && typeof now === "number")) {
        this.#docs.set(id, position);
        this.#cache.set(id, doc);
      }
    }
  }

  // ===  Reading  ===

  #readAt(position: number): string {
    const { offset, length } = unpack(position);
    this.#fd ??= openSync(this.file, "r");
    const buffer = Buffer.allocUnsafe(length);
    readSync(this.#fd, buffer, 0, length, offset);
    return buffer.toString("utf8");
  }

  async #read(): Promise<void> {
    const data = readFile(this.file);
    if (!data) return;
    let broken = false;
    let start = 0;
    while (start < data.length) {
      const end = data.indexOf(10, start); // \n
      // Without a final newline the last line is an append cut short by a crash: not a broken file.
      if (end < 0) {
        this.#rewrite = true;
        break;
      }
      if (end > start) {
        this.#lines++;
        const tab = data.indexOf(9, start); // \t (never inside JSON text: it is escaped there)
        try {
          if (tab < 0 || tab > end) throw new Error("no tab");
          const id = JSON.parse(data.toString("utf8", start, tab)) as unknown;
          if (typeof id !== "string") throw new Error("id is not a string");
          if (tab + 1 === end) {
            this.#docs.delete(id);
          } else {
            JSON.parse(data.toString("utf8", tab + 1, end)); // validates; only the position is kept
            this.#docs.set(id, pack(tab + 1, end - tab - 1));
          }
        } catch {
          broken = true;
        }
      }
      start = end + 1;
    }
    this.#bytes = data.length;
    if (broken) {
      // A file broken by hand must not stop the bot: keep a copy for staff, load every line that parses.
      // The callback may throw to refuse (the migration does): then the file stays where it is.
      const movedTo = `${this.file}.corrupt-${Date.now()}`;
      this.onCorruptFile?.(this.file, movedTo);
      renameSync(this.file, movedTo);
      this.#rewrite = true;
    }
    if (this.#rewrite) {
      // The file is rewritten from what was loaded: hold those documents as text until then.
      for (const [id, position] of this.#docs) if (typeof position === "number") this.#docs.set(id, readFrom(data, position));
      this.#bytes = 0;
    }
  }
}

/** A file descriptor, opened on libuv's thread pool. */
function opened(file: string, flags: "a" | "r"): Promise<number> {
  return new Promise((resolve, reject) => openFd(file, flags, (error, fd) => (error ? reject(error) : resolve(fd))));
}
