import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rm, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { LongTexts } from "../store.js";

/**
 * The embedded store's long texts: one file each, `<dir>/<conversation>/<text>.txt`, both names hashes (ids carry
 * channel user ids, which make poor file names). A file is a JSON header line (`{"id","key"}`) and the text's UTF-8
 * bytes, written once (and synced, as the journal is) in one write off the event loop: the text is encoded once
 * and never parsed, stringified or rewritten by the document files' flushes and compactions.
 * Erasure removes the conversation's folder; the retention removes files older than it by their time.
 *
 * @example const texts = new LongTextFiles(join(dataDir, "long-texts"), { fsync: true });
 */
export class LongTextFiles implements LongTexts {
  /** Conversation folders known to exist (a mkdir per text would cost a system call each). */
  #folders = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly options: { fsync: boolean },
  ) {}

  async put(key: string, id: string, text: string): Promise<void> {
    const folder = this.#folder(key);
    if (!this.#folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.#folders.add(folder);
    }
    const file = await open(join(folder, `${nameOf(id)}.txt`), "w");
    try {
      await file.writev([Buffer.from(`${JSON.stringify({ id, key })}\n`), Buffer.from(text)]);
      if (this.options.fsync) await file.datasync();
    } finally {
      await file.close();
    }
  }

  async get(key: string, id: string): Promise<string | undefined> {
    return (await this.#read(join(this.#folder(key), `${nameOf(id)}.txt`)))?.text;
  }

  async delete(key: string, ids: string[]): Promise<void> {
    for (const id of ids) await unlink(join(this.#folder(key), `${nameOf(id)}.txt`)).catch(() => undefined);
  }

  async list(key: string): Promise<{ id: string; text: string }[]> {
    const folder = this.#folder(key);
    const names = await readdir(folder).catch(() => [] as string[]);
    const texts: { id: string; text: string }[] = [];
    for (const name of names.sort()) {
      const found = await this.#read(join(folder, name));
      if (found?.key === key) texts.push({ id: found.id, text: found.text });
    }
    return texts;
  }

  async deleteAll(key: string): Promise<void> {
    const folder = this.#folder(key);
    this.#folders.delete(folder);
    await rm(folder, { recursive: true, force: true });
  }

  async prune(before: number): Promise<number> {
    let removed = 0;
    for (const conversation of await readdir(this.dir).catch(() => [] as string[])) {
      const folder = join(this.dir, conversation);
      const names = await readdir(folder).catch(() => [] as string[]);
      let left = names.length;
      for (const name of names) {
        const file = join(folder, name);
        const info = await stat(file).catch(() => undefined);
        if (!info || info.mtimeMs >= before) continue;
        await unlink(file).catch(() => undefined);
        removed++;
        left--;
      }
      if (left === 0) {
        this.#folders.delete(folder);
        await rm(folder, { recursive: true, force: true });
      }
    }
    return removed;
  }

  /** Every text with its conversation and time (the migration to PostgreSQL copies them as documents). */
  async all(): Promise<{ id: string; key: string; at: number; text: string }[]> {
    const texts: { id: string; key: string; at: number; text: string }[] = [];
    for (const conversation of (await readdir(this.dir).catch(() => [] as string[])).sort()) {
      const folder = join(this.dir, conversation);
      for (const name of (await readdir(folder).catch(() => [] as string[])).sort()) {
        const found = await this.#read(join(folder, name));
        const info = await stat(join(folder, name)).catch(() => undefined);
        if (found && info) texts.push({ ...found, at: Math.round(info.mtimeMs) });
      }
    }
    return texts;
  }

  #folder(key: string): string {
    return join(this.dir, nameOf(key));
  }

  async #read(path: string): Promise<{ id: string; key: string; text: string } | undefined> {
    const data = await readFile(path).catch(() => undefined);
    const end = data?.indexOf(10) ?? -1;
    if (!data || end < 0) return undefined;
    try {
      const { id, key } = JSON.parse(data.toString("utf8", 0, end)) as { id: string; key: string };
      return { id, key, text: data.toString("utf8", end + 1) };
    } catch {
      return undefined;
    }
  }
}

/** A file name for an id: the first 32 hex digits of its SHA-256. */
function nameOf(id: string): string {
  return createHash("sha256").update(id).digest("hex").slice(0, 32);
}
