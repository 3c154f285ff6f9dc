import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenState as ZaloTokenState } from "../../src/channels/zalo/sdk/index.js";
import { loadConfig } from "../../src/config.js";
import { createPostgresStore } from "../../src/store/postgres/postgres-store.js";
import { startPlatformStub, type PlatformStub } from "../faults/kit/platform-stub.js";
import { startTestServer, TEST_ENV, zaloText, type TestServer } from "../helpers/test-server.js";
import { deleteKeys, dropSchema, requirePostgres, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "../store/services.js";

/**
 * Two app instances on one PostgreSQL schema and one Redis, both holding an access token Zalo no longer
 * takes: the refresh lock that createApp wires from REDIS_URL lets exactly one of them spend the
 * single-use refresh token; the other waits, rereads the saved pair and uses it.
 */

let admin: Awaited<ReturnType<typeof requirePostgres>>;
let redis: Awaited<ReturnType<typeof requireRedis>>;
const schema = uniqueName("test_refresh");
const prefix = `${uniqueName("test-refresh")}:`;

beforeAll(async () => {
  admin = await requirePostgres();
  redis = await requireRedis();
});
afterAll(async () => {
  await dropSchema(admin, schema).catch(() => undefined);
  await deleteKeys(redis, prefix).catch(() => undefined);
  await admin.end();
  redis.disconnect();
});

describe("Zalo token refresh across instances", () => {
  it("one refresh for two instances whose token expired at once; every reply goes out with the new token", { timeout: 60_000 }, async () => {
    const stub: PlatformStub = await startPlatformStub({
      fault: ({ token }) => (token === "access-2" ? "ok" : "token-expired"),
      // Slow, so the second instance's refresh surely comes while the first holds the lock.
      refresh: async (refreshToken) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (refreshToken !== "refresh-1") throw new Error(`spent refresh token ${refreshToken}`);
        return { access_token: "access-2", refresh_token: "refresh-2", expires_in: "90000" };
      },
    });
    const env = {
      STORE: "postgres",
      DATABASE_URL: TEST_DATABASE_URL,
      PG_SCHEMA: schema,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      ZALO_API_BASE: stub.url,
      ZALO_OAUTH_BASE: stub.url,
    };
    const logger = pino({ level: "silent" });
    const servers: TestServer[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const store = await createPostgresStore(loadConfig({ ...TEST_ENV, ...env }), logger);
        servers.push(await startTestServer(env, { store, logger }));
      }
      const people = Array.from({ length: 20 }, (_, i) => `r${100 + i}`);
      await Promise.all(people.map((userId, i) => servers[i % 2]!.postZalo(zaloText("xin chào", userId, `${userId}-1`))));
      await Promise.all(servers.map((server) => server.settle()));

      expect(stub.refreshes).toEqual(["refresh-1"]);
      const tokens = new Map(stub.delivered.map((entry) => [entry.userId, entry.token]));
      expect(people.filter((userId) => tokens.get(userId) !== "access-2")).toEqual([]);
      expect(await servers[0]!.store.collection<ZaloTokenState>("tokens").get("zalo")).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });
      expect(await servers[1]!.store.collection("dead_letters").find()).toEqual([]);
    } finally {
      for (const server of servers) await server.stop();
      await stub.close();
    }
  });
});
