import { Queue, Worker } from "bullmq";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ChannelRegistry, DeliveryRefused, type OutboundChannel, type Recipient } from "../../src/core/channel.js";
import type { Reply } from "../../src/core/message.js";
import { OUTBOX, outboxEntry, replyEntryId, type OutboxEntry } from "../../src/core/outbound.js";
import type { FailedReplies } from "../../src/queue/dead-letters.js";
import { workerRunsKey } from "../../src/queue/left-active-jobs.js";
import { OUTBOUND_QUEUE, outboxJobId } from "../../src/queue/outbound-job.js";
import { OutboundQueue } from "../../src/queue/outbound-queue.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { deleteKeys, requireRedis, TEST_REDIS_URL, uniqueName } from "../store/services.js";

/** The outbound queue on a real Redis, with a scripted channel: order, resume after a failure, idempotency, dead letters. */

/**
 * What a call does besides succeeding or throwing: time out after the platform took it, time out without it, or
 * take it and never answer (the worker dies waiting).
 */
type Script = (reply: Reply, call: number) => void | "timeout-arrived" | "timeout-lost" | "arrived-then-hang";

const timeout = () => Object.assign(new Error("timeout of 2000ms exceeded"), { code: "ECONNABORTED" });

/**
 * A channel named "zalo" that records every call and may throw, as `script` says. `arrived` is what the platform
 * took; `wasDelivered` answers from it (its conversation listing) when `tells` is on, as Zalo's does.
 */
class ScriptedChannel implements OutboundChannel {
  readonly name = "zalo";
  readonly window = { freeMs: 48 * 3_600_000, staffMs: 48 * 3_600_000 };
  readonly calls: { to: Recipient; text: string; ok: boolean }[] = [];
  readonly arrived: string[] = [];
  script: Script = () => undefined;
  tells = false;

  async send(to: Recipient, reply: Reply): Promise<void> {
    let outcome: ReturnType<Script>;
    try {
      outcome = this.script(reply, this.calls.length);
    } catch (error) {
      this.calls.push({ to, text: reply.text, ok: false });
      throw error;
    }
    this.calls.push({ to, text: reply.text, ok: outcome === undefined });
    if (outcome !== "timeout-lost") this.arrived.push(reply.text);
    if (outcome === "arrived-then-hang") return new Promise<void>(() => undefined);
    if (outcome !== undefined) throw timeout();
  }

  wasDelivered = async (_to: Recipient, reply: Reply): Promise<boolean | undefined> => (this.tells ? this.arrived.includes(reply.text) : undefined);

  get delivered(): string[] {
    return this.calls.filter((call) => call.ok).map((call) => call.text);
  }

  count(text: string): number {
    return this.arrived.filter((arrived) => arrived === text).length;
  }
}

let redis: Awaited<ReturnType<typeof requireRedis>>;
const prefixes: string[] = [];
const queues: OutboundQueue[] = [];

beforeAll(async () => {
  redis = await requireRedis();
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
});
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(redis, prefix);
  redis.disconnect();
});

interface QueueSetUp {
  maxAgeMs?: number;
  now?: () => number;
  /** A second instance on the same Redis keys and store (as another process on one PostgreSQL would be). */
  prefix?: string;
  store?: MemoryStore;
  stalled?: { lockMs: number; checkMs: number };
  start?: boolean;
  /** INSTANCE_ID: a restart of the same instance hands back the jobs its killed run left active. */
  instanceId?: string;
}

async function openQueue(channel: ScriptedChannel, options: QueueSetUp = {}) {
  const prefix = options.prefix ?? `${uniqueName("test-outbound")}:`;
  prefixes.push(prefix);
  const channels = new ChannelRegistry().add(channel);
  const store = options.store ?? new MemoryStore();
  const deadLetters: FailedReplies[] = [];
  const queue = await OutboundQueue.open({
    redisUrl: TEST_REDIS_URL,
    prefix,
    channels,
    store,
    policy: { attempts: 3, baseMs: 1, maxMs: 20, maxAgeMs: options.maxAgeMs ?? 3_600_000 },
    now: options.now ?? Date.now,
    logger: pino({ level: "silent" }),
    onDeadLetter: async (failed) => void deadLetters.push(failed),
    stalled: options.stalled,
    instanceId: options.instanceId,
  });
  queues.push(queue);
  if (options.start !== false) queue.start();
  /** Writes the entry to the outbox, as the pipeline's commit does, and hands it to the queue. */
  const deliver = async (entry: OutboxEntry) => {
    await store.commit([{ collection: OUTBOX, id: entry.id, value: entry }]);
    return queue.deliver(entry);
  };
  return { queue, store, deadLetters, deliver, prefix };
}

