import { createHmac } from "node:crypto";
import nock from "nock";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelRegistry, DeliveryRefused, type OutboundChannel, type Recipient } from "../../src/core/channel.js";
import type { Reply } from "../../src/core/message.js";
import type { StaffEvent } from "../../src/domain/staff-event.js";
import { WindowReachPolicy } from "../../src/reach/window-policy.js";
import { createStaffAlerts, staffWebhookSignature, type StaffNotifierOptions } from "../../src/staff/staff-notifier.js";
import type { StaffAlerts } from "../../src/staff/staff-alerts.js";
import { parseStaffRoutes, staffFor } from "../../src/staff/staff-routes.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { recordZaloSends, startTestServer, zaloText, type TestServer } from "../helpers/test-server.js";
import { startWebhookReceiver } from "./webhook-receiver.js";

const EVENT: StaffEvent = {
  type: "report",
  ref: "PA-2026-0007",
  packId: "vo-cuong",
  unitId: "cong-an-phuong",
  summary: "Karaoke quá giờ · Thôn Vũ Dương",
  consolePath: "/admin/reports/PA-2026-0007",
  at: Date.parse("2026-11-25T03:00:00Z"),
};

/** A Zalo channel that records what it is asked to send; `refuse` ids throw like a blocked follower. */
function fakeZalo(refuse: string[] = []): OutboundChannel & { sent: { to: Recipient; reply: Reply }[] } {
  const sent: { to: Recipient; reply: Reply }[] = [];
  return {
    name: "zalo",
    window: { freeMs: 48 * 3_600_000, staffMs: 7 * 24 * 3_600_000 },
    sent,
    async send(to, reply) {
      if (refuse.includes(to.userId)) throw new DeliveryRefused("zalo", "not_follower", "not a follower");
      sent.push({ to, reply });
    },
  };
}

function notifier(options: Partial<StaffNotifierOptions> & { zalo?: OutboundChannel; staffAccountId?: string }): StaffAlerts {
  const channels = new ChannelRegistry();
  if (options.zalo) channels.add(options.zalo);
  return createStaffAlerts({
    store: new MemoryStore(),
    channels,
    policy: new WindowReachPolicy((name) => channels.get(name)?.window),
    logger: pino({ level: "silent" }),
    staffChannel: "zalo",
    staffUserIds: [],
    routes: new Map(),
    windowOf: async () => (options.staffAccountId ? { accountId: options.staffAccountId } : undefined),
    emails: [],
    emailRoutes: new Map(),
    publicUrl: "https://vanhoa.example.vn/",
    retry: { attempts: 4, baseMs: 1 },
    now: () => EVENT.at,
    ...options,
  });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  nock.cleanAll();
});

describe("staff notices on Zalo", () => {
  it("sends a short message with the code, summary and console link to each id in STAFF_ZALO_USER_IDS", async () => {
    const zalo = fakeZalo();
    await notifier({ zalo, staffUserIds: ["111", "222"], staffAccountId: "oa-1" }).notify(EVENT);
    expect(zalo.sent.map((s) => s.to)).toEqual([
      { channel: "zalo", accountId: "oa-1", userId: "111" },
      { channel: "zalo", accountId: "oa-1", userId: "222" },
    ]);
    expect(zalo.sent[0].reply.text).toBe("[Phản ánh mới] PA-2026-0007\nKaraoke quá giờ · Thôn Vũ Dương\nXem: https://vanhoa.example.vn/admin/reports/PA-2026-0007");
  });

  it("routes by unit (STAFF_ROUTES); a unit without a route, or no unit, goes to everyone", async () => {
    const routes = parseStaffRoutes("cong-an-phuong=333|444; phong-van-hoa-xa-hoi = 555 ;broken;=666");
    expect([...routes.entries()]).toEqual([
      ["cong-an-phuong", ["333", "444"]],
      ["phong-van-hoa-xa-hoi", ["555"]],
    ]);
    const zalo = fakeZalo();
    const staff = notifier({ zalo, staffUserIds: ["111"], routes });
    await staff.notify(EVENT);
    expect(zalo.sent.map((s) => s.to.userId)).toEqual(["333", "444"]);
    zalo.sent.length = 0;
    await staff.notify({ ...EVENT, unitId: "ubnd-phuong" });
    expect(zalo.sent.map((s) => s.to.userId)).toEqual(["111"]);
    zalo.sent.length = 0;
    await staff.notify({ ...EVENT, unitId: undefined });
    expect(zalo.sent.map((s) => s.to.userId)).toEqual(["111"]);
    expect(staffFor("cong-an-phuong", new Map([["cong-an-phuong", []]]), ["111"])).toEqual(["111"]);
  });

  it("one staff id that cannot be reached does not stop the others, and notify never throws", async () => {
    const zalo = fakeZalo(["111"]);
    await expect(notifier({ zalo, staffUserIds: ["111", "222"] }).notify(EVENT)).resolves.toBeUndefined();
    expect(zalo.sent.map((s) => s.to.userId)).toEqual(["222"]);
  });

  it("sends nothing on Zalo when the channel is off", async () => {
    await expect(notifier({ staffUserIds: ["111"] }).notify(EVENT)).resolves.toBeUndefined();
  });
});

