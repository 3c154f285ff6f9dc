import { Writable } from "node:stream";
import nock from "nock";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelRegistry, DeliveryRefused, type OutboundChannel, type Recipient } from "../../src/core/channel.js";
import type { Reply } from "../../src/core/message.js";
import type { StaffEvent } from "../../src/domain/staff-event.js";
import { WindowReachPolicy } from "../../src/reach/window-policy.js";
import type { OutOfWindowRule } from "../../src/reach/reach-policy.js";
import type { StaffAlert } from "../../src/staff/staff-alert.js";
import { createStaffAlerts, type StaffNotifierOptions } from "../../src/staff/staff-notifier.js";
import { ALERT_RETRY } from "../../src/staff/staff-alerts.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { fixture, startTestServer, ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";
import { signIn } from "../web/web-test-kit.js";
import { mailSubject, mailText, startSmtpReceiver } from "./smtp-receiver.js";
import { startWebhookReceiver } from "./webhook-receiver.js";

/**
 * Issue 16 item 6: staff alerts go down a chain — the platform message (as the reach policy allows), the signed webhook,
 * e-mail through a real (local, in-process) SMTP server — and one that reached no one is stored, retried and shown in
 * the console. The clock is pinned.
 */

const HOUR = 3_600_000;
const T = Date.parse("2026-11-25T03:00:00Z"); // Wednesday 10:00 in Hà Nội
const SMTP_PASSWORD = "smtp-mat-khau-bi-mat";
const WEBHOOK_SECRET = "webhook-bi-mat";

const EVENT: StaffEvent = {
  type: "report",
  ref: "PA-2026-0007",
  packId: "vo-cuong",
  unitId: "cong-an-phuong",
  summary: "Karaoke quá giờ · Thôn Vũ Dương",
  consolePath: "/admin/reports/PA-2026-0007",
  at: T,
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  nock.cleanAll();
});

/** A staff channel like Zalo: 48 h window; refuses with window_closed the ids in `closed`. */
function staffChannel(closed: string[] = []): OutboundChannel & { sent: { to: Recipient; reply: Reply; kind?: string; fields?: Record<string, string> }[] } {
  const sent: { to: Recipient; reply: Reply; kind?: string; fields?: Record<string, string> }[] = [];
  return {
    name: "zalo",
    window: { freeMs: 48 * HOUR, staffMs: 7 * 24 * HOUR },
    sent,
    async send(to, reply, options) {
      if (closed.includes(to.userId)) throw new DeliveryRefused("zalo", "window_closed", "User has not interacted with the OA in the last 7 days");
      const fields = options?.template ? Object.fromEntries(options.template.fields.map((field) => [field.name, field.value])) : undefined;
      sent.push({ to, reply, kind: options?.reach && "kind" in options.reach ? options.reach.kind : undefined, fields });
    },
  };
}

/** Log lines written, to check what is never logged. */
function logSink() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
  return { logger: pino({ level: "info" }, stream), lines };
}

async function smtp(options: { refuse?: string[] } = {}) {
  const server = await startSmtpReceiver({ user: "tro-ly@vanhoa.gov.vn", password: SMTP_PASSWORD, ...options });
  closers.push(server.close);
  return server;
}

function alerts(options: Partial<StaffNotifierOptions> & { channel?: OutboundChannel; windows?: Record<string, number>; clock?: () => number; rules?: OutOfWindowRule[] } = {}) {
  const channels = new ChannelRegistry();
  if (options.channel) channels.add(options.channel);
  const store = new MemoryStore();
  const chain = createStaffAlerts({
    store,
    channels,
    policy: new WindowReachPolicy((name) => channels.get(name)?.window, options.rules),
    logger: pino({ level: "silent" }),
    staffChannel: "zalo",
    staffUserIds: ["staff-1"],
    routes: new Map(),
    windowOf: async (_channel, userId) => (options.windows?.[userId] === undefined ? undefined : { accountId: "oa-1", lastInboundAt: options.windows[userId] }),
    emails: ["truc@vanhoa.gov.vn"],
    emailRoutes: new Map(),
    publicUrl: "https://vanhoa.example.vn",
    retry: { attempts: 2, baseMs: 1 },
    now: options.clock ?? (() => T),
    ...options,
  });
  return { chain, store, stored: async () => (await store.collection<StaffAlert>("staff_alerts").find())[0] };
}

