/**
 * Where kept evidence lives: a small interface, like the document Store, so the backend is picked in one place
 * (create-media-store.ts): files under DATA_DIR (default), a PostgreSQL table (scale-out), an S3-compatible
 * bucket (when configured), or memory (STORE=memory, tests).
 */

/** One kept file. */
export interface MediaObject {
  bytes: Buffer;
  /** Read from the bytes when downloaded (sniff-type.ts), never from the URL. */
  mime: string;
}

/** The bytes of kept files, by media id (an id the bot made: safe as a file name or object key). */
export interface MediaStore {
  put(id: string, object: MediaObject): Promise<void>;
  get(id: string): Promise<MediaObject | undefined>;
  delete(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Media ids are made by the bot (media-<uuid>); anything else is refused before it reaches a path or a key. */
export function assertMediaId(id: string): void {
  if (!/^media-[a-z0-9-]{8,64}$/.test(id)) throw new Error(`Not a media id: ${JSON.stringify(id)}`);
}
