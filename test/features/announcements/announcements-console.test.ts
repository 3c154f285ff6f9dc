import nock from "nock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Delivery } from "../../../src/features/announcements/announcement.js";
import { vietnamInstant } from "../../../src/reach/index.js";
import { ZaloPerson } from "../../helpers/chat.js";
import { fixture, startTestServer, ZALO_API, type TestServer } from "../../helpers/test-server.js";
import { signIn } from "../../web/web-test-kit.js";

/**
 * Announcements from the console over HTTP, delivered through the (nock'ed) Zalo API with the clock pinned: only the
 * topic's subscribers get it, a subscriber outside the window is kept for their next message and shown as such in the
 * report and on "Chưa gửi được"; at a few hundred recipients with retries, refusals and outages every recipient has
 * exactly one result while the bot keeps answering.
 */

const HOUR = 3_600_000;
let server: TestServer;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(vietnamInstant("2026-11-25", 9 * 60));
  server = await startTestServer(
    { BOT_TODAY: "", ADMIN_PASSWORD: "admin-pass-123", RETRY_ATTEMPTS: "1", ANNOUNCE_ATTEMPTS: "3", ANNOUNCE_BACKOFF_MS: "5", ANNOUNCE_RATES: "zalo=2000,messenger=2000" },
  );
});

afterEach(async () => {
  await server.stop();
  vi.useRealTimers();
  nock.cleanAll();
});

async function subscribe(person: ZaloPerson): Promise<void> {
  await person.say("nhắc tôi trước hội Lim");
  await person.tap("remind:yes");
}

