import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BufferedChannel } from "../../src/channels/local/buffered-channel.js";
import { ChannelRegistry, DeliveryRefused, type OutboundChannel, type Recipient } from "../../src/core/channel.js";
import type { InboundMessage, Reply } from "../../src/core/message.js";
import type { FailedReplies } from "../../src/queue/dead-letters.js";
import { replyJobId } from "../../src/queue/outbound-job.js";
import { OutboundQueue } from "../../src/queue/outbound-queue.js";
import { deleteKeys, requireRedis, TEST_REDIS_URL, uniqueName } from "../store/services.js";

/** The outbound queue on a real Redis, with a scripted channel: order, resume after a failure, idempotency, dead letters. */

type Script = (reply: Reply, call: number) => void;

/** A channel named "zalo" that records every call and may throw, as `script` says. */
class ScriptedChannel implements OutboundChannel {
  readonly name = "zalo";
  readonly window = { freeMs: 48 * 3_600_000, staffMs: 48 * 3_600_000 };
  readonly calls: { to: Recipient; text: string; ok: boolean }[] = [];
  script: Script = () => undefined;

  async send(to: Recipient, reply: Reply): Promise<void> {
    try {
      this.script(reply, this.calls.length);
    } catch (error) {
      this.calls.push({ to, text: reply.text, ok: false });
      throw error;
    }
    this.calls.push({ to, text: reply.text, ok: true });
  }

  get delivered(): string[] {
    return this.calls.filter((call) => call.ok).map((call) => call.text);
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

async function openQueue(channel: ScriptedChannel, attempts = 3) {
  const prefix = `${uniqueName("test-outbound")}:`;
  prefixes.push(prefix);
  const channels = new ChannelRegistry().add(channel).add(new BufferedChannel("web"));
  const deadLetters: FailedReplies[] = [];
  const queue = await OutboundQueue.open({
    redisUrl: TEST_REDIS_URL,
    prefix,
    channels,
    queued: ["zalo"],
    logger: pino({ level: "silent" }),
    attempts,
    backoffMs: 1,
    onDeadLetter: async (failed) => void deadLetters.push(failed),
  });
  queues.push(queue);
  queue.start();
  channels.route(queue);
  return { queue, channels, deadLetters };
}

let seq = 0;
function message(userId = "u-1"): InboundMessage {
  return { id: `msg-${Date.now()}-${seq++}`, channel: "zalo", accountId: "oa-1", userId, kind: "message", text: "hi", attachments: [], timestamp: Date.now() };
}
const replies = (...texts: string[]): Reply[] => texts.map((text) => ({ text }));

describe("OutboundQueue", () => {
  it("sends the replies of one message in order, once; queueing the same message again sends nothing more", async () => {
    const channel = new ScriptedChannel();
    const { queue } = await openQueue(channel);
    const inbound = message();
    const first = await queue.enqueue(inbound, replies("một", "hai", "ba"));
    expect(await first.done).toBe("sent");
    expect(channel.delivered).toEqual(["một", "hai", "ba"]);
    expect(channel.calls[0]!.to).toEqual({ channel: "zalo", accountId: "oa-1", userId: "u-1" });

    const again = await queue.enqueue(inbound, replies("một", "hai", "ba"));
    expect(await again.done).toBe("sent");
    expect(channel.delivered).toEqual(["một", "hai", "ba"]);
    expect(replyJobId(inbound)).not.toContain(":");
    expect(replyJobId(inbound)).toBe(replyJobId({ ...inbound }));
    expect(replyJobId(inbound)).not.toBe(replyJobId({ ...inbound, accountId: "oa-2" }));
  });

  it("retries a failed reply and resumes after the replies already sent: none is sent twice", async () => {
    const channel = new ScriptedChannel();
    let failures = 0;
    channel.script = (reply) => {
      if (reply.text === "hai" && failures++ < 2) throw Object.assign(new Error("Zalo HTTP 503"), { status: 503 });
    };
    const { queue, deadLetters } = await openQueue(channel, 3);
    const done = (await queue.enqueue(message(), replies("một", "hai", "ba"))).done;
    expect(await done).toBe("sent");
    expect(channel.calls.map((call) => `${call.text}:${call.ok ? "ok" : "fail"}`)).toEqual(["một:ok", "hai:fail", "hai:fail", "hai:ok", "ba:ok"]);
    expect(deadLetters).toEqual([]);
    expect(await queue.jobCounts()).toMatchObject({ completed: 1, failed: 0 });
  });

  it("gives up after its attempts: the unsent replies go to the dead-letter list once, with their indexes", async () => {
    const channel = new ScriptedChannel();
    channel.script = (reply) => {
      if (reply.text !== "một") throw new Error("Zalo HTTP 502");
    };
    const { queue, deadLetters } = await openQueue(channel, 3);
    const inbound = message("u-dead");
    expect(await (await queue.enqueue(inbound, replies("một", "hai", "ba"))).done).toBe("dead_letter");
    expect(channel.calls.filter((call) => call.text === "hai")).toHaveLength(3);
    expect(channel.delivered).toEqual(["một"]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      messageId: inbound.id,
      recipient: { channel: "zalo", accountId: "oa-1", userId: "u-dead" },
      replies: [
        { reply: { text: "hai" }, index: 1 },
        { reply: { text: "ba" }, index: 2 },
      ],
      attempts: 3,
    });
    expect(String(deadLetters[0]!.error)).toContain("HTTP 502");
    expect(await queue.jobCounts()).toMatchObject({ failed: 1 });
  });

  it("does not retry a refusal: dead-lettered at once", async () => {
    const channel = new ScriptedChannel();
    channel.script = () => {
      throw new DeliveryRefused("zalo", "blocked", "người dùng đã chặn OA");
    };
    const { queue, deadLetters } = await openQueue(channel, 4);
    expect(await (await queue.enqueue(message(), replies("một"))).done).toBe("dead_letter");
    expect(channel.calls).toHaveLength(1);
    expect(deadLetters).toHaveLength(1);
  });

  it("carries the registry's other sends (notices): the caller waits, and gets a refusal back as a DeliveryRefused", async () => {
    const channel = new ScriptedChannel();
    const { channels, queue, deadLetters } = await openQueue(channel, 3);
    const person = { channel: "zalo", accountId: "oa-1", userId: "u-notice" };
    await channels.send(person, { text: "Cập nhật phản ánh" }, { purpose: "update" });
    expect(channel.delivered).toEqual(["Cập nhật phản ánh"]);

    channel.script = () => {
      throw new DeliveryRefused("zalo", "not_follower", "chưa quan tâm OA");
    };
    const refused = await channels.send(person, { text: "Lần hai" }, { purpose: "update" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeliveryRefused);
    expect((refused as DeliveryRefused).reason).toBe("not_follower");
    // A notice's caller keeps it (the person outbox): not a dead letter.
    expect(deadLetters).toEqual([]);
    expect(await queue.jobCounts()).toMatchObject({ completed: 1, failed: 1 });

    // The in-process web chat is never queued.
    await channels.send({ channel: "web", accountId: "web", userId: "w-1" }, { text: "xin chào" });
    expect(await queue.jobCounts()).toMatchObject({ completed: 1, failed: 1 });
  });
});
