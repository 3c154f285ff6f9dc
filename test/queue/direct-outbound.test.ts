import pino from "pino";
import { describe, expect, it } from "vitest";
import { ChannelRegistry, type OutboundChannel, type Recipient } from "../../src/core/channel.js";
import type { Reply } from "../../src/core/message.js";
import { OUTBOX, outboxEntry, type OutboxEntry } from "../../src/core/outbound.js";
import type { FailedReplies } from "../../src/queue/dead-letters.js";
import { DirectOutbound } from "../../src/queue/direct-outbound.js";
import { startOutboxSweeper } from "../../src/queue/outbox-sweeper.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** The direct Outbound and the outbox sweeper (the embedded deployment's way out), with a scripted channel. */

const timeout = () => Object.assign(new Error("timeout of 10000ms exceeded"), { code: "ECONNABORTED" });

class ScriptedChannel implements OutboundChannel {
  readonly name = "zalo";
  readonly window = { freeMs: 48 * 3_600_000, staffMs: 48 * 3_600_000 };
  readonly calls: { text: string; ok: boolean }[] = [];
  /** What the platform would show: the texts it took (a timed-out call may have arrived). */
  readonly arrived: string[] = [];
  script: (reply: Reply) => "ok" | "fail" | "timeout-arrived" | "timeout-lost" = () => "ok";
  tells = true;

  async send(_to: Recipient, reply: Reply): Promise<void> {
    const outcome = this.script(reply);
    this.calls.push({ text: reply.text, ok: outcome === "ok" });
    if (outcome === "ok" || outcome === "timeout-arrived") this.arrived.push(reply.text);
    if (outcome === "fail") throw Object.assign(new Error("HTTP 502"), { status: 502 });
    if (outcome !== "ok") throw timeout();
  }

  wasDelivered = async (_to: Recipient, reply: Reply): Promise<boolean | undefined> => (this.tells ? this.arrived.includes(reply.text) : undefined);
}

function setUp(channel: ScriptedChannel, clock = { now: Date.parse("2026-11-25T03:00:00Z") }) {
  const store = new MemoryStore();
  const deadLetters: FailedReplies[] = [];
  const givenUp: string[] = [];
  const outbound = new DirectOutbound({
    store,
    channels: new ChannelRegistry().add(channel),
    policy: { attempts: 3, baseMs: 1, maxMs: 10, maxAgeMs: 24 * 3_600_000 },
    logger: pino({ level: "silent" }),
    now: () => clock.now,
    sleep: async () => undefined,
    onDeadLetter: async (failed) => void deadLetters.push(failed),
    onGivenUp: (kind) => void givenUp.push(kind),
  });
  const write = async (texts: string[], createdAt = clock.now): Promise<OutboxEntry> => {
    const entry = outboxEntry(`zalo:oa:m-${texts.join("-")}`, { channel: "zalo", accountId: "oa", userId: "u" }, texts.map((text) => ({ text })), createdAt, { messageId: "m" });
    await store.commit([{ collection: OUTBOX, id: entry.id, value: entry }]);
    return entry;
  };
  return { store, outbound, deadLetters, givenUp, write, clock };
}