describe("staff webhook", () => {
  it("POSTs the event as JSON with X-Signature = sha256=hmac(secret, body), verifiable on the received bytes", async () => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    await notifier({ webhookUrl: receiver.url, webhookSecret: "webhook-secret" }).notify(EVENT);
    expect(receiver.received).toHaveLength(1);
    const { raw, headers } = receiver.received[0];
    const expected = "sha256=" + createHmac("sha256", "webhook-secret").update(raw).digest("hex");
    expect(headers["x-signature"]).toBe(expected);
    expect(staffWebhookSignature(raw, "webhook-secret")).toBe(expected);
    expect(headers["x-signature"]).not.toBe("sha256=" + createHmac("sha256", "other-secret").update(raw).digest("hex"));
    expect(headers["content-type"]).toBe("application/json");
    expect(JSON.parse(raw)).toEqual({ ...EVENT, url: "https://vanhoa.example.vn/admin/reports/PA-2026-0007" });
  });

  it("retries on 5xx and 429 with the same body and signature, until it succeeds", async () => {
    const receiver = await startWebhookReceiver([503, 429, 502, 200]);
    closers.push(receiver.close);
    await notifier({ webhookUrl: receiver.url, webhookSecret: "webhook-secret" }).notify(EVENT);
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.headers["x-signature"])).size).toBe(1);
  });

  it("does not retry a 4xx, gives up after the configured attempts on 5xx, and never throws", async () => {
    const refused = await startWebhookReceiver([400]);
    closers.push(refused.close);
    await expect(notifier({ webhookUrl: refused.url, webhookSecret: "s" }).notify(EVENT)).resolves.toBeUndefined();
    expect(refused.received).toHaveLength(1);

    const down = await startWebhookReceiver([500]);
    closers.push(down.close);
    await expect(notifier({ webhookUrl: down.url, webhookSecret: "s", retry: { attempts: 3, baseMs: 1 } }).notify(EVENT)).resolves.toBeUndefined();
    expect(down.received).toHaveLength(3);
  });

  it("without a secret the body is sent unsigned", async () => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    await notifier({ webhookUrl: receiver.url }).notify(EVENT);
    expect(receiver.received[0].headers["x-signature"]).toBeUndefined();
  });
});

describe("staff notices from the running app", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("a handoff sends the Zalo notice to staff and the signed webhook", async () => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    server = await startTestServer({ STAFF_ZALO_USER_IDS: "staff-1", STAFF_WEBHOOK_URL: receiver.url, STAFF_WEBHOOK_SECRET: "app-secret" });
    const sent = recordZaloSends();
    await server.postZalo(zaloText("cho tôi gặp cán bộ", "person-7"));
    await server.settle();
    const notice = sent.filter((s) => s.body.recipient.user_id === "staff-1");
    expect(notice).toHaveLength(1);
    expect(notice[0].body.message.text).toContain("[Cần cán bộ]");
    expect(receiver.received).toHaveLength(1);
    const { raw, headers } = receiver.received[0];
    expect(headers["x-signature"]).toBe("sha256=" + createHmac("sha256", "app-secret").update(raw).digest("hex"));
    expect(JSON.parse(raw)).toMatchObject({ type: "handoff", ref: "zalo:579745863508352884:person-7", consolePath: `/admin/inbox/${encodeURIComponent("zalo:579745863508352884:person-7")}` });
  });
});
