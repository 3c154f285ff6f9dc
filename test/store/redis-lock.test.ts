import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RefreshLock } from "../../src/channels/zalo/sdk/index.js";
import { LockTimeoutError, redisLock } from "../../src/store/redis/redis-lock.js";
import { deleteKeys, requireRedis, uniqueName } from "./services.js";

const prefix = `${uniqueName("test_lock")}:`;
let connections: Redis[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  connections = await Promise.all([requireRedis(), requireRedis(), requireRedis()]);
});
afterAll(async () => {
  if (connections[0]) await deleteKeys(connections[0], prefix);
  await Promise.all(connections.map((redis) => redis.quit()));
});

describe("redisLock", () => {
  it("lets one holder in at a time across connections (a read-modify-write loses no update)", async () => {
    // Three connections stand for three instances; each holder reads, pauses, then writes a shared counter.
    const locks: RefreshLock[] = connections.map((redis) => redisLock(redis, "counter", 5000, { prefix, retryMinMs: 2, retryMaxMs: 20 }));
    const [redis] = connections;
    await redis!.set(`${prefix}counter`, "0");
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        locks[i % 3]!(async () => {
          most = Math.max(most, ++inside);
          const value = Number(await redis!.get(`${prefix}counter`));
          await sleep(Math.random() * 4);
          await redis!.set(`${prefix}counter`, String(value + 1));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await redis!.get(`${prefix}counter`)).toBe("30");
  });

  it("returns the function's value and releases the lock at once", async () => {
    const lock = redisLock(connections[0]!, "value", 5000, { prefix });
    expect(await lock(async () => "token-1")).toBe("token-1");
    expect(await connections[0]!.exists(`${prefix}lock:value`)).toBe(0);
  });

  it("releases the lock when the function throws, and passes the error on", async () => {
    const lock = redisLock(connections[0]!, "throws", 5000, { prefix, maxWaitMs: 1000 });
    const failure = new Error("refresh refused");
    await expect(lock(async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await connections[0]!.exists(`${prefix}lock:throws`)).toBe(0);
    await expect(lock(async () => "again")).resolves.toBe("again");
  });

  it("gives up with LockTimeoutError when the lock stays taken past maxWaitMs", async () => {
    await connections[1]!.set(`${prefix}lock:stuck`, "someone-else", "PX", 60_000);
    const lock = redisLock(connections[0]!, "stuck", 5000, { prefix, maxWaitMs: 100, retryMinMs: 5, retryMaxMs: 20 });
    let ran = false;
    await expect(lock(async () => (ran = true))).rejects.toBeInstanceOf(LockTimeoutError);
    expect(ran).toBe(false);
    expect(await connections[0]!.get(`${prefix}lock:stuck`)).toBe("someone-else");
  });

  it("is taken over once a crashed holder's lease expires", async () => {
    // A holder that died: its key is there, nobody renews it.
    await connections[1]!.set(`${prefix}lock:crashed`, "dead-holder", "PX", 150);
    const lock = redisLock(connections[0]!, "crashed", 5000, { prefix, maxWaitMs: 5000, retryMinMs: 10, retryMaxMs: 50 });
    await expect(lock(async () => "took over")).resolves.toBe("took over");
  });

  it("keeps the lock past its ttl while the holder is alive and busy", async () => {
    const [a, b] = [redisLock(connections[0]!, "slow", 150, { prefix, retryMinMs: 5, retryMaxMs: 20 }), redisLock(connections[1]!, "slow", 150, { prefix, retryMinMs: 5, retryMaxMs: 20 })];
    let inside = 0;
    let most = 0;
    const hold = (ms: number) => async () => {
      most = Math.max(most, ++inside);
      await sleep(ms);
      inside--;
    };
    // Each holds for four times the ttl; without renewal the second would enter while the first still runs.
    await Promise.all([a(hold(600)), b(hold(600))]);
    expect(most).toBe(1);
  });

  it("never deletes a lock that another holder took after its own lease was lost", async () => {
    const lock = redisLock(connections[0]!, "lost", 5000, { prefix });
    await lock(async () => {
      // As if our lease expired during a long pause and another instance took the lock.
      await connections[1]!.set(`${prefix}lock:lost`, "next-holder", "PX", 60_000);
    });
    expect(await connections[0]!.get(`${prefix}lock:lost`)).toBe("next-holder");
  });
});
