import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { ANNOUNCEMENTS, DELIVERIES, deliveryId, type Announcement, type Delivery } from "../../../src/features/announcements/announcement.js";
import { announcementReply, type DeliverDeps } from "../../../src/features/announcements/deliver-one.js";
import { InProcessDelivery } from "../../../src/features/announcements/delivery-worker.js";
import { parseRates, TokenBucket } from "../../../src/features/announcements/token-bucket.js";
import type { ReachResult } from "../../../src/reach/index.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import type { Store } from "../../../src/store/store.js";

const logger = pino({ level: "silent" });
import { TEST_REDIS_URL as REDIS_URL } from "../../store/services.js";

/** An announcement with `n` queued copies in the store. */
async function seed(store: Store, n: number, id = "TB-2026-0001", channel = (i: number) => (i % 3 === 0 ? "messenger" : "zalo")): Promise<Announcement> {
  const announcement: Announcement = { id, packId: "vo-cuong", kind: "notice", title: "T", text: "x", audience: { kind: "everyone" }, status: "sending", createdBy: "admin", createdAt: 0, sentAt: 0 };
  await store.collection(ANNOUNCEMENTS).set(id, announcement);
  for (let i = 0; i < n; i++) {
    const c = channel(i);
    const person = { key: `${c}:oa:u${i}`, channel: c, accountId: "oa", userId: `u${i}` };
    const delivery: Delivery = { id: deliveryId(id, person.key), announcementId: id, personKey: person.key, person, language: "vi", status: "queued", attempts: 0, nextAttemptAt: 0 };
    await store.collection(DELIVERIES).set(delivery.id, delivery);
  }
  return announcement;
}

function deps(store: Store, send: (userId: string) => Promise<ReachResult>): DeliverDeps {
  return { store, sender: { send: (person) => send(person.userId) }, attempts: 3, backoffMs: 1, logger, now: () => Date.now() };
}

describe("announcementReply", () => {
  const base: Announcement = { id: "TB-2026-0002", packId: "vo-cuong", kind: "notice", title: "Thông báo", text: "Nội dung tiếng Việt.", audience: { kind: "everyone" }, status: "draft", createdBy: "admin", createdAt: 0 };
  it("gives a zh/ko reader staff's text in their language, else English, else Vietnamese, each fallback under a line saying so", () => {
    expect(announcementReply({ ...base, textKo: "한국어 안내." }, "ko").text).toBe("Thông báo\n한국어 안내.");
    expect(announcementReply({ ...base, textEn: "English text." }, "zh").text).toBe("以下是文化部门的通知（暂时只有英文版）：\nThông báo\nEnglish text.");
    expect(announcementReply(base, "zh").text).toBe("以下是文化部门的通知（暂时只有越南语版）：\nThông báo\nNội dung tiếng Việt.");
    expect(announcementReply(base, "ko").text).toBe("문화 담당 부서의 안내입니다(현재 베트남어로만 제공):\nThông báo\nNội dung tiếng Việt.");
    // Vietnamese and English readers are not given the Chinese or Korean text.
    expect(announcementReply({ ...base, textZh: "中文。" }, "en").text).toBe("Thông báo\nNội dung tiếng Việt.");
    expect(announcementReply({ ...base, textZh: "中文。" }, "vi").text).toBe("Thông báo\nNội dung tiếng Việt.");
  });
});

describe("TokenBucket", () => {
  it("allows a burst, then one token per 1/rate s", () => {
    let t = 0;
    const bucket = new TokenBucket(10, 2, () => t);
    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([0, 0]);
    expect(bucket.tryTake()).toBe(100);
    t = 100;
    expect(bucket.tryTake()).toBe(0);
    expect(parseRates("zalo=20, messenger=250,default=5")).toEqual({ zalo: 20, messenger: 250, default: 5 });
    expect(() => parseRates("zalo=fast")).toThrow();
  });
});

describe("InProcessDelivery", () => {
  it("every recipient gets exactly one result, over two channels' lanes", async () => {
    const store = new MemoryStore();
    await seed(store, 600);
    const sent = new Map<string, number>();
    const worker = new InProcessDelivery(deps(store, async (user) => {
      sent.set(user, (sent.get(user) ?? 0) + 1);
      return { status: "sent", decision: { kind: "free" } };
    }), { rates: { zalo: 400, messenger: 2000 }, concurrency: 4 });
    await worker.resume();
    await worker.idle();
    const deliveries = await store.collection<Delivery>(DELIVERIES).find();
    expect(deliveries.every((d) => d.status === "sent")).toBe(true);
    expect([...sent.values()].every((count) => count === 1)).toBe(true);
    expect(sent.size).toBe(600);
    expect((await store.collection<Announcement>(ANNOUNCEMENTS).get("TB-2026-0001"))!.totals).toMatchObject({ sent: 600, kept: 0, failed: 0, queued: 0 });
  });

  it("resumes after a restart: the queued copies are sent, one caught mid-send is reported rather than sent twice", async () => {
    const store = new MemoryStore();
    await seed(store, 50);
    const sent = new Set<string>();
    let first = 0;
    const stopping = new InProcessDelivery(deps(store, async (user) => {
      sent.add(user);
      first++;
      return { status: "sent", decision: { kind: "free" } };
    }), { rates: { default: 20 }, concurrency: 1 });
    await stopping.resume();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await stopping.close(); // the "restart": some copies sent, the rest still queued
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(50);
    // A copy the old process had claimed when it died.
    const interrupted = (await store.collection<Delivery>(DELIVERIES).find({ status: "queued" }))[0];
    await store.collection<Delivery>(DELIVERIES).set(interrupted.id, { ...interrupted, status: "sending", attempts: 1 });

    const again = new InProcessDelivery(deps(store, async (user) => {
      expect(sent.has(user)).toBe(false);
      sent.add(user);
      return { status: "kept", reason: "window_closed" };
    }), { rates: { default: 1000 }, concurrency: 4 });
    await again.resume();
    await again.idle();
    const deliveries = await store.collection<Delivery>(DELIVERIES).find();
    expect(deliveries.filter((d) => d.status === "failed").map((d) => d.id)).toEqual([interrupted.id]);
    expect(deliveries.filter((d) => d.status === "sent")).toHaveLength(first);
    expect(deliveries.filter((d) => d.status === "kept")).toHaveLength(50 - first - 1);
    expect((await store.collection<Announcement>(ANNOUNCEMENTS).get("TB-2026-0001"))!.status).toBe("done");
  });
});

