import type pg from "pg";
import { quoteSchema } from "../store/postgres/schema-name.js";
import { assertMediaId, type MediaObject, type MediaStore } from "./media-store.js";

/**
 * Kept files in PostgreSQL (the `media` table of migration 002, bytea), so every instance of a scale-out
 * deployment serves the same evidence. Evidence files are at most MEDIA_MAX_BYTES (10 MB by default), well within
 * what bytea handles; for many large files use the S3-compatible store instead.
 */
export class PostgresMediaStore implements MediaStore {
  readonly #table: string;

  constructor(
    private readonly pool: pg.Pool,
    options: { schema?: string; onClose?: () => Promise<void> } = {},
  ) {
    this.#table = `${quoteSchema(options.schema ?? "public")}.media`;
    this.#onClose = options.onClose;
  }

  readonly #onClose?: () => Promise<void>;

  async put(id: string, object: MediaObject): Promise<void> {
    assertMediaId(id);
    await this.pool.query(
      `INSERT INTO ${this.#table} (id, mime, bytes) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET mime = EXCLUDED.mime, bytes = EXCLUDED.bytes`,
      [id, object.mime, object.bytes],
    );
  }

  async get(id: string): Promise<MediaObject | undefined> {
    assertMediaId(id);
    const { rows } = await this.pool.query<{ mime: string; bytes: Buffer }>(`SELECT mime, bytes FROM ${this.#table} WHERE id = $1`, [id]);
    return rows[0] ? { mime: rows[0].mime, bytes: rows[0].bytes } : undefined;
  }

  async delete(id: string): Promise<void> {
    assertMediaId(id);
    await this.pool.query(`DELETE FROM ${this.#table} WHERE id = $1`, [id]);
  }

  async close(): Promise<void> {
    await this.#onClose?.();
  }
}
