import pino from "pino";
import { describe, expect, it } from "vitest";
import { DeliveryRefused } from "../../src/core/channel.js";
import {
  ChannelKindsRule,
  KeptMessages,
  nextAllowedTime,
  parseQuietHours,
  pinnedNow,
  planReminder,
  ReachSender,
  vietnamInstant,
  vietnamWallClock,
  WindowReachPolicy,
  type OutOfWindowRule,
} from "../../src/reach/index.js";
import { MemoryStore } from "../../src/store/memory-store.js";

const HOUR = 3_600_000;
const windows = { zalo: { freeMs: 48 * HOUR, staffMs: 7 * 24 * HOUR }, messenger: { freeMs: 24 * HOUR, staffMs: 7 * 24 * HOUR } } as Record<string, { freeMs: number; staffMs: number }>;
const person = (channel: string) => ({ key: `${channel}:oa:u1`, channel, accountId: "oa", userId: "u1" });

describe("WindowReachPolicy", () => {
  const policy = new WindowReachPolicy((name) => windows[name]);
  const now = Date.UTC(2026, 10, 25, 3);

  it("free inside each channel's window (Zalo 48 h, Messenger 24 h), kept after it", () => {
    expect(policy.decide({ ref: person("zalo"), lastInboundAt: now - 47 * HOUR }, "class_reminder", now)).toEqual({ kind: "free" });
    expect(policy.decide({ ref: person("zalo"), lastInboundAt: now - 49 * HOUR }, "class_reminder", now)).toEqual({ kept: "window_closed" });
    expect(policy.decide({ ref: person("messenger"), lastInboundAt: now - 23 * HOUR }, "announcement", now)).toEqual({ kind: "free" });
    expect(policy.decide({ ref: person("messenger"), lastInboundAt: now - 25 * HOUR }, "announcement", now)).toEqual({ kept: "window_closed" });
  });

  it("a staff reply may use the longer staff window; never-wrote and unknown channels are kept with their reason", () => {
    expect(policy.decide({ ref: person("messenger"), lastInboundAt: now - 3 * 24 * HOUR }, "staff_reply", now)).toEqual({ kind: "tagged", tag: "HUMAN_AGENT" });
    expect(policy.decide({ ref: person("zalo") }, "announcement", now)).toEqual({ kept: "never_wrote" });
    expect(policy.decide({ ref: person("fax") }, "announcement", now)).toEqual({ kept: "channel_off" });
  });

  it("asks the out-of-window rules in order (where item 1's templates and tags plug in)", () => {
    const template: OutOfWindowRule = { decide: (_p, purpose) => (purpose === "class_reminder" ? { kind: "template", templateId: "tpl-1" } : undefined) };
    const withRule = new WindowReachPolicy((name) => windows[name], [template]);
    expect(withRule.decide({ ref: person("zalo"), lastInboundAt: now - 9 * 24 * HOUR }, "class_reminder", now)).toEqual({ kind: "template", templateId: "tpl-1" });
    expect(withRule.decide({ ref: person("zalo"), lastInboundAt: now - 9 * 24 * HOUR }, "announcement", now)).toEqual({ kept: "window_closed" });
  });
});

