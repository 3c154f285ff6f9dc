import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rm, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { LongTexts } from "../store.js";

/**
 * The embedded store's long texts: one file each, `<dir>/<conversation>/<text>.txt`, both names hashes (ids carry
 * channel user ids, which make poor file names). A file is a JSON header line (`{"id","key"}`) and the text's UTF-8
 * bytes, written once (and synced) in one write off the event loop: never parsed, stringified or rewritten by the
 * document files' flushes and compactions.
 * A text stored by a commit (the step that adds its line) is on disk in the commit's journal append — the step and its
 * text share one sync — and is *staged* here (read from memory) until the next checkpoint writes its file; only then
 * may the journal that holds it go (LowdbStore). Removing a staged text is journaled too (`forget`), so a crash in
 * between never brings back an erased text. Erasure removes the conversation's folder; the retention removes files
 * older than it by their time.
 *
 * @example const texts = new LongTextFiles(join(dataDir, "long-texts"), { fsync: true });
 */
export class LongTextFiles implements LongTexts {
  /** Conversation folders known to exist (a mkdir per text would cost a system call each). */
  #folders = new Set<string>();
  /** Texts whose commit is in the journal and whose file the next checkpoint writes, by id. */
  #staged = new Map<string, StagedText>();

  constructor(
    private readonly dir: string,
    private readonly options: { fsync: boolean; forget?: (ids: string[]) => Promise<void> },
  ) {}

  /** A text a commit stored (its UTF-8 bytes, in the journal): readable now, its file written by {@link writeStaged}. */
  stage(key: string, id: string, bytes: Buffer): void {
    this.#staged.set(id, { key, id, bytes });
  }

  /** A commit removed the text: no longer staged, its file (if any) removed. */
  async unstage(id: string): Promise<void> {
    const staged = this.#staged.get(id);
    this.#staged.delete(id);
    if (staged) await unlink(join(this.#folder(staged.key), `${nameOf(id)}.txt`)).catch(() => undefined);
  }

  /** The texts staged now (the checkpoint takes them as it starts a new journal file). */
  staged(): StagedText[] {
    return [...this.#staged.values()];
  }

  /** Writes (and syncs) the files of `texts`, then lets them go from memory; one removed meanwhile is removed again. */
  async writeStaged(texts: StagedText[]): Promise<void> {
    for (const staged of texts) {
      if (this.#staged.get(staged.id) !== staged) continue;
      await this.put(staged.key, staged.id, staged.bytes);
      if (this.#staged.get(staged.id) === staged) this.#staged.delete(staged.id);
      else await unlink(join(this.#folder(staged.key), `${nameOf(staged.id)}.txt`)).catch(() => undefined);
    }
  }

  async put(key: string, id: string, text: string | Buffer): Promise<void> {
    const folder = this.#folder(key);
    if (!this.#folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.#folders.add(folder);
    }
    const file = await open(join(folder, `${nameOf(id)}.txt`), "w");
    try {
      await file.writev([Buffer.from(`${JSON.stringify({ id, key })}\n`), typeof text === "string" ? Buffer.from(text) : text]);
      if (this.options.fsync) await file.datasync();
    } finally {
      await file.close();
    }
  }

  async get(key: string, id: string): Promise<string | undefined> {
    const staged = this.#staged.get(id);
    if (staged) return staged.key === key ? staged.bytes.toString("utf8") : undefined;
    return (await this.#read(join(this.#folder(key), `${nameOf(id)}.txt`)))?.text;
  }

  async delete(key: string, ids: string[]): Promise<void> {
    await this.#forget(ids.filter((id) => this.#staged.get(id)?.key === key));
    for (const id of ids) await unlink(join(this.#folder(key), `${nameOf(id)}.txt`)).catch(() => undefined);
  }

  async list(key: string): Promise<{ id: string; text: string }[]> {
    // The staged ones first: a checkpoint may write one's file and let it go while the folder is read.
    const staged = [...this.#staged.values()].filter((text) => text.key === key).map(({ id, bytes }) => ({ id, text: bytes.toString("utf8") }));
    const folder = this.#folder(key);
    const names = await readdir(folder).catch(() => [] as string[]);
    const texts: { id: string; text: string }[] = [];
    for (const name of names.sort()) {
      const found = await this.#read(join(folder, name));
      if (found?.key === key && !staged.some((text) => text.id === found.id)) texts.push({ id: found.id, text: found.text });
    }
    return [...texts, ...staged];
  }

  async deleteAll(key: string): Promise<void> {
    await this.#forget([...this.#staged.values()].filter((staged) => staged.key === key).map((staged) => staged.id));
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
    const staged = [...this.#staged.values()].map(({ key, id, bytes }) => ({ id, key, text: bytes.toString("utf8"), at: Date.now() }));
    const texts: { id: string; key: string; at: number; text: string }[] = [];
    for (const conversation of (await readdir(this.dir).catch(() => [] as string[])).sort()) {
      const folder = join(this.dir, conversation);
      for (const name of (await readdir(folder).catch(() => [] as string[])).sort()) {
        const found = await this.#read(join(folder, name));
        const info = await stat(join(folder, name)).catch(() => undefined);
        if (found && info && !staged.some((text) => text.id === found.id)) texts.push({ ...found, at: Math.round(info.mtimeMs) });
      }
    }
    return [...texts, ...staged];
  }

  /** Staged texts removed: journaled first (a crash must not bring them back from the journal), then let go. */
  async #forget(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.options.forget?.(ids);
    for (const id of ids) this.#staged.delete(id);
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

/** A text stored by a commit and not yet in its own file. */
export interface StagedText {
  key: string;
  id: string;
  bytes: Buffer;
}

/** A file name for an id: the first 32 hex digits of its SHA-256. */
function nameOf(id: string): string {
  return createHash("sha256").update(id).digest("hex").slice(0, 32);
}