/**
 * A worker of another process that takes the entry's job, sends its first reply and never ends (it is then closed
 * without releasing its lock: the process was killed). `settings`: BullMQ's lock and stalled-check times.
 */
function workerThatDiesAfterFirstReply(channel: ScriptedChannel, left: OutboxEntry, prefix: string, settings: { lockDuration?: number; stalledInterval?: number } = {}) {
  const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
  return new Worker(
    OUTBOUND_QUEUE,
    async () => {
      await channel.send(left.to, left.replies[0]!);
      await new Promise(() => undefined);
    },
    { connection, prefix: `${prefix}bull`, ...settings },
  );
}

let seq = 0;
function entry(userId = "u-1", texts: string[] = ["hi"], createdAt = Date.now()): OutboxEntry {
  const message = { id: `msg-${Date.now()}-${seq++}`, channel: "zalo", accountId: "oa-1", userId };
  return outboxEntry(replyEntryId(message), message, texts.map((text): Reply => ({ text })), createdAt, { messageId: message.id });
}

describe("OutboundQueue", () => {
  it("sends an entry's replies in order, once, and takes it out of the outbox; handing it over again sends nothing more", async () => {
    const channel = new ScriptedChannel();
    const { queue, store, deliver } = await openQueue(channel);
    const first = entry("u-1", ["một", "hai", "ba"]);
    expect(await deliver(first)).toBe("sent");
    expect(channel.delivered).toEqual(["một", "hai", "ba"]);
    expect(channel.calls[0]!.to).toEqual({ channel: "zalo", accountId: "oa-1", userId: "u-1" });
    expect(await store.collection(OUTBOX).get(first.id)).toBeUndefined();

    expect(await queue.deliver(first)).toBe("sent");
    expect(channel.delivered).toEqual(["một", "hai", "ba"]);
    expect(outboxJobId(first.id)).not.toContain(":");
    expect(outboxJobId(first.id)).toBe(outboxJobId(`${first.id}`));
  });

  it("retries a failed reply and resumes after the replies already sent: none is sent twice", async () => {
    const channel = new ScriptedChannel();
    let failures = 0;
    channel.script = (reply) => {
      if (reply.text === "hai" && failures++ < 2) throw Object.assign(new Error("Zalo HTTP 503"), { status: 503 });
    };
    const { queue, deadLetters, deliver } = await openQueue(channel);
    expect(await deliver(entry("u-2", ["một", "hai", "ba"]))).toBe("sent");
    expect(channel.calls.map((call) => `${call.text}:${call.ok ? "ok" : "fail"}`)).toEqual(["một:ok", "hai:fail", "hai:fail", "hai:ok", "ba:ok"]);
    expect(deadLetters).toEqual([]);
    expect(await queue.jobCounts()).toMatchObject({ completed: 1, failed: 0 });
  });

  it("keeps trying through an outage longer than the quick attempts, and sends once when the platform is back", async () => {
    const channel = new ScriptedChannel();
    let down = true;
    channel.script = () => {
      if (down) throw new Error("Zalo HTTP 502");
    };
    const { store, deadLetters, deliver } = await openQueue(channel);
    const outage = entry("u-outage", ["một", "hai"]);
    // The caller stops waiting once the quick tries are spent; the job goes on.
    expect(await deliver(outage)).toBe("retrying");
    await expect.poll(() => channel.calls.length, { timeout: 10_000 }).toBeGreaterThan(6);
    expect(await store.collection(OUTBOX).get(outage.id)).toBeDefined();
    down = false;
    await expect.poll(async () => store.collection(OUTBOX).get(outage.id), { timeout: 10_000 }).toBeUndefined();
    expect(channel.delivered).toEqual(["một", "hai"]);
    expect(deadLetters).toEqual([]);
  });

  it("drops a reply older than the maximum age: never sent late, a stale dead letter", async () => {
    const channel = new ScriptedChannel();
    const { deadLetters, deliver } = await openQueue(channel, { maxAgeMs: 60_000 });
    expect(await deliver(entry("u-stale", ["cũ"], Date.now() - 61_000))).toBe("stale");
    expect(channel.calls).toHaveLength(0);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ kind: "stale", replies: [{ reply: { text: "cũ" }, index: 0 }] });
  });

  it("does not retry a refusal: dead-lettered at once, with the unsent replies and their indexes", async () => {
    const channel = new ScriptedChannel();
    channel.script = (reply) => {
      if (reply.text !== "một") throw new DeliveryRefused("zalo", "blocked", "người dùng đã chặn OA");
    };
    const { deadLetters, deliver } = await openQueue(channel);
    const refused = entry("u-dead", ["một", "hai", "ba"]);
    expect(await deliver(refused)).toBe("refused");
    expect(channel.calls.filter((call) => call.text === "hai")).toHaveLength(1);
    expect(channel.delivered).toEqual(["một"]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      messageId: refused.messageId,
      recipient: { channel: "zalo", accountId: "oa-1", userId: "u-dead" },
      replies: [
        { reply: { text: "hai" }, index: 1 },
        { reply: { text: "ba" }, index: 2 },
      ],
      kind: "refused",
    });
  });

  it("a try that timed out is not repeated: a maybe-sent dead letter", async () => {
    const channel = new ScriptedChannel();
    channel.script = () => {
      throw Object.assign(new Error("timeout of 2000ms exceeded"), { code: "ECONNABORTED" });
    };
    const { deadLetters, deliver } = await openQueue(channel);
    expect(await deliver(entry("u-maybe", ["một"]))).toBe("maybe_sent");
    expect(channel.calls).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ kind: "maybe_sent" });
  });
  it("a timed-out try the platform shows as arrived is counted as sent, not repeated; the next reply goes on", async () => {
    const channel = new ScriptedChannel();
    channel.tells = true;
    channel.script = (reply) => (reply.text === "một" ? "timeout-arrived" : undefined);
    const { deadLetters, deliver } = await openQueue(channel);
    expect(await deliver(entry("u-shown", ["một", "hai"]))).toBe("sent");
    expect(channel.calls.map((call) => call.text)).toEqual(["một", "hai"]);
    expect([channel.count("một"), channel.count("hai")]).toEqual([1, 1]);
    expect(deadLetters).toEqual([]);
  });

  it("a timed-out try the platform does not show is sent again once; lost twice, it is maybe sent and not tried a third time", async () => {
    const channel = new ScriptedChannel();
    channel.tells = true;
    let lost = 0;
    channel.script = (reply) => (reply.text === "một" && lost++ < 1 ? "timeout-lost" : undefined);
    const { deadLetters, deliver } = await openQueue(channel);
    expect(await deliver(entry("u-lost-once", ["một"]))).toBe("sent");
    expect(channel.calls.filter((call) => call.text === "một")).toHaveLength(2);
    expect(channel.count("một")).toBe(1);

    channel.script = (reply) => (reply.text === "hai" ? "timeout-lost" : undefined);
    expect(await deliver(entry("u-lost-twice", ["hai"]))).toBe("maybe_sent");
    expect(channel.calls.filter((call) => call.text === "hai")).toHaveLength(2);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ kind: "maybe_sent", replies: [{ reply: { text: "hai" }, index: 0 }] });
  });

  it("a job whose worker died after a send and before recording it is taken up by another, which checks what arrived: nothing twice", async () => {
    const channel = new ScriptedChannel();
    channel.tells = true;
    const stalled = { lockMs: 600, checkMs: 200 };
    const second = await openQueue(channel, { stalled, start: false });
    const left = entry("u-died", ["một", "hai", "ba"]);
    await second.store.commit([{ collection: OUTBOX, id: left.id, value: left }]);
    // The first instance: takes the job, sends the first reply, and dies before writing anything (SIGKILL).
    const dying = workerThatDiesAfterFirstReply(channel, left, second.prefix, { lockDuration: stalled.lockMs, stalledInterval: stalled.checkMs });
    await second.queue.resume(left);
    await expect.poll(() => channel.arrived.length).toBe(1);
    await dying.close(true);
    second.queue.start();
    await expect.poll(async () => second.store.collection(OUTBOX).get(left.id), { timeout: 10_000 }).toBeUndefined();
    expect(channel.arrived).toEqual(["một", "hai", "ba"]);
    expect(second.deadLetters).toEqual([]);
  });

  it("an entry whose job ended while it stayed in the outbox (failed by BullMQ) is not stuck: the sweeper's hand-over makes a new job, which checks what arrived", async () => {
    const channel = new ScriptedChannel();
    channel.tells = true;
    const { queue, store, prefix, deadLetters } = await openQueue(channel, { start: false });
    const left = entry("u-failed", ["một", "hai"]);
    await store.commit([{ collection: OUTBOX, id: left.id, value: left }]);
    // A job for the entry that sent its first reply and then failed for good (as BullMQ fails a job stalled too often).
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    const raw = new Queue(OUTBOUND_QUEUE, { connection, prefix: `${prefix}bull` });
    await raw.add("outbox", { entry: left }, { jobId: outboxJobId(left.id), attempts: 1 });
    const failing = new Worker(
      OUTBOUND_QUEUE,
      async () => {
        await channel.send(left.to, left.replies[0]!);
        throw new Error("job stalled more than allowable limit");
      },
      { connection, prefix: `${prefix}bull` },
    );
    await expect.poll(async () => (await raw.getJob(outboxJobId(left.id)))?.getState(), { timeout: 10_000 }).toBe("failed");
    await failing.close();
    await raw.close();

    queue.start();
    await queue.resume(left);
    await expect.poll(async () => store.collection(OUTBOX).get(left.id), { timeout: 10_000 }).toBeUndefined();
    expect(channel.arrived).toEqual(["một", "hai"]);
    expect(deadLetters).toEqual([]);
  });

  it("a job left active by a killed run is sent by the same instance restarted at once (not after the 30 s lock and stalled checks), what arrived not twice; another instance leaves it to BullMQ", async () => {
    const channel = new ScriptedChannel();
    channel.tells = true;
    const first = await openQueue(channel, { start: false });
    const left = entry("u-killed", ["một", "hai", "ba"]);
    await first.store.commit([{ collection: OUTBOX, id: left.id, value: left }]);
    // The killed run of instance host-q:3000: its worker (BullMQ's default 30 s lock and stalled checks) took the job,
    // sent the first reply, and died (SIGKILL) before writing anything. open() had recorded its worker's id.
    const dying = workerThatDiesAfterFirstReply(channel, left, first.prefix);
    await redis.sadd(workerRunsKey(first.prefix, "host-q:3000"), dying.id);
    await first.queue.resume(left);
    await expect.poll(() => channel.arrived.length).toBe(1);
    await dying.close(true);
    const job = () => first.queue.jobCounts();

    // Another instance starting does not touch it: its worker is not that run's (the 30 s fallback still applies).
    await openQueue(channel, { prefix: first.prefix, store: first.store, instanceId: "host-other:3000" });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await job()).active).toBe(1);
    expect(await first.store.collection(OUTBOX).get(left.id)).toBeDefined();

    // The same instance back: the job is sent at once, well inside the dead worker's 30 s lock.
    await openQueue(channel, { prefix: first.prefix, store: first.store, instanceId: "host-q:3000" });
    await expect.poll(async () => first.store.collection(OUTBOX).get(left.id), { timeout: 5_000 }).toBeUndefined();
    expect(channel.arrived).toEqual(["một", "hai", "ba"]);
    expect(first.deadLetters).toEqual([]);
    expect(await redis.smembers(workerRunsKey(first.prefix, "host-q:3000"))).not.toContain(dying.id);
  });
});