describe("BullmqDelivery (REDIS_URL; Redis runs on every machine and in CI)", () => {
  const prefix = `test-announce-${process.pid}-${Date.now()}:`;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
    const { Redis } = await import("ioredis");
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("two instances share the queues: every copy once, retries by BullMQ, the announcement marked done", async () => {
    const { BullmqDelivery } = await import("../../../src/features/announcements/bullmq-delivery.js");
    const store = new MemoryStore();
    const announcement = await seed(store, 120);
    const calls = new Map<string, number>();
    const send = async (user: string): Promise<ReachResult> => {
      calls.set(user, (calls.get(user) ?? 0) + 1);
      if (user === "u5" && calls.get(user) === 1) throw new Error("503 from the platform");
      return { status: "sent", decision: { kind: "free" } };
    };
    const options = { redisUrl: REDIS_URL, prefix, rates: { zalo: 500, messenger: 500 }, concurrency: 4 };
    const a = await BullmqDelivery.open(deps(store, send), options);
    const b = await BullmqDelivery.open(deps(store, send), options);
    closers.push(() => a.close(), () => b.close());
    await a.dispatch(announcement);
    await a.dispatch(announcement); // a second dispatch adds nothing (job ids come from the copies)
    await a.idle();
    for (let i = 0; i < 50 && (await store.collection<Announcement>(ANNOUNCEMENTS).get(announcement.id))!.status !== "done"; i++) await new Promise((r) => setTimeout(r, 50));
    const deliveries = await store.collection<Delivery>(DELIVERIES).find();
    expect(deliveries.every((d) => d.status === "sent")).toBe(true);
    expect(calls.get("u5")).toBe(2);
    expect([...calls.entries()].filter(([user]) => user !== "u5").every(([, count]) => count === 1)).toBe(true);
    expect((await store.collection<Announcement>(ANNOUNCEMENTS).get(announcement.id))!).toMatchObject({ status: "done", totals: { sent: 120 } });
  });

  it("copies a killed run of this instance left active are sent as soon as the instance is back (not after BullMQ's 30 s lock and stalled checks); another instance leaves them", async () => {
    const { BullmqDelivery } = await import("../../../src/features/announcements/bullmq-delivery.js");
    const { Queue, Worker } = await import("bullmq");
    const { workerRunsKey } = await import("../../../src/queue/left-active-jobs.js");
    const { Redis } = await import("ioredis");
    // Its own prefix: the two instances of the test above still listen on theirs.
    const prefix = `test-announce-left-${process.pid}-${Date.now()}:`;
    const store = new MemoryStore();
    const announcement = await seed(store, 1, "TB-2026-0009", () => "zalo");
    const [copy] = await store.collection<Delivery>(DELIVERIES).find();
    const sent: string[] = [];
    const send = async (user: string): Promise<ReachResult> => (sent.push(user), { status: "sent", decision: { kind: "free" } });
    // The killed run of instance host-a:3000: its zalo worker took the copy's job and died (SIGKILL) holding it.
    const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
    const queue = new Queue("announce-zalo", { connection, prefix: `${prefix}bull` });
    const dying = new Worker("announce-zalo", () => new Promise(() => undefined), { connection, prefix: `${prefix}bull` });
    const redis = new Redis(REDIS_URL);
    closers.push(() => queue.close());
    await redis.sadd(workerRunsKey(prefix, "host-a:3000:announce-zalo"), dying.id);
    await queue.add("copy", { announcementId: announcement.id, deliveryId: copy!.id }, { jobId: copy!.id.replaceAll(":", "_"), attempts: 3 });
    await expect.poll(async () => (await queue.getJobCounts("active")).active).toBe(1);
    await dying.close(true);

    const options = { redisUrl: REDIS_URL, prefix, rates: { zalo: 500 }, concurrency: 2 };
    const other = await BullmqDelivery.open(deps(store, send), { ...options, instanceId: "host-b:3000" });
    closers.push(() => other.close());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await queue.getJobCounts("active")).active).toBe(1);
    expect(sent).toEqual([]);

    const back = await BullmqDelivery.open(deps(store, send), { ...options, instanceId: "host-a:3000" });
    closers.push(() => back.close());
    await expect.poll(async () => (await store.collection<Delivery>(DELIVERIES).get(copy!.id))!.status, { timeout: 5_000 }).toBe("sent");
    expect(sent).toEqual(["u0"]);
    expect(await redis.smembers(workerRunsKey(prefix, "host-a:3000:announce-zalo"))).not.toContain(dying.id);
    closers.push(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });
  });
});