describe("ChannelKindsRule (the kinds channels declare)", () => {
  const now = Date.UTC(2026, 10, 25, 3);
  const kinds = {
    zalo: [
      { send: { kind: "template" as const, templateId: "transaction:transaction_booking" }, purposes: ["class_reminder"], needsInbound: true },
      { send: { kind: "template" as const, templateId: "zns:248079" }, purposes: ["class_reminder"], byPhone: true },
    ],
  } as Record<string, import("../../src/core/channel.js").OutOfWindowKind[]>;
  const policy = new WindowReachPolicy((name) => windows[name], [new ChannelKindsRule((name) => kinds[name])]);
  const old = now - 5 * 24 * HOUR;

  it("lists the channel's kinds for the purpose in its order, the phone only with a kind sent by phone, then the kept reason", () => {
    expect(policy.decideAll({ ref: person("zalo"), lastInboundAt: old, phone: "0987654321" }, "class_reminder", now)).toEqual([
      { kind: "template", templateId: "transaction:transaction_booking" },
      { kind: "template", templateId: "zns:248079", phone: "0987654321" },
      { kept: "window_closed" },
    ]);
  });

  it("skips a kind the person does not qualify for: no phone given with consent, never wrote; other purposes get nothing", () => {
    expect(policy.decideAll({ ref: person("zalo"), lastInboundAt: old }, "class_reminder", now)).toEqual([{ kind: "template", templateId: "transaction:transaction_booking" }, { kept: "window_closed" }]);
    expect(policy.decideAll({ ref: person("zalo"), phone: "0987654321" }, "class_reminder", now)).toEqual([{ kind: "template", templateId: "zns:248079", phone: "0987654321" }, { kept: "never_wrote" }]);
    expect(policy.decide({ ref: person("zalo"), lastInboundAt: old, phone: "0987654321" }, "announcement", now)).toEqual({ kept: "window_closed" });
    expect(policy.decideAll({ ref: person("zalo"), lastInboundAt: now - HOUR, phone: "0987654321" }, "class_reminder", now)).toEqual([{ kind: "free" }]);
  });

  it("the sender tries the next kind when the platform refuses one, keeps the message as 'refused' when none is left, and never uses a template without its facts", async () => {
    const store = new MemoryStore();
    const kept = new KeptMessages(store);
    const tried: string[] = [];
    const refuseAll = async (_to: unknown, _reply: unknown, options?: import("../../src/core/channel.js").SendOptions) => {
      tried.push(options?.reach?.kind === "template" ? options.reach.templateId : "free");
      throw new DeliveryRefused("zalo", "not_follower", "no");
    };
    const sender = new ReachSender({ policy, send: refuseAll, lastInboundAt: async () => old, kept, logger: pino({ level: "silent" }), now: () => now });
    const template = { language: "vi" as const, title: "Đăng ký LH-1", fields: [{ name: "code", value: "LH-1" }] };
    const message = { purpose: "class_reminder" as const, source: { kind: "class-reminder" as const, ref: "LH-1", label: "x" }, template, phone: "0987654321" };
    expect(await sender.send(person("zalo"), { text: "Nhắc lịch" }, message)).toEqual({ status: "kept", reason: "refused" });
    expect(tried).toEqual(["transaction:transaction_booking", "zns:248079"]);
    expect((await kept.list()).map((k) => [k.reason, k.detail])).toEqual([["refused", "zalo: not_follower"]]);
    tried.length = 0;
    expect(await sender.send(person("zalo"), { text: "Nhắc lịch" }, { ...message, template: undefined, source: { ...message.source, ref: "LH-2" } })).toEqual({ status: "kept", reason: "window_closed" });
    expect(tried).toEqual([]);
  });
});

describe("quiet hours and on-time planning (Asia/Ho_Chi_Minh)", () => {
  const quiet = parseQuietHours("21-7");

  it("parses ranges and refuses nonsense", () => {
    expect(parseQuietHours("21:30-06:45")).toEqual({ from: 21 * 60 + 30, to: 6 * 60 + 45 });
    expect(() => parseQuietHours("night")).toThrow();
    expect(() => parseQuietHours("25-7")).toThrow();
  });

  it("moves a night-time instant to 07:00 (same or next day) and leaves the day alone", () => {
    expect(nextAllowedTime(quiet, vietnamInstant("2026-11-25", 22 * 60))).toBe(vietnamInstant("2026-11-26", 7 * 60));
    expect(nextAllowedTime(quiet, vietnamInstant("2026-11-26", 5 * 60))).toBe(vietnamInstant("2026-11-26", 7 * 60));
    expect(nextAllowedTime(quiet, vietnamInstant("2026-11-26", 12 * 60))).toBe(vietnamInstant("2026-11-26", 12 * 60));
    expect(nextAllowedTime(quiet, vietnamInstant("2026-11-26", 21 * 60) - 1)).toBe(vietnamInstant("2026-11-26", 21 * 60) - 1);
  });

  it("plans: wait before due, send in the day, wait at night if the morning is still before the event, else drop", () => {
    const eventAt = vietnamInstant("2026-11-26", 19 * 60 + 30);
    const dueAt = vietnamInstant("2026-11-25", 7 * 60);
    const plan = (date: string, minute: number) => planReminder({ dueAt, eventAt, now: vietnamInstant(date, minute), quiet });
    expect(plan("2026-11-25", 6 * 60)).toEqual({ waitUntil: dueAt });
    expect(plan("2026-11-25", 10 * 60)).toEqual({ send: true });
    expect(plan("2026-11-25", 23 * 60)).toEqual({ waitUntil: vietnamInstant("2026-11-26", 7 * 60) });
    expect(plan("2026-11-26", 19 * 60 + 31)).toEqual({ drop: "too_late" });
    const morningEvent = vietnamInstant("2026-11-26", 6 * 60 + 30);
    expect(planReminder({ dueAt, eventAt: morningEvent, now: vietnamInstant("2026-11-25", 22 * 60), quiet })).toEqual({ drop: "too_late" });
  });

  it("reads the Vietnamese wall clock and pins BOT_TODAY's day keeping the time of day", () => {
    const instant = Date.UTC(2026, 1, 16, 18, 30); // 01:30 on 17 Feb in Hà Nội
    expect(vietnamWallClock(instant)).toEqual({ date: "2026-02-17", minute: 90 });
    expect(vietnamWallClock(pinnedNow(instant, "2027-02-14"))).toEqual({ date: "2027-02-14", minute: 90 });
  });
});