const smtpSettings = (port: number) => ({ host: "127.0.0.1", port, secure: false, user: "tro-ly@vanhoa.gov.vn", password: SMTP_PASSWORD, from: "Trợ lý văn hóa <tro-ly@vanhoa.gov.vn>" });

describe("the chain", () => {
  it("the platform message reaches staff inside their window: no e-mail; the webhook is still posted (a feed)", async () => {
    const mail = await smtp();
    const hook = await startWebhookReceiver();
    closers.push(hook.close);
    const channel = staffChannel();
    const { chain, stored } = alerts({ channel, windows: { "staff-1": T - HOUR }, smtp: smtpSettings(mail.port), webhookUrl: hook.url });
    await chain.notify(EVENT);
    expect(channel.sent.map((s) => s.to.userId)).toEqual(["staff-1"]);
    expect(hook.received).toHaveLength(1);
    expect(mail.received).toHaveLength(0);
    expect(await stored()).toMatchObject({ status: "reached", reachedBy: "message", attempts: 1 });
  });

  it("the staff member's window is closed (known): no platform call; no webhook; an e-mail through SMTP, signed in, in Vietnamese", async () => {
    const mail = await smtp();
    const channel = staffChannel();
    const { chain, stored } = alerts({ channel, windows: { "staff-1": T - 72 * HOUR }, smtp: smtpSettings(mail.port) });
    await chain.notify(EVENT);
    expect(channel.sent).toHaveLength(0);
    expect(mail.received).toHaveLength(1);
    expect(mail.logins).toEqual(["tro-ly@vanhoa.gov.vn"]);
    expect(mail.received[0]).toMatchObject({ from: "tro-ly@vanhoa.gov.vn", to: ["truc@vanhoa.gov.vn"], user: "tro-ly@vanhoa.gov.vn" });
    expect(mailSubject(mail.received[0].raw)).toBe("[Trợ lý văn hóa] Phản ánh mới: PA-2026-0007");
    const body = mailText(mail.received[0].raw);
    expect(body).toContain("Karaoke quá giờ · Thôn Vũ Dương");
    expect(body).toContain("https://vanhoa.example.vn/admin/reports/PA-2026-0007");
    const alert = await stored();
    expect(alert).toMatchObject({ status: "reached", reachedBy: "email" });
    expect(alert.results.find((r) => r.rung === "message")?.failures[0]).toContain("quá thời hạn nhắn tin");
  });

  it("the platform refuses (window closed though the bot did not know) and the webhook is down: e-mail", async () => {
    const mail = await smtp();
    const hook = await startWebhookReceiver([503]);
    closers.push(hook.close);
    const { chain, stored } = alerts({ channel: staffChannel(["staff-1"]), smtp: smtpSettings(mail.port), webhookUrl: hook.url, webhookSecret: WEBHOOK_SECRET });
    await chain.notify(EVENT);
    expect(hook.received).toHaveLength(2); // its own quick retries
    expect(mail.received).toHaveLength(1);
    expect(await stored()).toMatchObject({ status: "reached", reachedBy: "email" });
  });

  it("the webhook counts when the platform message reached no one: no e-mail then", async () => {
    const mail = await smtp();
    const hook = await startWebhookReceiver();
    closers.push(hook.close);
    const { chain, stored } = alerts({ channel: staffChannel(["staff-1"]), smtp: smtpSettings(mail.port), webhookUrl: hook.url });
    await chain.notify(EVENT);
    expect(mail.received).toHaveLength(0);
    expect(await stored()).toMatchObject({ status: "reached", reachedBy: "webhook" });
  });

  it("an out-of-window kind the reach policy allows for staff_alert is used before anything else (where one is configured)", async () => {
    const mail = await smtp();
    const channel = staffChannel();
    const template: OutOfWindowRule = { decide: (_person, purpose) => (purpose === "staff_alert" ? { kind: "template", templateId: "staff-alert-tpl" } : undefined) };
    const { chain, stored } = alerts({ channel, windows: { "staff-1": T - 72 * HOUR }, rules: [template], smtp: smtpSettings(mail.port) });
    await chain.notify(EVENT);
    expect(channel.sent.map((s) => s.kind)).toEqual(["template"]);
    expect(channel.sent[0].fields).toEqual({ alert: "Phản ánh mới", ref: "PA-2026-0007", summary: "Karaoke quá giờ · Thôn Vũ Dương", link: "https://vanhoa.example.vn/admin/reports/PA-2026-0007" });
    expect(mail.received).toHaveLength(0);
    expect(await stored()).toMatchObject({ reachedBy: "message" });
  });

  it("e-mail by unit (STAFF_EMAIL_ROUTES); a recipient the server refuses is reported, masked, the others still reached", async () => {
    const mail = await smtp({ refuse: ["cu@cong-an.gov.vn"] });
    const { chain, stored } = alerts({
      channel: staffChannel(["staff-1"]),
      smtp: smtpSettings(mail.port),
      emailRoutes: new Map([["cong-an-phuong", ["ca@cong-an.gov.vn", "cu@cong-an.gov.vn"]]]),
    });
    await chain.notify(EVENT);
    expect(mail.received.map((m) => m.to)).toEqual([["ca@cong-an.gov.vn"]]);
    const email = (await stored()).results.find((r) => r.rung === "email")!;
    expect(email.reached).toBe(1);
    expect(email.failures).toEqual(["cu***@cong-an.gov.vn: máy chủ thư từ chối"]);
  });
});

