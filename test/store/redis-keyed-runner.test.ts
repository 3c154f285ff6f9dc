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

describe("RedisKeyedRunner after a kill -9 of its instance", () => {
  /** Resolves with `value`, or rejects with `why` after `ms`: "at once" here means well inside the 30 s lease. */
  const within = <T>(ms: number, value: Promise<T>, why: string) =>
    Promise.race([value, sleep(ms).then(() => Promise.reject(new Error(why)))]);

  /**
   * A run of instance `instanceId` that dies (its connection cut, as by SIGKILL) holding `key`'s turn with one task
   * running and one waiting behind it: two tickets whose 30 s leases are left in Redis.
   */
  async function deadRun(instanceId: string, key: string) {
    const doomed = await requireRedis();
    extra.push(doomed);
    const queued = queuedCounter();
    const dying = new RedisKeyedRunner(doomed, { prefix, pollMaxMs: 20, leaseMs: 30_000, instanceId, onQueued: queued.onQueued });
    await dying.start();
    dying.run(key, () => new Promise<void>(() => undefined)).catch(() => undefined);
    dying.run(key, async () => undefined).catch(() => undefined);
    await queued.reached(2);
    doomed.disconnect();
  }

  it("the same instance restarted frees the tickets its killed run held: the person's next message runs at once, not after the 30 s lease", async () => {
    await deadRun("host-1:3000", "zalo:oa:person-6");
    const restarted = new RedisKeyedRunner(b, { prefix, pollMaxMs: 20, leaseMs: 30_000, instanceId: "host-1:3000" });
    expect(await restarted.start()).toEqual({ tickets: 2, queues: 1 });
    await expect(within(5_000, restarted.run("zalo:oa:person-6", async () => "handled"), "waited for the dead run's lease")).resolves.toBe("handled");
    // What it freed is forgotten: a second start (another restart) finds nothing left of that run.
    expect(await new RedisKeyedRunner(b, { prefix, instanceId: "host-1:3000" }).start()).toEqual({ tickets: 0, queues: 0 });
  });

  it("another instance (a different INSTANCE_ID) does not free them: the person waits for the lease, as before", async () => {
    await deadRun("host-2:3000", "zalo:oa:person-7");
    const other = new RedisKeyedRunner(b, { prefix, pollMaxMs: 20, leaseMs: 30_000, instanceId: "host-3:3000" });
    expect(await other.start()).toEqual({ tickets: 0, queues: 0 });
    let ran = false;
    const next = other.run("zalo:oa:person-7", async () => (ran = true));
    await sleep(1_000);
    expect(ran).toBe(false);
    // The leases lapse (made to now, rather than waiting 30 s): then it runs.
    const queue = `${prefix}queue:{zalo:oa:person-7}`;
    await b.del(`${queue}:alive:1`, `${queue}:alive:2`);
    await expect(next).resolves.toBe(true);
  });

  it("keeps the held set to the queues where the run still has tickets, and frees nothing a finished task left", async () => {
    const run = new RedisKeyedRunner(a, { prefix, pollMaxMs: 20, instanceId: "host-4:3000" });
    await run.start();
    await Promise.all([run.run("zalo:oa:person-8", async () => undefined), run.run("zalo:oa:person-9", async () => undefined)]);
    const held = await a.keys(`${prefix}held:host-4:3000:*`);
    expect(await Promise.all(held.map((key) => a.scard(key)))).toEqual(held.map(() => 0));
    expect(await new RedisKeyedRunner(b, { prefix, instanceId: "host-4:3000" }).start()).toEqual({ tickets: 0, queues: 0 });
  });
});
