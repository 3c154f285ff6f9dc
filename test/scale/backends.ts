import pino from "pino";
import { loadConfig } from "../../src/config.js";
import type { Knowledge } from "../../src/shared/knowledge.js";
import { createPostgresStore } from "../../src/store/postgres/postgres-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startTestServer, TEST_ENV, type TestServer } from "../helpers/test-server.js";
import { deleteKeys, dropSchema, requirePostgres, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "../store/services.js";

/**
 * The two deployments the same behaviour tests run against: one instance on the default in-process
 * store (MemoryStore, as the lowdb tests use), and the scale-out one: PostgreSQL (a throwaway schema) +
 * Redis (a throwaway key prefix) with the per-person runner, the token lock and the outbound queue on.
 */
export type Backend = "memory" | "postgres+redis";

export const BACKENDS: Backend[] = ["memory", "postgres+redis"];

/** A running test server and how to remove everything it made. */
export interface BackendServer {
  server: TestServer;
  /** Stops the server, then drops the schema and the Redis keys (scale-out only). */
  stop(): Promise<void>;
  /** The Redis key prefix of the run (scale-out only). */
  redisPrefix?: string;
}

/**
 * Starts the real app over HTTP on `backend`.
 *
 * @example const { server, stop } = await startOn("postgres+redis", { STAFF_API_TOKEN: "…" }); … await stop();
 */
export async function startOn(backend: Backend, env: Record<string, string> = {}, options: { now?: () => number; knowledge?: Knowledge } = {}): Promise<BackendServer> {
  if (backend === "memory") {
    const server = await startTestServer(env, { store: new MemoryStore(), now: options.now, knowledge: options.knowledge });
    return { server, stop: () => server.stop() };
  }
  const admin = await requirePostgres();
  const redis = await requireRedis();
  const schema = uniqueName("test_scale");
  const prefix = `${uniqueName("test-scale")}:`;
  const scaleEnv = { STORE: "postgres", DATABASE_URL: TEST_DATABASE_URL, PG_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, ...env };
  const logger = pino({ level: "silent" });
  const store = await createPostgresStore(loadConfig({ ...TEST_ENV, ...scaleEnv }), logger);
  const cleanup = async () => {
    await dropSchema(admin, schema).catch(() => undefined);
    await deleteKeys(redis, prefix).catch(() => undefined);
    await admin.end();
    redis.disconnect();
  };
  let server: TestServer;
  try {
    server = await startTestServer(scaleEnv, { store, logger, now: options.now, knowledge: options.knowledge });
  } catch (error) {
    await store.close().catch(() => undefined);
    await cleanup();
    throw error;
  }
  return {
    server,
    redisPrefix: prefix,
    async stop() {
      try {
        await server.stop();
      } finally {
        await cleanup();
      }
    },
  };
}