describe("an alert that reached no one", () => {
  it("is kept, tried again with backoff, reaches staff once a rung works, and is never logged with the SMTP password or webhook secret", async () => {
    const mail = await smtp({ refuse: ["truc@vanhoa.gov.vn"] });
    let clock = T;
    const sink = logSink();
    const windows: Record<string, number> = { "staff-1": T - 72 * HOUR };
    const { chain, stored } = alerts({ channel: staffChannel(), windows, smtp: smtpSettings(mail.port), webhookSecret: WEBHOOK_SECRET, clock: () => clock, logger: sink.logger });
    await chain.notify(EVENT);
    let alert = await stored();
    expect(alert).toMatchObject({ status: "retrying", attempts: 1, nextAttemptAt: T + ALERT_RETRY.firstMs });

    expect(await chain.retryDue(T + ALERT_RETRY.firstMs - 1)).toBe(0);
    clock = T + ALERT_RETRY.firstMs;
    expect(await chain.retryDue(clock)).toBe(1);
    alert = await stored();
    expect(alert).toMatchObject({ status: "retrying", attempts: 2, nextAttemptAt: clock + 2 * ALERT_RETRY.firstMs });

    // The staff member writes to the OA: their window opens, and the next try reaches them.
    windows["staff-1"] = clock + 30_000;
    clock += 2 * ALERT_RETRY.firstMs;
    expect(await chain.retryDue(clock)).toBe(1);
    expect(await stored()).toMatchObject({ status: "reached", reachedBy: "message", attempts: 3 });
    expect(await chain.retryDue(clock + HOUR)).toBe(0);

    const logged = sink.lines.join("\n");
    expect(logged).toContain("staff alert reached no one");
    expect(logged).not.toContain(SMTP_PASSWORD);
    expect(logged).not.toContain(WEBHOOK_SECRET);
  });

  it("is stored before its first try: one cut short (the process stopped, a rung threw) is tried again once its claim ends", async () => {
    let clock = T;
    let calls = 0;
    const flaky = { name: "message" as const, deliver: async () => (++calls === 1 ? Promise.reject(new Error("process stopped")) : { rung: "message" as const, reached: 1, failures: [] }) };
    const { chain, stored } = alerts({ rungs: { message: flaky }, clock: () => clock });
    await chain.notify(EVENT);
    expect(await stored()).toMatchObject({ status: "retrying", attempts: 0, claimedUntil: T + 5 * 60_000 });
    expect(await chain.retryDue(T + 4 * 60_000)).toBe(0); // still claimed by the first try
    clock = T + 5 * 60_000;
    expect(await chain.retryDue(clock)).toBe(1);
    expect(await stored()).toMatchObject({ status: "reached", reachedBy: "message", attempts: 1 });
  });

  it("after a day the retries stop: unreached, still listed; with nothing configured it is unreached at once", async () => {
    let clock = T;
    const { chain, stored } = alerts({ channel: staffChannel(["staff-1"]), smtp: { host: "127.0.0.1", port: 1, from: "a@b.vn" }, clock: () => clock });
    await chain.notify(EVENT);
    expect((await stored()).status).toBe("retrying");
    clock = T + ALERT_RETRY.giveUpAfterMs;
    await chain.retryDue(clock);
    expect(await stored()).toMatchObject({ status: "unreached" });
    expect((await stored()).results.find((r) => r.rung === "email")?.failures[0]).toContain("máy chủ thư");

    const bare = alerts({ staffUserIds: [], emails: [] });
    await bare.chain.notify(EVENT);
    expect(await bare.stored()).toMatchObject({ status: "unreached", attempts: 1 });
    expect((await bare.stored()).nextAttemptAt).toBeUndefined();
  });
});

