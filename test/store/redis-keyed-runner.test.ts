import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyedRunner } from "../../src/core/serial-queue.js";
import { RedisKeyedRunner, type RedisKeyedRunnerOptions } from "../../src/store/redis/redis-keyed-runner.js";
import { deleteKeys, requireRedis, uniqueName } from "./services.js";

const prefix = `${uniqueName("test_runner")}:`;
let a: Redis;
let b: Redis;
const extra: Redis[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const runner = (redis: Redis, options: RedisKeyedRunnerOptions = {}): KeyedRunner => new RedisKeyedRunner(redis, { prefix, pollMaxMs: 20, ...options });

/** Resolves once `count` tickets have been taken for `key` (told through onQueued). */
function queuedCounter() {
  const waiters: { count: number; resolve: () => void }[] = [];
  let taken = 0;
  return {
    onQueued: () => {
      taken++;
      for (const waiter of waiters.filter((w) => w.count <= taken)) waiter.resolve();
    },
    reached: (count: number) => new Promise<void>((resolve) => (taken >= count ? resolve() : waiters.push({ count, resolve }))),
  };
}

/** Records entries and exits, and the most tasks ever inside at once. */
function tracker() {
  const log: string[] = [];
  let inside = 0;
  let most = 0;
  return {
    log,
    get most() {
      return most;
    },
    task: (name: string, ms = Math.random() * 5) => async () => {
      most = Math.max(most, ++inside);
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      inside--;
      return name;
    },
  };
}

beforeAll(async () => {
  [a, b] = await Promise.all([requireRedis(), requireRedis()]);
});
afterAll(async () => {
  if (a) await deleteKeys(a, prefix);
  await Promise.all([a, b, ...extra].filter(Boolean).map((redis) => redis.quit().catch(() => undefined)));
});

describe("RedisKeyedRunner", () => {
  it("runs one key's tasks one at a time, in the order they were given", async () => {
    const run = runner(a);
    const t = tracker();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => run.run("zalo:oa:person-1", t.task(`m${i}`))));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(t.most).toBe(1);
    expect(t.log).toEqual(Array.from({ length: 20 }, (_, i) => [`start m${i}`, `end m${i}`]).flat());
  });

  it("runs different keys in parallel", async () => {
    const run = runner(a);
    // Each task waits for the other to have started: if keys were serialised, neither could finish.
    let release!: () => void;
    const bothStarted = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const task = async () => {
      if (++started === 2) release();
      await Promise.race([bothStarted, sleep(5000).then(() => Promise.reject(new Error("the other key's task never started")))]);
      return started;
    };
    await expect(Promise.all([run.run("zalo:oa:p-a", task), run.run("zalo:oa:p-b", task)])).resolves.toEqual([2, 2]);
  });

  it("never overlaps one key's tasks across two instances, and keeps the order they reached Redis", async () => {
    const queued = queuedCounter();
    const [first, second] = [runner(a, { onQueued: queued.onQueued }), runner(b, { onQueued: queued.onQueued })];
    const t = tracker();
    const runs: Promise<string>[] = [];
    // Alternate instances; each task is queued only after the previous one has its ticket, so the order at Redis is known.
    for (let i = 0; i < 16; i++) {
      runs.push((i % 2 ? second : first).run("messenger:page:person-2", t.task(`m${i}`, 2 + Math.random() * 6)));
      await queued.reached(i + 1);
    }
    await Promise.all(runs);
    expect(t.most).toBe(1);
    expect(t.log.filter((line) => line.startsWith("start"))).toEqual(Array.from({ length: 16 }, (_, i) => `start m${i}`));
  });

  it("passes a task's error to its caller and goes on with the next task", async () => {
    const run = runner(a);
    const failure = new Error("handler failed");
    const results = await Promise.allSettled([
      run.run("zalo:oa:person-3", async () => Promise.reject(failure)),
      run.run("zalo:oa:person-3", async () => "next"),
    ]);
    expect(results[0]).toEqual({ status: "rejected", reason: failure });
    expect(results[1]).toEqual({ status: "fulfilled", value: "next" });
  });

  it("gets past an instance that crashed holding a person's turn, once its lease lapses", async () => {
    const doomed = await requireRedis();
    extra.push(doomed);
    const crashing = runner(doomed, { leaseMs: 300 });
    let hang!: () => void;
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    const stuck = crashing
      .run("zalo:oa:person-4", () => {
        running();
        return new Promise<void>((resolve) => (hang = resolve));
      })
      .catch(() => undefined);
    await started;
    // The "crash": the connection goes, so the lease is no longer renewed and the turn is never handed on.
    doomed.disconnect();

    const survivor = runner(b, { leaseMs: 300 });
    await expect(survivor.run("zalo:oa:person-4", async () => "handled after the crash")).resolves.toBe("handled after the crash");
    hang();
    await stuck;
  });

  it("accepts a waiting task's place being passed over (lease lost) by queueing it again, not running it out of turn", async () => {
    const lost: number[] = [];
    const queued = queuedCounter();
    const run = runner(a, { leaseMs: 60_000, onQueued: queued.onQueued, onLeaseLost: (_key, ticket) => lost.push(ticket) });
    const t = tracker();
    let releaseFirst!: () => void;
    const first = run.run("zalo:oa:person-5", async () => {
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      return "first";
    });
    await queued.reached(1);
    const second = run.run("zalo:oa:person-5", t.task("second"));
    await queued.reached(2);
    // Simulate: ticket 2's lease lapsed and a waiter passed over it (done moved past 2) while ticket 1 still runs.
    await a.hset(`${prefix}queue:{zalo:oa:person-5}`, "done", "2");
    await queued.reached(3);
    expect(t.log).toEqual([]);
    releaseFirst();
    await expect(Promise.all([first, second])).resolves.toEqual(["first", "second"]);
    expect(lost).toEqual([2]);
  });
});
