import type { Redis } from "ioredis";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createPostgresStore, PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { connectRedis } from "../../src/store/redis/connect-redis.js";
import { RedisSeenIds } from "../../src/store/redis/redis-seen-ids.js";
import { storeContract } from "./store-contract.js";
import { deleteKeys, dropSchema, requirePostgres, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "./services.js";

// The scale-out configuration: documents and sequences in PostgreSQL, seen ids in Redis.
const prefix = `${uniqueName("test_seen")}:`;
let admin: pg.Pool;
let redis: Redis;
const schemas: string[] = [];

beforeAll(async () => {
  [admin, redis] = await Promise.all([requirePostgres(), requireRedis()]);
});
afterAll(async () => {
  for (const schema of schemas) await dropSchema(admin, schema);
  if (redis) await deleteKeys(redis, prefix);
  await admin?.end();
  await redis?.quit();
});

storeContract(
  "PostgresStore with RedisSeenIds",
  async () => {
    const schema = uniqueName("test_pgr");
    schemas.push(schema);
    // Each harness its own prefix, so one test's seen ids do not leak into the next.
    const seenPrefix = `${prefix}${schema}:`;
    const open = () => PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema, seenIds: new RedisSeenIds(redis, { prefix: seenPrefix }) });
    return { store: await open(), reopen: open };
  },
  { persistent: true },
);

describe("RedisSeenIds", () => {
  it("dedupes across instances and lets Redis expire the ids", async () => {
    const other = await requireRedis();
    try {
      const [one, two] = [new RedisSeenIds(redis, { prefix, ttlMs: 60_000 }), new RedisSeenIds(other, { prefix, ttlMs: 60_000 })];
      expect(await one.markSeen("zalo:e1")).toBe(true);
      expect(await two.markSeen("zalo:e1")).toBe(false);
      const ttl = await redis.pttl(`${prefix}seen:zalo:e1`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      await other.quit();
    }
  });

  it("is what createPostgresStore uses when REDIS_URL is set, and the store closes its Redis connection", async () => {
    const schema = uniqueName("test_pgr");
    schemas.push(schema);
    const config = loadConfig({ STORE: "postgres", DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL });
    const store = await createPostgresStore(config, createLogger("silent"), { schema, redisPrefix: prefix });
    try {
      expect(await store.markSeen("messenger:mid.1")).toBe(true);
      expect(await redis.exists(`${prefix}seen:messenger:mid.1`)).toBe(1);
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".seen_ids`);
      expect(rows[0].n).toBe(0);
      expect(await store.markSeen("messenger:mid.1")).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("stops start-up with a clear error when REDIS_URL points nowhere", async () => {
    await expect(connectRedis("redis://127.0.0.1:1", { connectTimeoutMs: 1000 })).rejects.toThrow(/Redis is not reachable at redis:\/\/127\.0\.0\.1:1/);
  });
});