describe("ReachSender", () => {
  const logger = pino({ level: "silent" });
  const build = (send: () => Promise<void>, lastInboundAt: number | undefined) => {
    const store = new MemoryStore();
    const kept = new KeptMessages(store);
    const sender = new ReachSender({ policy: new WindowReachPolicy((name) => windows[name]), send, lastInboundAt: async () => lastInboundAt, kept, logger, now: () => 10 * 24 * HOUR });
    return { sender, kept };
  };
  const message = { purpose: "announcement" as const, source: { kind: "announcement" as const, ref: "TB-1", label: "x" } };

  it("sends when allowed, keeps with the reason when not, fails for good on a block, throws transport errors", async () => {
    const now = 10 * 24 * HOUR;
    let calls = 0;
    expect(await build(async () => void calls++, now - HOUR).sender.send(person("zalo"), { text: "a" }, message)).toEqual({ status: "sent", decision: { kind: "free" } });
    const closed = build(async () => void calls++, now - 3 * 24 * HOUR);
    expect(await closed.sender.send(person("zalo"), { text: "a" }, message)).toEqual({ status: "kept", reason: "window_closed" });
    expect((await closed.kept.list()).map((k) => k.status)).toEqual(["waiting"]);
    expect(calls).toBe(1);
    const blocked = build(async () => Promise.reject(new DeliveryRefused("zalo", "not_follower", "User has not followed OA")), now - HOUR);
    expect((await blocked.sender.send(person("zalo"), { text: "a" }, message)).status).toBe("failed");
    const down = build(async () => Promise.reject(new Error("503")), now - HOUR);
    await expect(down.sender.send(person("zalo"), { text: "a" }, message)).rejects.toThrow("503");
  });

  it("kept messages are taken once, and those past their time expire instead", async () => {
    const store = new MemoryStore();
    const kept = new KeptMessages(store);
    await kept.keep({ person: person("zalo"), reply: { text: "soon" }, purpose: "class_reminder", reason: "window_closed", source: { kind: "class-reminder", ref: "LH-1", label: "" }, deliverUntil: 2000 }, 0);
    await kept.keep({ person: person("zalo"), reply: { text: "later" }, purpose: "announcement", reason: "window_closed", source: { kind: "announcement", ref: "TB-1", label: "" }, deliverUntil: 5000 }, 1);
    const taken = await kept.takeFor(person("zalo").key, 3000);
    expect(taken.deliver.map((m) => m.reply.text)).toEqual(["later"]);
    expect(taken.expired.map((m) => m.reply.text)).toEqual(["soon"]);
    expect(await kept.takeFor(person("zalo").key, 3000)).toEqual({ deliver: [], expired: [] });
    expect(await kept.eraseFor(person("zalo").key)).toBe(2);
  });
});
