import { renameSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { Low } from "lowdb";
import { DataFile } from "lowdb/node";

/**
 * One data file of the embedded store, in JSON lines: `"<id as JSON>"<TAB><document as JSON>`, or
 * `"<id>"<TAB>` alone for a deletion. Later lines win, so a flush appends only the documents that changed
 * since the last one (cost proportional to the change, not to the file). When superseded lines outnumber
 * live ones the file is compacted: rewritten whole by lowdb (`Low` over a `DataFile`; steno writes a temp
 * file and renames it, so a crash never leaves a half-written file). A crash during an append can only cut
 * the last line short; that line is ignored on reading.
 */
export class ShardFile {
  #low: Low<Map<string, string>>;
  #loaded?: Promise<Map<string, string>>;
  #timer?: NodeJS.Timeout;
  #dirty = new Set<string>();
  #lines = 0;
  /** The file on disk is not what is loaded (a cut or broken line): rewrite it whole. */
  #rewrite = false;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly flushMs: number,
    private readonly onCorruptFile?: (file: string, movedTo: string) => void,
  ) {
    this.#low = new Low(new DataFile<Map<string, string>>(file, { parse: (text) => this.#parse(text), stringify: serialize }), new Map());
  }

  data(): Promise<Map<string, string>> {
    this.#loaded ??= this.#low.read().then(() => {
      if (this.#rewrite) void this.flush();
      return this.#low.data;
    });
    return this.#loaded;
  }

  /** Marks a document changed (set or deleted); a durable change is written now, others within `flushMs`. */
  async changed(id: string, durable: boolean): Promise<void> {
    this.#dirty.add(id);
    if (durable) return this.flush();
    this.#timer ??= setTimeout(() => void this.flush(), this.flushMs);
    this.#timer.unref?.();
  }

  /** Writes what changed. Chained: two flushes never interleave. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#loaded || (this.#dirty.size === 0 && !this.#rewrite)) return this.#writing;
    const ids = [...this.#dirty];
    this.#dirty.clear();
    this.#writing = this.#writing.then(async () => {
      const data = this.#low.data;
      if (this.#rewrite || this.#lines + ids.length > 2 * data.size + 64) {
        this.#rewrite = false;
        await this.#low.write();
        this.#lines = data.size;
        return;
      }
      let out = "";
      for (const id of ids) {
        const doc = data.get(id);
        out += `${JSON.stringify(id)}\t${doc ?? ""}\n`;
      }
      await appendFile(this.file, out);
      this.#lines += ids.length;
    });
    return this.#writing;
  }

  #parse(text: string): Map<string, string> {
    const map = new Map<string, string>();
    const lines = text.split("\n");
    // Without a final newline the last line is an append cut short by a crash: not a broken file.
    const cut = text.length > 0 && !text.endsWith("\n") ? lines.pop() : undefined;
    let broken = false;
    for (const line of lines) {
      if (!line) continue;
      this.#lines++;
      const tab = line.indexOf("\t");
      try {
        if (tab < 0) throw new Error("no tab");
        const id = JSON.parse(line.slice(0, tab)) as unknown;
        if (typeof id !== "string") throw new Error("id is not a string");
        const doc = line.slice(tab + 1);
        if (doc === "") {
          map.delete(id);
          continue;
        }
        JSON.parse(doc); // validates; the text itself is what is kept
        map.set(id, doc);
      } catch {
        broken = true;
      }
    }
    if (broken) {
      // A file broken by hand must not stop the bot: keep a copy for staff, load every line that parses.
      // The callback may throw to refuse (the migration does): then the file stays where it is.
      const movedTo = `${this.file}.corrupt-${Date.now()}`;
      this.onCorruptFile?.(this.file, movedTo);
      renameSync(this.file, movedTo);
    }
    if (broken || cut !== undefined) this.#rewrite = true;
    return map;
  }
}

function serialize(map: Map<string, string>): string {
  let out = "";
  for (const [id, doc] of map) out += `${JSON.stringify(id)}\t${doc}\n`;
  return out;
}