describe("announcement from the console", () => {
  it("goes to the topic's subscribers only; one outside the window is kept, shown, and delivered when they write", async () => {
    const active = new ZaloPerson(server, "601");
    const silent = new ZaloPerson(server, "602");
    const bystander = new ZaloPerson(server, "603");
    await subscribe(silent);
    vi.setSystemTime(vietnamInstant("2026-11-28", 9 * 60)); // three days later: the silent one is past Zalo's 48 h
    await subscribe(active);
    await bystander.say("hội lim năm nay ngày nào");
    const counts = { active: active.count, silent: silent.count, bystander: bystander.count };

    const admin = await signIn(server, "admin", "admin-pass-123");
    expect(await (await admin.get("/admin/announcements/new")).text()).toContain('value="topic:festival:hoi-lim"');
    const created = await admin.post("/admin/announcements", {
      pack: "vo-cuong",
      kind: "festival",
      title: "Hội Lim 2027",
      text: "Hội Lim năm nay khai hội ngày 17/02/2027. Xe buýt miễn phí từ trung tâm phường.",
      audience: "topic:festival:hoi-lim",
      validUntil: "2027-02-18",
    });
    expect(created.status).toBe(303);
    const page = created.headers.get("location")!;
    expect(page).toBe("/admin/announcements/TB-2026-0001");
    const preview = await (await admin.get(page)).text();
    expect(preview).toContain("<strong>2</strong> người; 1 người đang trong thời hạn nhắn tin (gửi ngay), 1 người nhận khi họ nhắn lại");
    expect(active.count).toBe(counts.active); // nothing goes out before "Gửi"

    expect((await admin.post(`${page}/send`, {})).status).toBe(303);
    await server.reach.delivery.idle();
    expect(active.textSince(counts.active)).toBe("Hội Lim 2027\nHội Lim năm nay khai hội ngày 17/02/2027. Xe buýt miễn phí từ trung tâm phường.");
    expect(bystander.count).toBe(counts.bystander);
    expect(silent.count).toBe(counts.silent);

    const report = await (await admin.get(page)).text();
    expect(report).toContain('data-result="sent">1<');
    expect(report).toContain('data-result="kept">1<');
    expect(report).toContain('data-result="failed">0<');
    expect(report).toContain("quá thời hạn nhắn tin miễn phí của kênh");
    expect(report).toContain("Đã gửi xong");
    expect(await (await admin.get("/admin/kept")).text()).toContain("Hội Lim 2027");
    // Sending twice is refused.
    await admin.post(`${page}/send`, {});
    await server.reach.delivery.idle();
    expect(active.textSince(counts.active).match(/Hội Lim 2027/g)).toHaveLength(1);

    await silent.say("chào ad");
    expect(silent.textSince(counts.silent)).toContain("Hội Lim 2027\nHội Lim năm nay khai hội");
  });

  it("Chinese and Korean subscribers: their own text when staff wrote one, else the English one under a line in their language", async () => {
    const zh = new ZaloPerson(server, "611");
    const ko = new ZaloPerson(server, "612");
    const vi = new ZaloPerson(server, "613");
    await zh.say("林会前提醒我");
    await zh.tap("remind:yes");
    await ko.say("림 축제 전에 알려 주세요");
    await ko.tap("remind:yes");
    await subscribe(vi);
    const counts = { zh: zh.count, ko: ko.count, vi: vi.count };

    const admin = await signIn(server, "admin", "admin-pass-123");
    const form = await (await admin.get("/admin/announcements/new")).text();
    expect(form).toContain('name="textZh"');
    expect(form).toContain('name="textKo"');
    const created = await admin.post("/admin/announcements", {
      pack: "vo-cuong",
      kind: "festival",
      title: "Hội Lim 2027",
      text: "Hội Lim khai hội ngày 17/02/2027.",
      textEn: "The Lim Festival opens on 17 Feb 2027.",
      textZh: "林会将于2027年2月17日开幕。",
      audience: "topic:festival:hoi-lim",
    });
    const page = created.headers.get("location")!;
    // The preview shows staff what each language gets, the Korean one with its lead over the English text.
    const preview = await (await admin.get(page)).text();
    expect(preview).toContain("Người nhắn bằng tiếng Trung nhận:");
    expect(preview).toContain("문화 담당 부서의 안내입니다(현재 영어로만 제공):\nHội Lim 2027\nThe Lim Festival opens on 17 Feb 2027.");
    await admin.post(`${page}/send`, {});
    await server.reach.delivery.idle();
    expect(zh.textSince(counts.zh)).toBe("Hội Lim 2027\n林会将于2027年2月17日开幕。");
    expect(ko.textSince(counts.ko)).toBe("문화 담당 부서의 안내입니다(현재 영어로만 제공):\nHội Lim 2027\nThe Lim Festival opens on 17 Feb 2027.");
    expect(vi.textSince(counts.vi)).toBe("Hội Lim 2027\nHội Lim khai hội ngày 17/02/2027.");
  });

  it("a few hundred recipients: retries, a refusal and an outage each end in exactly one result; the bot still answers meanwhile", async () => {
    // Retries wait on the clock: this one runs on real time (the server reads Date.now as it was when it started).
    await server.stop();
    vi.useRealTimers();
    server = await startTestServer({ BOT_TODAY: "", ADMIN_PASSWORD: "admin-pass-123", RETRY_ATTEMPTS: "1", ANNOUNCE_ATTEMPTS: "3", ANNOUNCE_BACKOFF_MS: "5", ANNOUNCE_RATES: "zalo=2000,messenger=2000" });
    const n = 300;
    const now = Date.now();
    const conversations = server.store.collection("conversations");
    const oa = fixture<any>("zalo/user_send_text.json").recipient.id as string;
    for (let i = 0; i < n; i++) {
      const userId = `9${String(i).padStart(5, "0")}`;
      await conversations.set(`zalo:${oa}:${userId}`, { key: `zalo:${oa}:${userId}`, channel: "zalo", accountId: oa, userId, firstSeenAt: now, lastInboundAt: now - HOUR, transcript: [], state: {} });
    }
    const flaky = new Set(["900003", "900010", "900200"]); // fail once with 503, then succeed
    const down = new Set(["900007"]); // 503 every time
    const blocked = new Set(["900011"]); // not a follower any more
    const calls = new Map<string, number>();
    const successes = new Map<string, number>();
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(n * 3)
      .reply((_uri, body: any) => {
        const user = String(body.recipient.user_id);
        calls.set(user, (calls.get(user) ?? 0) + 1);
        if (down.has(user) || (flaky.has(user) && calls.get(user) === 1)) return [503, "busy"];
        if (blocked.has(user)) return [200, { error: -213, message: "User has not followed OA" }];
        successes.set(user, (successes.get(user) ?? 0) + 1);
        return [200, fixture("zalo/api-send-success.json")];
      });

    const admin = await signIn(server, "admin", "admin-pass-123");
    const created = await admin.post("/admin/announcements", { pack: "vo-cuong", kind: "notice", title: "Thông báo", text: "Nhà văn hóa đóng cửa Chủ nhật này.", audience: "reachable" });
    const page = created.headers.get("location")!;
    await admin.post(`${page}/send`, {});
    // While copies go out, a person's question is answered.
    // (This stub takes every Zalo send, the answer included.)
    await new ZaloPerson(server, "555").say("số điện thoại phòng văn hóa");
    expect(successes.get("555")).toBeGreaterThanOrEqual(1);
    await server.reach.delivery.idle();

    const deliveries = await server.store.collection<Delivery>("announcement-deliveries").find();
    expect(deliveries).toHaveLength(n);
    expect(new Set(deliveries.map((d) => d.personKey)).size).toBe(n);
    expect(deliveries.some((d) => d.person.userId === "555")).toBe(false); // not in the audience when it was sent
    const byStatus = (status: Delivery["status"]) => deliveries.filter((d) => d.status === status).map((d) => d.person.userId).sort();
    expect(byStatus("failed")).toEqual(["900007", "900011"]);
    expect(byStatus("sent")).toHaveLength(n - 2);
    expect(byStatus("queued")).toEqual([]);
    expect(calls.get("900007")).toBe(3); // ANNOUNCE_ATTEMPTS
    for (const user of flaky) expect(calls.get(user)).toBe(2);
    for (const user of byStatus("sent")) expect(successes.get(user)).toBe(1);
    const report = await (await admin.get(page)).text();
    expect(report).toContain(`data-result="sent">${n - 2}<`);
    expect(report).toContain('data-result="failed">2<');
  });

  it("Zalo OA broadcast (when enabled): one call with the article, counted against the month's quota", async () => {
    const offered = async () => (await (await signIn(server, "admin", "admin-pass-123")).get("/admin/announcements/new")).text();
    expect(await offered()).not.toContain('value="broadcast"');
    await server.stop();
    server = await startTestServer({ BOT_TODAY: "", ADMIN_PASSWORD: "admin-pass-123", ZALO_BROADCAST_ENABLED: "true", ZALO_BROADCAST_MONTHLY_QUOTA: "1" });
    const calls: any[] = [];
    nock(ZALO_API)
      .post("/v2.0/oa/message")
      .reply((_uri, body) => {
        calls.push(body);
        return [200, { error: 0, message: "Success", data: { message_id: "bc-1" } }];
      });
    const admin = await signIn(server, "admin", "admin-pass-123");
    // Offered in the channel's own words (src/channels/zalo/broadcast.ts).
    expect(await offered()).toContain('<option value="broadcast">Broadcast Zalo OA tới người quan tâm (cần bài viết đã đăng)</option>');
    const create = (title: string) => admin.post("/admin/announcements", { pack: "vo-cuong", kind: "festival", title, text: "Bài viết trên OA", audience: "broadcast", articleId: "bd5ea51f8f4a6614ff5b" });
    const first = (await create("Lễ hội tháng Giêng")).headers.get("location")!;
    expect(await (await admin.get(first)).text()).toContain("Còn 1 lượt trong tháng.");
    await admin.post(`${first}/send`, {});
    expect(calls).toEqual([{ recipient: { target: {} }, message: { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "article", attachment_id: "bd5ea51f8f4a6614ff5b" }] } } } }]);
    expect(await (await admin.get(first)).text()).toContain("Đã gửi broadcast tới người quan tâm OA.");
    const second = (await create("Lần hai")).headers.get("location")!;
    const refused = await admin.post(`${second}/send`, {});
    expect(decodeURIComponent(refused.headers.getSetCookie().join(";"))).toContain("Đã dùng hết 1 lượt broadcast của tháng này.");
    expect(calls).toHaveLength(1);
  });
});
