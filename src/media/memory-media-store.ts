import { assertMediaId, type MediaObject, type MediaStore } from "./media-store.js";

/** Kept files in memory (STORE=memory and tests): gone when the process ends, like the memory store. */
export class MemoryMediaStore implements MediaStore {
  readonly #objects = new Map<string, MediaObject>();

  async put(id: string, object: MediaObject): Promise<void> {
    assertMediaId(id);
    this.#objects.set(id, { bytes: Buffer.from(object.bytes), mime: object.mime });
  }

  async get(id: string): Promise<MediaObject | undefined> {
    assertMediaId(id);
    return this.#objects.get(id);
  }

  async delete(id: string): Promise<void> {
    assertMediaId(id);
    this.#objects.delete(id);
  }

  async close(): Promise<void> {}
}
