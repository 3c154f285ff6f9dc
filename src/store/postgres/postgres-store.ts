import pg from "pg";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import { matches } from "../match.js";
import { LONG_TEXTS, longTextBytes, type LongTextDoc } from "../long-texts.js";
import type { Collection, CommitWrite, LongTexts, Match, Store } from "../store.js";
import { connectRedis, redactUrl } from "../redis/connect-redis.js";
import { RedisSeenIds } from "../redis/redis-seen-ids.js";
import { migrate } from "./migrate.js";
import { quoteSchema } from "./schema-name.js";
import { PostgresSeenIds, type SeenIds } from "./seen-ids.js";

/** Options for {@link PostgresStore}. */
export interface PostgresStoreOptions {
  pool: pg.Pool;
  /** The schema holding the tables (default "public"); tests use a throwaway one. */
  schema?: string;
  /** Where markSeen remembers ids; the `seen_ids` table by default, Redis when configured. */
  seenIds?: SeenIds;
  /** Run by close() after the pool has ended: ending what the store opened for itself. */
  onClose?: () => Promise<void>;
}

/**
 * The scale-out store: every instance reads and writes the same PostgreSQL database.
 *
 * Documents are rows of one table (collection, id, doc jsonb); `find` is `doc @> match` on a GIN
 * index, then checked once more with the same equality as the other stores (jsonb containment would
 * also let `{ tag: "x" }` match an array `["x", "y"]`). Every write is committed before it resolves,
 * so `{ durable: true }` costs nothing extra. Documents must be JSON (dates become strings).
 *
 * Tables must exist: use {@link createPostgresStore} or {@link PostgresStore.open}, which migrate first.
 *
 * @example
 * const store = await PostgresStore.open({ connectionString: "postgres://postgres@127.0.0.1/test" });
 * await store.collection<Report>("reports").set("PA-0001", report);
 */
export class PostgresStore implements Store {
  #pool: pg.Pool;
  #schema: string;
  #documents: string;
  #sequences: string;
  #texts: string;
  #seen: SeenIds;
  #closed?: Promise<void>;
  #longTexts?: LongTexts;

