import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { loadConfig } from "../../src/config.js";
import type { RefreshLock } from "../../src/channels/zalo/sdk/index.js";
import type { KeyedRunner } from "../../src/core/serial-queue.js";
import { createLogger } from "../../src/logger.js";
import { createScaleOut } from "../../src/store/redis/scale-out.js";
import { deleteKeys, requireRedis, TEST_REDIS_URL, uniqueName } from "./services.js";

const prefix = `${uniqueName("test_scale")}:`;
let redis: Redis;

beforeAll(async () => {
  redis = await requireRedis();
});
afterAll(async () => {
  if (redis) await deleteKeys(redis, prefix);
  await redis?.quit();
});

describe("createScaleOut", () => {
  it("is off without REDIS_URL", async () => {
    expect(await createScaleOut(loadConfig({}), createLogger("silent"))).toBeUndefined();
  });

  it("gives a runner and a refresh lock that fit the Pipeline and the ZaloTokenManager", async () => {
    const scaleOut = (await createScaleOut(loadConfig({ REDIS_URL: TEST_REDIS_URL }), createLogger("silent"), { prefix }))!;
    try {
      const runner: KeyedRunner = scaleOut.runner;
      const lock: RefreshLock = scaleOut.refreshLock;
      expect(await runner.run("zalo:oa:1", async () => lock(async () => "refreshed"))).toBe("refreshed");
      expect(await redis.exists(`${prefix}lock:zalo-token-refresh`)).toBe(0);
    } finally {
      await scaleOut.close();
    }
  });

  it("a restarted instance frees at once the refresh lock its killed run held; another instance waits for the ttl", async () => {
    const lockKey = `${prefix}lock:token-refresh`;
    // The killed run of instance host-l:3000 held the refresh lock (its token starts with the run's id) and was listed
    // among the instance's runs, as RedisKeyedRunner.start lists each run.
    await redis.set(lockKey, "dead-run-1:0b1c", "PX", 30_000);
    await redis.sadd(`${prefix}runs:host-l:3000`, "dead-run-1");
    const config = (instance: string) => loadConfig({ REDIS_URL: TEST_REDIS_URL, INSTANCE_ID: instance });

    const other = (await createScaleOut(config("host-m:3000"), createLogger("silent"), { prefix }))!;
    try {
      expect(await redis.get(lockKey)).toBe("dead-run-1:0b1c");
    } finally {
      await other.close();
    }

    const back = (await createScaleOut(config("host-l:3000"), createLogger("silent"), { prefix }))!;
    try {
      expect(await redis.exists(lockKey)).toBe(0);
      const started = Date.now();
      // The lock is taken at once (not after the dead run's 30 s), and under this run's id.
      expect(await back.refreshLock(async () => (await redis.get(lockKey))?.startsWith(`${back.runner.runId}:`))).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await redis.smembers(`${prefix}runs:host-l:3000`)).not.toContain("dead-run-1");
    } finally {
      await back.close();
    }
  });
});