describe("DirectOutbound", () => {
  it("a timed-out try the platform shows as arrived is not sent again; the next reply goes on", async () => {
    const channel = new ScriptedChannel();
    let first = true;
    channel.script = () => (first ? ((first = false), "timeout-arrived") : "ok");
    const { outbound, write, deadLetters, store } = setUp(channel);
    expect(await outbound.deliver(await write(["một", "hai"]))).toBe("sent");
    expect(channel.arrived).toEqual(["một", "hai"]);
    expect(channel.calls.map((call) => call.text)).toEqual(["một", "hai"]);
    expect(deadLetters).toEqual([]);
    expect(await store.collection(OUTBOX).find()).toEqual([]);
  });

  it("a timed-out try the platform shows as lost is tried again, and arrives once", async () => {
    const channel = new ScriptedChannel();
    let first = true;
    channel.script = () => (first ? ((first = false), "timeout-lost") : "ok");
    const { outbound, write } = setUp(channel);
    expect(await outbound.deliver(await write(["một"]))).toBe("sent");
    expect(channel.arrived).toEqual(["một"]);
  });

  it("a reply the platform shows as lost is sent again once only: lost a second time, it is maybe sent", async () => {
    const channel = new ScriptedChannel();
    channel.script = () => "timeout-lost";
    const { outbound, write, deadLetters } = setUp(channel);
    expect(await outbound.deliver(await write(["một"]))).toBe("maybe_sent");
    expect(channel.calls).toHaveLength(2);
    expect(deadLetters).toMatchObject([{ kind: "maybe_sent" }]);
  });

  it("a timed-out try on a channel that cannot tell is maybe sent: not repeated, a dead letter of that kind", async () => {
    const channel = new ScriptedChannel();
    channel.tells = false;
    channel.script = () => "timeout-arrived";
    const { outbound, write, deadLetters, givenUp } = setUp(channel);
    expect(await outbound.deliver(await write(["một"]))).toBe("maybe_sent");
    expect(channel.calls).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ kind: "maybe_sent", replies: [{ reply: { text: "một" }, index: 0 }] });
    expect(givenUp).toEqual(["maybe_sent"]);
  });

  it("keeps an entry through an outage (the sweeper tries it again, once per sweep) and drops it once too old", async () => {
    const channel = new ScriptedChannel();
    channel.script = () => "fail";
    const { outbound, write, store, deadLetters, givenUp, clock } = setUp(channel);
    const sweeper = startOutboxSweeper({ book: outbound.book, outbound, everyMs: 600_000, logger: pino({ level: "silent" }) });
    try {
      expect(await outbound.deliver(await write(["một"]))).toBe("retrying");
      expect(channel.calls).toHaveLength(3);
      for (let hour = 1; hour <= 3; hour++) {
        clock.now += 3_600_000;
        await sweeper.sweep();
      }
      expect(channel.calls).toHaveLength(6);
      expect(((await store.collection<OutboxEntry>(OUTBOX).find())[0]!).attempts).toBe(6);
      channel.script = () => "ok";
      clock.now += 3_600_000;
      await sweeper.sweep();
      expect(channel.arrived).toEqual(["một"]);
      expect(await store.collection(OUTBOX).find()).toEqual([]);

      // A new outage that outlasts OUTBOUND_MAX_AGE_HOURS: dropped, never sent late.
      channel.script = () => "fail";
      expect(await outbound.deliver(await write(["hai"]))).toBe("retrying");
      channel.script = () => "ok";
      clock.now += 25 * 3_600_000;
      await sweeper.sweep();
      expect(channel.arrived).toEqual(["một"]);
      expect(deadLetters).toMatchObject([{ kind: "stale" }]);
      expect(givenUp).toEqual(["stale"]);
      expect(await store.collection(OUTBOX).find()).toEqual([]);
    } finally {
      sweeper.stop();
    }
  });

  it("sends from the stored entry: a copy read before another delivery ended (the sweeper's list) sends nothing again", async () => {
    const channel = new ScriptedChannel();
    const { outbound, write } = setUp(channel);
    const entry = await write(["một", "hai"]);
    const staleCopy = structuredClone(entry);
    expect(await outbound.deliver(entry)).toBe("sent");
    expect(await outbound.deliver(staleCopy)).toBe("sent");
    expect(channel.calls.map((call) => call.text)).toEqual(["một", "hai"]);
  });

  it("an entry an earlier process left: replies the channel shows as arrived are not sent again, the rest are", async () => {
    const channel = new ScriptedChannel();
    const clock = { now: Date.parse("2026-11-25T03:00:00Z") };
    const { outbound, write, store } = setUp(channel, clock);
    // Written (and its first reply delivered) before this process started; the crash came before the outbox recorded it.
    channel.arrived.push("một");
    const entry = await write(["một", "hai"], clock.now - 5_000);
    expect(await outbound.deliver(entry)).toBe("sent");
    expect(channel.calls.map((call) => call.text)).toEqual(["hai"]);
    expect(await store.collection(OUTBOX).find()).toEqual([]);
    // Where the channel cannot tell, it is sent (at least once).
    channel.tells = false;
    expect(await outbound.deliver(await write(["ba"], clock.now - 5_000))).toBe("sent");
    expect(channel.calls.map((call) => call.text)).toEqual(["hai", "ba"]);
  });

  it("hands an entry being sent to a second caller as the same delivery, never a second send", async () => {
    const channel = new ScriptedChannel();
    const { outbound, write } = setUp(channel);
    const entry = await write(["một"]);
    expect(await Promise.all([outbound.deliver(entry), outbound.deliver(entry)])).toEqual(["sent", "sent"]);
    expect(channel.calls).toHaveLength(1);
  });
});
