import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertMediaId, type MediaObject, type MediaStore } from "./media-store.js";

/**
 * Kept files under `<DATA_DIR>/media/` (the default, beside lowdb's JSON): `<id>` holds the bytes and `<id>.type`
 * the MIME type. Written to a temporary name and renamed, so a crash never leaves half a photo under its id.
 */
export class FileMediaStore implements MediaStore {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = path.resolve(dataDir, "media");
  }

  async put(id: string, object: MediaObject): Promise<void> {
    assertMediaId(id);
    await mkdir(this.#dir, { recursive: true });
    const file = path.join(this.#dir, id);
    await writeFile(`${file}.type`, object.mime);
    await writeFile(`${file}.tmp`, object.bytes);
    await rename(`${file}.tmp`, file);
  }

  async get(id: string): Promise<MediaObject | undefined> {
    assertMediaId(id);
    const file = path.join(this.#dir, id);
    try {
      const [bytes, mime] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8")]);
      return { bytes, mime: mime.trim() };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    assertMediaId(id);
    const file = path.join(this.#dir, id);
    await Promise.all([rm(file, { force: true }), rm(`${file}.type`, { force: true })]);
  }

  async close(): Promise<void> {}
}