describe("staff alerts in the running app (signed webhook, Zalo refusing, local SMTP, console)", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  /** Zalo's send API: the person's answers go through; sends to `closed` staff ids get -230. */
  function zaloRefusing(closed: string[]) {
    const sent: { userId: string; text: string }[] = [];
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(100)
      .reply((_uri, body: any) => {
        if (closed.includes(body.recipient.user_id)) return [200, fixture("zalo/api-send-error-not-interacted.json")];
        sent.push({ userId: body.recipient.user_id, text: String(body.message?.text ?? "") });
        return [200, fixture("zalo/api-send-success.json")];
      });
    return sent;
  }

  it("a handoff whose staff Zalo message is refused (-230) reaches staff by e-mail; the console lists it as reached by e-mail", async () => {
    const mail = await smtp();
    let clock = T;
    server = await startTestServer(
      { STAFF_ZALO_USER_IDS: "staff-1", SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mail.port), SMTP_USER: "tro-ly@vanhoa.gov.vn", SMTP_PASSWORD, STAFF_ALERT_EMAILS: "truc@vanhoa.gov.vn", PUBLIC_URL: "https://vanhoa.example.vn", ADMIN_PASSWORD: "mat-khau-quan-tri-1" },
      { now: () => clock },
    );
    zaloRefusing(["staff-1"]);
    await server.postZalo({ ...zaloText("cho tôi gặp cán bộ", "person-7"), timestamp: String(clock) });
    await server.settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mail.received).toHaveLength(1);
    expect(mailSubject(mail.received[0].raw)).toBe("[Trợ lý văn hóa] Cần cán bộ: zalo:579745863508352884:person-7");
    expect(mailText(mail.received[0].raw)).toContain(`https://vanhoa.example.vn/admin/inbox/${encodeURIComponent("zalo:579745863508352884:person-7")}`);

    const admin = await signIn(server, "admin", "mat-khau-quan-tri-1");
    const page = await (await admin.get("/admin/alerts")).text();
    expect(page).toContain("Chưa đến được ai (0)");
    expect(/id="alerts-reached"[\s\S]*Cần cán bộ[\s\S]*E-mail/.test(page)).toBe(true);
    expect(await (await admin.get("/admin/inbox")).text()).not.toContain("alerts-banner");
  });

  it("an alert that reached no one shows in the console (page and inbox banner) and “Gửi lại ngay” sends it once the channel works", async () => {
    let clock = T;
    server = await startTestServer({ STAFF_ZALO_USER_IDS: "staff-1", ADMIN_PASSWORD: "mat-khau-quan-tri-1" }, { now: () => clock });
    zaloRefusing(["staff-1"]);
    await server.postZalo({ ...zaloText("cho tôi gặp cán bộ", "person-8"), timestamp: String(clock) });
    await server.settle();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const admin = await signIn(server, "admin", "mat-khau-quan-tri-1");
    const inbox = await (await admin.get("/admin/inbox")).text();
    expect(inbox).toContain('id="alerts-banner"');
    expect(inbox).toContain("1 cảnh báo chưa đến được cán bộ nào");
    let page = await (await admin.get("/admin/alerts")).text();
    expect(page).toContain("Chưa đến được ai (1)");
    expect(page).toContain("kênh từ chối: quá thời hạn nhắn tin");
    expect(page).toContain("STAFF_WEBHOOK_URL chưa đặt");
    const id = /id="alerts-unreached"[\s\S]*?data-id="([^"]+)"/.exec(page)![1];

    // The staff member wrote to the OA meanwhile: Zalo takes the message now.
    nock.cleanAll();
    const sent = zaloRefusing([]);
    const retried = await admin.post(`/admin/alerts/${encodeURIComponent(id)}/retry`, {});
    expect(retried.status).toBe(303);
    expect(sent.filter((m) => m.userId === "staff-1").map((m) => m.text)[0]).toContain("[Cần cán bộ]");
    page = await (await admin.get("/admin/alerts")).text();
    expect(page).toContain("Chưa đến được ai (0)");
    expect(await (await admin.get("/admin/inbox")).text()).not.toContain("alerts-banner");
  });
});
