import { randomBytes } from "node:crypto";
import pg from "pg";
import { Redis } from "ioredis";

/**
 * The PostgreSQL and Redis the store tests run against. CI starts both; when one is missing the tests
 * fail with a message saying so, rather than skipping and passing green.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A name no other run (or parallel test file) uses: schemas, key prefixes. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** A pool that has answered `SELECT 1`, or an error that says what to start. */
export async function requirePostgres(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  pool.on("error", () => undefined);
  try {
    await pool.query("SELECT 1");
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL is required by these tests but is not reachable at ${TEST_DATABASE_URL} (${(error as Error).message}). ` +
        "Start it (CI does) or set TEST_DATABASE_URL.",
    );
  }
}

/** A Redis connection that has answered PING, or an error that says what to start. */
export async function requireRedis(): Promise<Redis> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis is required by these tests but is not reachable at ${TEST_REDIS_URL} (${(error as Error).message}). ` +
        "Start it (CI does) or set TEST_REDIS_URL.",
    );
  }
}

/** Drops a throwaway schema and everything in it. */
export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  if (!/^test_[a-z0-9_]+$/.test(schema)) throw new Error(`Refusing to drop a schema not made by the tests: ${schema}`);
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** Deletes every Redis key under a test prefix. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
