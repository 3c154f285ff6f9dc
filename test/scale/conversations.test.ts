import { DirectOutbound } from "../../src/queue/direct-outbound.js";
import type { OutboundQueue } from "../../src/queue/outbound-queue.js";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { Handoff } from "../../src/domain/handoff.js";
import type { Report } from "../../src/domain/report.js";
import { callApi, handoffPath, STAFF_TOKEN } from "../api/staff-api-client.js";
import { MessengerPerson, quickReport, ZaloPerson } from "../helpers/chat.js";
import type { StaffEvent } from "../../src/domain/staff-event.js";
import { ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";
import { BACKENDS, startOn, type BackendServer } from "./backends.js";

/**
 * The same end-to-end conversations, through signed webhooks and the real HTTP app, on the default
 * in-process deployment and on PostgreSQL + Redis (where every reply goes through the outbound queue and
 * each person's turn through the Redis runner). Both must read exactly the same to the person.
 */

// The server's clock is fixed (and moved by the tests) while the people's events carry the real time: no replay window.
const ENV = { STAFF_API_TOKEN: STAFF_TOKEN, STAFF_ZALO_USER_IDS: "staff-a", PUBLIC_URL: "https://vanhoa.example.vn", OUTBOUND_RETRY_MAX_MS: "50", ZALO_REPLAY_WINDOW_SECONDS: "0" };

describe.each(BACKENDS)("conversations on %s", (backend) => {
  let running: BackendServer | undefined;
  let clock = Date.parse("2026-11-25T03:00:00Z"); // a Wednesday, 10:00 in Hà Nội: the office is open

  async function start(): Promise<TestServer> {
    clock = Date.parse("2026-11-25T03:00:00Z");
    running = await startOn(backend, ENV, { now: () => clock });
    return running.server;
  }

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    nock.cleanAll();
  });

  it("answers a festival date on Zalo and in English on Messenger", async () => {
    const server = await start();
    const zalo = new ZaloPerson(server, "u-lim");
    const text = await zalo.say("hoi lim nam 2027 ngay nao vay ad");
    expect(text).toContain("18/02/2027");
    expect(text).toContain("thứ Năm");
    const messenger = new MessengerPerson(server, "en-person");
    const english = await messenger.say("When is the Lim festival?");
    expect(english).toContain("Lim Festival");
    expect(english).not.toMatch(/Hội Lim năm/);
    // Scale-out: those replies went through the outbound queue, one job per answered message.
    if (backend === "postgres+redis") expect(await (server.outbound as OutboundQueue).jobCounts()).toMatchObject({ completed: 2, failed: 0, waiting: 0 });
    else expect(server.outbound).toBeInstanceOf(DirectOutbound);
  });

  it("files a report through the dialog, tells its ticket code, and the reporter looks it up", async () => {
    const server = await start();
    const reporter = new ZaloPerson(server);
    const code = await quickReport(reporter);
    expect(code).toMatch(/^PA-\d{4}-0001$/);
    const saved = await server.store.collection<Report>("reports").get(code);
    expect(saved).toMatchObject({ code, status: "received", place: { text: "đình Đông Xá" }, reporter: { channel: "zalo", userId: reporter.userId } });

    const card = await reporter.say(`tra cứu ${code}`);
    expect(card).toContain(`Phản ánh ${code}`);
    expect(card).toContain("Trạng thái: Đã tiếp nhận");
    // Someone else learns nothing about it.
    const stranger = new ZaloPerson(server, "999000111");
    expect(await stranger.say(`tra cứu ${code}`)).not.toContain("Đã tiếp nhận");

    // A second report gets the next code, from the same shared sequence.
    const second = await quickReport(new MessengerPerson(server), "Có người xem bói lấy tiền ở cổng đền Bà Chúa Kho", "đền Bà Chúa Kho");
    expect(Number(second.slice(-4))).toBe(Number(code.slice(-4)) + 1);
  });

  it("hands off to staff, stays silent, and a staff reply through the API reaches the person", async () => {
    const server = await start();
    const person = new ZaloPerson(server);
    const staff = new ZaloPerson(server, "staff-a");
    expect(await person.say("cho tôi gặp cán bộ")).toContain("chuyển cuộc trò chuyện cho cán bộ");
    expect(staff.received.map((s) => s.text).join("\n")).toContain("[Cần cán bộ]");
    const key = `zalo:579745863508352884:${person.userId}`;
    expect(await server.store.collection<Handoff>("handoffs").get(key)).toMatchObject({ status: "open", reason: "asked" });

    expect(await person.say("hội lim năm nay ngày nào")).toBe("");

    clock += 10 * 60_000;
    const reply = await callApi(server, "POST", `${handoffPath(key)}/reply`, { body: { text: "Chào bạn, tôi là cán bộ Phòng Văn hóa." } });
    expect(reply.status).toBe(200);
    expect(reply.body.delivery).toBe("sent");
    expect(person.received.at(-1)?.text).toBe("Chào bạn, tôi là cán bộ Phòng Văn hóa.");

    const release = await callApi(server, "POST", `${handoffPath(key)}/release`);
    expect(release.status).toBe(200);
    expect(person.received.at(-1)?.text).toContain("Cán bộ đã kết thúc cuộc trò chuyện");
    expect(await person.say("hội lim năm nay ngày nào")).not.toBe("");
  });

  it("answers a webhook delivered twice once", async () => {
    const server = await start();
    const person = new ZaloPerson(server, "u-twice");
    const body = zaloText("hội lim năm nay ngày nào", "u-twice", "msg-twice-1");
    expect((await server.postZalo(body)).status).toBe(200);
    expect((await server.postZalo(body)).status).toBe(200);
    await server.settle();
    const first = person.count;
    expect(first).toBeGreaterThan(0);
    expect(person.received.filter((s) => /Hội Lim/i.test(s.text))).toHaveLength(1);
    // A third delivery, later, still nothing more.
    expect((await server.postZalo(body)).status).toBe(200);
    await server.settle();
    expect(person.count).toBe(first);
  });

  it("a reply kept through a Zalo outage longer than the quick retries is sent once when Zalo is back; one older than OUTBOUND_MAX_AGE_HOURS is dropped, counted and listed", async () => {
    const server = await start();
    const notices: StaffEvent[] = [];
    server.services.notifier = { notify: async (event) => void notices.push(event) };
    let tries = 0;
    let down = true;
    const delivered: string[] = [];
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(500)
      .reply((_uri, body) => {
        tries++;
        if (down) return [500, { error: -1, message: "internal error" }];
        delivered.push((body as { message: { text: string } }).message.text);
        return [200, { error: 0, message: "Success", data: { message_id: `m${tries}` } }];
      });
    expect((await server.postZalo(zaloText("hội lim năm nay ngày nào", "u-outage", "msg-outage-1"))).status).toBe(200);
    await server.settle();

    // RETRY_ATTEMPTS=4 quick tries, then kept in the outbox: no dead letter (the old behaviour lost it for good).
    await expect.poll(() => tries).toBeGreaterThanOrEqual(4);
    expect((await callApi(server, "GET", "/api/dead-letters?channel=zalo")).body.count).toBe(0);
    expect(await server.store.collection("outbox").find()).toHaveLength(1);
    down = false;
    clock += 60_000;
    await expect
      .poll(async () => (await server.outboxSweeper.sweep(), delivered.length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(async () => (await server.store.collection("outbox").find()).length).toBe(0);
    expect(delivered.filter((text) => /Hội Lim/.test(text))).toHaveLength(1);
    expect(notices.filter((n) => n.type === "dead_letter")).toHaveLength(0);

    // Another outage, and the platform stays down for longer than OUTBOUND_MAX_AGE_HOURS (24 h): dropped, never sent late.
    down = true;
    expect((await server.postZalo(zaloText("số điện thoại phòng văn hóa", "u-dead", "msg-dead-1"))).status).toBe(200);
    await server.settle();
    clock += 25 * 3_600_000;
    down = false;
    const sentBefore = delivered.length;
    await expect.poll(async () => (await server.outboxSweeper.sweep(), (await callApi(server, "GET", "/api/dead-letters?channel=zalo")).body.count), { timeout: 10_000 }).toBe(1);
    expect(delivered.length).toBe(sentBefore);
    const listed = await callApi(server, "GET", "/api/dead-letters?channel=zalo");
    const [letter] = listed.body.deadLetters;
    expect(letter).toMatchObject({ recipient: { channel: "zalo", accountId: "579745863508352884", userId: "u-dead" }, kind: "stale" });
    expect(letter.id).toContain("msg-dead-1");
    expect(notices.filter((n) => n.type === "dead_letter")).toHaveLength(1);
    expect(notices[0]).toMatchObject({ type: "dead_letter", ref: letter.id, consolePath: "/admin/dead-letters" });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/bot_outbound_given_up_total\{kind="stale",channel="zalo"\} 1/);

    expect((await callApi(server, "GET", "/api/dead-letters", { token: null })).status).toBe(401);
    expect((await callApi(server, "GET", "/api/dead-letters?limit=0")).status).toBe(400);
    expect((await callApi(server, "GET", "/api/dead-letters?channel=messenger")).body.count).toBe(0);
  });
});