  constructor(private readonly options: PostgresStoreOptions) {
    this.#pool = options.pool;
    this.#schema = options.schema ?? "public";
    const schema = quoteSchema(this.#schema);
    this.#documents = `${schema}.documents`;
    this.#sequences = `${schema}.sequences`;
    this.#texts = `${schema}.long_texts`;
    this.#seen = options.seenIds ?? new PostgresSeenIds(this.#pool, { schema: this.#schema });
  }

  /**
   * Opens a pool, brings the schema up to date and returns a store that owns the pool (close() ends it).
   *
   * @example const store = await PostgresStore.open({ connectionString, schema: "test_123" });
   */
  static async open(options: { connectionString: string; schema?: string; seenIds?: SeenIds; onClose?: () => Promise<void>; logger?: Logger }): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: 10 });
    // An idle client losing its connection emits 'error' on the pool; unhandled, it would crash the process.
    pool.on("error", (error) => options.logger?.error({ err: error }, "PostgreSQL idle connection failed"));
    try {
      const applied = await migrate(pool, options.schema ?? "public");
      if (applied.length) options.logger?.info({ applied, schema: options.schema ?? "public" }, "PostgreSQL migrations applied");
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`PostgreSQL at ${redactUrl(options.connectionString)}: ${(error as Error).message}`, { cause: error });
    }
    const onClose = options.onClose;
    return new PostgresStore({
      pool,
      schema: options.schema,
      seenIds: options.seenIds,
      onClose: async () => {
        await pool.end();
        await onClose?.();
      },
    });
  }

  /** The schema this store uses. */
  get schema(): string {
    return this.#schema;
  }

  collection<T>(name: string): Collection<T> {
    if (!/^[a-z0-9_-]+$/i.test(name)) throw new Error(`Invalid collection name: ${name}`);
    const table = this.#documents;
    const pool = this.#pool;
    return {
      get: async (id) => {
        const { rows } = await pool.query<{ doc: T }>(prepared(`SELECT doc FROM ${table} WHERE collection = $1 AND id = $2`, [name, id]));
        return rows[0]?.doc;
      },
      set: async (id, value) => {
        await pool.query(
          prepared(
            `INSERT INTO ${table} (collection, id, doc) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()`,
            [name, id, toJson(value)],
          ),
        );
      },
      setIfRevision: async (id, value, expected) => {
        // A new document (expected 0) may be inserted; otherwise only the row still at `expected` is updated.
        const { rowCount } = await pool.query(
          expected === 0
            ? prepared(
                `INSERT INTO ${table} AS d (collection, id, doc) VALUES ($1, $2, $3::jsonb)
               ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()
               WHERE COALESCE((d.doc->>'revision')::bigint, 0) = 0`,
                [name, id, toJson(value)],
              )
            : prepared(
                `UPDATE ${table} SET doc = $3::jsonb, updated_at = now()
               WHERE collection = $1 AND id = $2 AND COALESCE((doc->>'revision')::bigint, 0) = $4`,
                [name, id, toJson(value), expected],
              ),
        );
        return rowCount === 1;
      },
      delete: async (id) => {
        await pool.query(`DELETE FROM ${table} WHERE collection = $1 AND id = $2`, [name, id]);
      },
      find: async (match?: Match) => {
        // Prepared too: every message looks for the messages kept for its person (pending, by personKey).
        const { rows } = match
          ? await pool.query<{ doc: T }>(prepared(`SELECT doc FROM ${table} WHERE collection = $1 AND doc @> $2::jsonb ORDER BY id`, [name, JSON.stringify(match)]))
          : await pool.query<{ doc: T }>(prepared(`SELECT doc FROM ${table} WHERE collection = $1 ORDER BY id`, [name]));
        return rows.map((row) => row.doc).filter((doc) => matches(doc, match));
      },
    };
  }

  /** One transaction: every write or none; a write whose expected revision no longer holds rolls it back. */
  async commit(writes: CommitWrite[]): Promise<boolean> {
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      for (const write of writes) {
        if (!(await this.#write(client, write))) {
          await client.query("ROLLBACK");
          return false;
        }
      }
      await client.query("COMMIT");
      return true;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async #write(client: pg.PoolClient, write: CommitWrite): Promise<boolean> {
    if (write.collection === LONG_TEXTS) return this.#writeText(client, write);
    const table = this.#documents;
    const { collection, id, value, expectedRevision: expected } = write;
    const revisionIs = `COALESCE((d.doc->>'revision')::bigint, 0) = $3`;
    if (value === undefined) {
      const { rowCount } = await client.query(
        expected === undefined
          ? prepared(`DELETE FROM ${table} AS d WHERE collection = $1 AND id = $2`, [collection, id])
          : prepared(`DELETE FROM ${table} AS d WHERE collection = $1 AND id = $2 AND ${revisionIs}`, [collection, id, expected]),
      );
      return expected === undefined || rowCount === 1;
    }
    if (expected === undefined) {
      await client.query(prepared(`INSERT INTO ${table} (collection, id, doc) VALUES ($1, $2, $3::jsonb) ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()`, [collection, id, toJson(value)]));
      return true;
    }
    const { rowCount } = await client.query(
      expected === 0
        ? prepared(`INSERT INTO ${table} AS d (collection, id, doc) VALUES ($1, $2, $4::jsonb) ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now() WHERE ${revisionIs}`, [collection, id, expected, toJson(value)])
        : prepared(`UPDATE ${table} AS d SET doc = $4::jsonb, updated_at = now() WHERE collection = $1 AND id = $2 AND ${revisionIs}`, [collection, id, expected, toJson(value)]),
    );
    return rowCount === 1;
  }

  async nextSequence(name: string): Promise<number> {
    // One statement: the row lock serialises concurrent callers, and the value is committed before we return it.
    const { rows } = await this.#pool.query<{ value: string }>(
      `INSERT INTO ${this.#sequences} AS s (name, value) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET value = s.value + 1 RETURNING value`,
      [name],
    );
    return Number(rows[0]!.value);
  }

  markSeen(eventId: string): Promise<boolean> {
    return this.#seen.markSeen(eventId);
  }

  /**
   * A long text of a commit (longTextWrite), in its own table as UTF-8 bytes: the bytes the channel holds, sent as
   * they are (never decoded into a string, stringified as JSON and parsed by PostgreSQL as a document).
   */
  async #writeText(client: pg.PoolClient, write: CommitWrite): Promise<boolean> {
    if (write.value === undefined) {
      await client.query(prepared(`DELETE FROM ${this.#texts} WHERE id = $1`, [write.id]));
      return true;
    }
    const doc = write.value as LongTextDoc;
    await client.query(prepared(this.#upsertText, [write.id, doc.key, doc.at, longTextBytes(write)]));
    return true;
  }

  /** Keeps a long text's bytes ($4) as $1 of the conversation $2, stored at $3 (epoch ms), replacing one of that id. */
  get #upsertText(): string {
    return `INSERT INTO ${this.#texts} (id, key, at, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key, at = EXCLUDED.at, bytes = EXCLUDED.bytes`;
  }

  /** Long texts, one row each in `long_texts` (migration 003); the retention removes old ones in one statement. */
  get longTexts(): LongTexts {
    this.#longTexts ??= this.#longTextTable();
    return this.#longTexts;
  }

  #longTextTable(): LongTexts {
    const texts = this.#texts;
    const pool = this.#pool;
    const rows = async (sql: string, values: unknown[]) => (await pool.query<{ id: string; bytes: Buffer }>(sql, values)).rows.map(({ id, bytes }) => ({ id, text: bytes.toString("utf8") }));
    const upsert = this.#upsertText;
    return {
      put: async (key, id, text) => {
        await pool.query(upsert, [id, key, Date.now(), Buffer.from(text)]);
      },
      get: async (key, id) => (await rows(`SELECT id, bytes FROM ${texts} WHERE id = $1 AND key = $2`, [id, key]))[0]?.text,
      delete: async (key, ids) => {
        await pool.query(`DELETE FROM ${texts} WHERE key = $1 AND id = ANY($2::text[])`, [key, ids]);
      },
      list: (key) => rows(`SELECT id, bytes FROM ${texts} WHERE key = $1 ORDER BY id`, [key]),
      deleteAll: async (key) => {
        await pool.query(`DELETE FROM ${texts} WHERE key = $1`, [key]);
      },
      prune: async (before) => (await pool.query(`DELETE FROM ${texts} WHERE at < $1`, [before])).rowCount ?? 0,
    };
  }

  /** Nothing is pending: every write is committed before it resolves. */
  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#seen.close?.();
      await this.options.onClose?.();
    })();
    return this.#closed;
  }
}

