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
});