/**
 * The store for STORE=postgres: DATABASE_URL, schema PG_SCHEMA (default public), and seen ids in
 * Redis when REDIS_URL is set (shared by all instances, expired by Redis, keys under REDIS_PREFIX).
 * Everything comes from the validated config, never from process.env directly.
 *
 * @example const store = await createPostgresStore(config, logger);
 */
export async function createPostgresStore(config: Config, logger: Logger, overrides: { schema?: string; redisPrefix?: string } = {}): Promise<Store> {
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL is required when STORE=postgres");
  const schema = overrides.schema ?? config.PG_SCHEMA ?? "public";
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL) : undefined;
  try {
    const store = await PostgresStore.open({
      connectionString: config.DATABASE_URL,
      schema,
      seenIds: redis ? new RedisSeenIds(redis, { prefix: overrides.redisPrefix ?? config.REDIS_PREFIX }) : undefined,
      onClose: async () => void (await redis?.quit()),
      logger,
    });
    logger.info({ schema, seenIds: redis ? "redis" : "postgres" }, "PostgreSQL store ready");
    return store;
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
}

// JSON text for a jsonb parameter. A bare string would be sent as-is by pg (not as a JSON string),
// and undefined has no JSON form; both are made explicit here.
function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error("A stored document must be JSON (got undefined or a function)");
  return json;
}

/**
 * A named prepared statement for the queries every message runs (get, set, find): each connection parses and plans
 * it once, then only binds values. The name is a hash of the text, so schemas (and texts) never share a name.
 */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return { name: `doc_${(h >>> 0).toString(36)}`, text, values };
}
