import fs from "node:fs";
import path from "node:path";
import nock from "nock";
import YAML from "yaml";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadContent } from "../../../src/content/index.js";
import { KEPT_MESSAGES, vietnamInstant, type KeptMessage } from "../../../src/reach/index.js";
import { Knowledge } from "../../../src/shared/knowledge.js";
import { SUBSCRIPTIONS, type Subscription } from "../../../src/shared/subscription.js";
import { lastChoices, MessengerPerson, tempDir, ZaloPerson } from "../../helpers/chat.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { signIn } from "../../web/web-test-kit.js";

/**
 * Reminders people ask for, through signed webhooks with the clock pinned (Date faked; BOT_TODAY off so the clock
 * decides the day): subscribe with consent, the confirmation's computed date, list, end, the reminder on its day with
 * the computed date, night-time reminders moved to the morning or dropped, class openings to class subscribers.
 */

let contentDir: string;
let knowledge: Knowledge;
let server: TestServer;

beforeAll(() => {
  contentDir = tempDir("content-reminders-");
  fs.cpSync("content", contentDir, { recursive: true });
  knowledge = new Knowledge(loadContent(contentDir), "vo-cuong");
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(vietnamInstant("2026-11-25", 10 * 60));
  server = await startTestServer({ BOT_TODAY: "", ADMIN_PASSWORD: "admin-pass-123" }, { knowledge });
});

afterEach(async () => {
  await server.stop();
  vi.useRealTimers();
  nock.cleanAll();
});

const subscriptions = () => server.store.collection<Subscription>(SUBSCRIPTIONS).find();
const at = (date: string, hour: number, minute = 0) => vi.setSystemTime(vietnamInstant(date, hour * 60 + minute));

describe("subscribing", () => {
  it("asks consent saying why, confirms with the computed date, lists and ends (Vietnamese without diacritics)", async () => {
    const person = new ZaloPerson(server, "501");
    const offer = await person.say("nhac minh truoc hoi lim 5 ngay");
    expect(offer).toContain("Mình sẽ nhắc bạn 5 ngày trước Hội Lim. Hội Lim lần tới: thứ Tư 17/02/2027 – thứ Năm 18/02/2027 (từ ngày 12 tháng Giêng âm lịch).");
    expect(offer).toContain("chỉ dùng để gửi lời nhắc");
    expect(lastChoices(person).map((c) => c.payload)).toEqual(["remind:yes", "remind:no"]);
    expect(await subscriptions()).toEqual([]); // nothing kept before the person agrees

    const confirmed = await person.tap("remind:yes");
    expect(confirmed).toContain("Đã đặt nhắc Hội Lim: Hội Lim lần tới là thứ Tư 17/02/2027");
    expect(confirmed).toContain("Mình sẽ nhắn bạn vào thứ Sáu 12/02/2027 (5 ngày trước).");
    const [stored] = await subscriptions();
    expect(stored).toMatchObject({ topicKey: "festival:hoi-lim", daysBefore: 5, status: "active", language: "vi" });

    expect(await person.say("nhắc của tôi")).toContain("1. Hội Lim — 5 ngày trước");
    const end = lastChoices(person).find((c) => c.payload.startsWith("remind:end:"))!;
    expect(await person.tap(end.payload)).toContain("Đã hủy nhắc: Hội Lim — 5 ngày trước.");
    expect(await person.tap(end.payload)).toContain("đã được hủy trước đó");
    expect(await person.say("nhac cua toi")).toContain("Bạn chưa đặt nhắc nào");
  });

  it("in English, default 3 days; 'cancel reminder' ends the only one; declining keeps nothing", async () => {
    const person = new MessengerPerson(server, "7000000000000501");
    expect(await person.say("remind me about the Lim festival")).toContain("I will remind you 3 days before the Lim Festival. Next Lim Festival: Wednesday 17 Feb 2027");
    expect(await person.tap("remind:yes")).toContain("I will message you on Sunday 14 Feb 2027 (3 days before).");
    expect(await person.say("cancel reminder")).toContain("Stopped: Lim Festival — 3 days before.");

    const other = new ZaloPerson(server, "502");
    expect(await other.say("nhắc tôi trước hội Lim")).toContain("3 ngày trước Hội Lim");
    expect(await other.say("không")).toContain("không lưu gì cả");
    expect((await subscriptions()).filter((s) => s.status === "active")).toEqual([]);
  });

  it("a request without a festival offers the coming festivals; tapping one makes the offer", async () => {
    const person = new ZaloPerson(server, "503");
    expect(await person.say("nhắc tôi trước lễ hội nhé")).toContain("Bạn muốn mình nhắc trước lễ hội nào?");
    const choices = lastChoices(person);
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.every((c) => /^remind:festival:[a-z0-9-]+$/.test(c.payload) && /\(\d\d\/\d\d\)$/.test(c.title))).toBe(true);
    const first = choices[0];
    expect(await person.tap(first.payload)).toContain(`3 ngày trước ${first.title.replace(/ \(\d\d\/\d\d\)$/, "")}`);
  });
});

describe("festival reminders", () => {
  async function subscribe(person: ZaloPerson, text = "nhắc tôi trước hội Lim"): Promise<void> {
    await person.say(text);
    await person.tap("remind:yes");
  }

  it("go on their day, from 07:00, with the computed date, once; a person outside the window is kept for later", async () => {
    const active = new ZaloPerson(server, "511");
    const silent = new ZaloPerson(server, "512");
    await subscribe(active);
    await subscribe(silent);
    at("2027-02-13", 9);
    await active.say("xin chào"); // opens the window; the silent one last wrote in November
    const before = active.count;
    at("2027-02-13", 10);
    expect(await server.reach.festivalReminders.tick()).toEqual({ sent: 0, kept: 0, dropped: 0, failed: 0 });
    at("2027-02-14", 6, 30);
    expect((await server.reach.festivalReminders.tick()).sent).toBe(0);
    at("2027-02-14", 7, 10);
    expect(await server.reach.festivalReminders.tick()).toEqual({ sent: 1, kept: 1, dropped: 0, failed: 0 });
    expect(active.textSince(before)).toBe(
      "Nhắc lịch: còn 3 ngày nữa là Hội Lim — thứ Tư 17/02/2027 – thứ Năm 18/02/2027 (từ ngày 12 tháng Giêng âm lịch).\nĐịa điểm: Xã Tiên Du (bảy làng quanh núi Hồng Vân), tỉnh Bắc Ninh.",
    );
    expect(lastChoices(active)[0].title).toBe("Hủy nhắc");
    at("2027-02-14", 9);
    expect((await server.reach.festivalReminders.tick()).sent).toBe(0);
    expect(active.textSince(before).match(/Nhắc lịch/g)).toHaveLength(1);

    const kept = await server.store.collection<KeptMessage>(KEPT_MESSAGES).find();
    expect(kept.map((k) => [k.person.userId, k.status, k.reason])).toEqual([["512", "waiting", "window_closed"]]);
    // The console shows it as "chưa gửi được" with the reason.
    const console = await signIn(server, "admin", "admin-pass-123");
    const page = await (await console.get("/admin/kept")).text();
    expect(page).toContain("Nhắc Hội Lim (2027-02-17)");
    expect(page).toContain("Quá thời hạn nhắn tin miễn phí của kênh");
    expect(page).toContain("Chờ người dân nhắn lại: 1");
    // Writing before the festival delivers it.
    const silentBefore = silent.count;
    at("2027-02-15", 8);
    await silent.say("chào ad");
    expect(silent.textSince(silentBefore)).toContain("Nhắc lịch: còn 3 ngày nữa là Hội Lim");
  });

  it("due at night: moved to the next morning when the festival has not begun, else dropped and never sent", async () => {
    const shifted = new ZaloPerson(server, "521");
    const late = new ZaloPerson(server, "522");
    await subscribe(shifted);
    await subscribe(late, "nhắc tôi trước hội Lim 1 ngày");
    at("2027-02-14", 21, 0);
    await shifted.say("chào");
    await late.say("chào");
    const counts = { shifted: shifted.count, late: late.count };
    at("2027-02-14", 21, 30); // the 3-day reminder is due but it is night
    expect((await server.reach.festivalReminders.tick()).sent).toBe(0);
    at("2027-02-15", 7, 0);
    expect((await server.reach.festivalReminders.tick()).sent).toBe(1);
    expect(shifted.textSince(counts.shifted)).toContain("Nhắc lịch: còn 2 ngày nữa là Hội Lim");

    at("2027-02-16", 21, 30); // the 1-day reminder: by 07:00 the festival will have begun
    await late.say("chào"); // window open: only the hour stops it
    counts.late = late.count;
    expect((await server.reach.festivalReminders.tick()).dropped).toBe(1);
    at("2027-02-17", 7, 0);
    expect((await server.reach.festivalReminders.tick()).sent).toBe(0);
    expect(late.textSince(counts.late)).toBe("");
    expect(await server.metrics.registry.getSingleMetricAsString("bot_reminders_total")).toMatch(/kind="festival",outcome="dropped"} 1/);
    const dropped = (await server.store.collection<KeptMessage>(KEPT_MESSAGES).find()).filter((k) => k.status === "dropped");
    expect(dropped.map((k) => [k.person.userId, k.reason])).toEqual([["522", "too_late"]]);
  });
});

describe("new classes", () => {
  it("'báo cho tôi khi có lớp quan họ mới' → the subscribers are told when staff open a Quan họ class", async () => {
    const subscriber = new ZaloPerson(server, "531");
    const other = new ZaloPerson(server, "532");
    expect(await subscriber.say("báo cho tôi khi có lớp quan họ mới")).toContain("Mình sẽ báo bạn khi có lớp Quan họ mới.");
    expect(await subscriber.tap("remind:yes")).toContain("Đã đặt: mình sẽ báo bạn khi có lớp Quan họ mới.");
    await other.say("xin chào");
    const counts = { subscriber: subscriber.count, other: other.count };

    const file = path.join(contentDir, "vo-cuong", "classes.yaml");
    const original = fs.readFileSync(file, "utf8");
    try {
      const classes = YAML.parse(original) as Record<string, unknown>[];
      classes.push({ id: "lop-quan-ho-mua-xuan", title: { vi: "Lớp Quan họ mùa xuân" }, kind: "quan_ho", capacity: 20, firstSession: "2026-12-20", schedule: { vi: "Sáng Chủ nhật, 8:00" }, status: "open", source: "Thông báo tuyển sinh của Trung tâm Văn hóa phường" });
      fs.writeFileSync(file, YAML.stringify(classes));
      server.services.knowledge.reload(); // what the console does after staff save a class
      await vi.waitFor(() => expect(subscriber.count).toBeGreaterThan(counts.subscriber), { timeout: 3000 });
    } finally {
      fs.writeFileSync(file, original);
      server.services.knowledge.reload();
    }
    expect(subscriber.textSince(counts.subscriber)).toContain("Có lớp Quan họ mới: Lớp Quan họ mùa xuân.\nBuổi đầu: Chủ nhật 20/12/2026.");
    expect(lastChoices(subscriber).map((c) => c.payload)).toContain("class:register:lop-quan-ho-mua-xuan");
    expect(other.count).toBe(counts.other);
  });
});

describe("in Chinese and Korean", () => {
  it("Chinese: the offer, typed consent, the confirmation and list with dates as Chinese writes them, the reminder in Chinese, '取消提醒'", async () => {
    const person = new ZaloPerson(server, "541");
    const offer = await person.say("林会前五天提醒我");
    expect(offer).toContain("我会在林会（林庙会）开始前5天提醒您。下一次林会（林庙会）：2027年2月17日（星期三）至2027年2月18日（星期四），农历正月十二起。");
    expect(offer).toContain("仅用于发送提醒");
    expect(lastChoices(person).map((c) => c.title)).toEqual(["好，提醒我", "不用了"]);
    expect(await subscriptions()).toEqual([]);

    const confirmed = await person.say("好");
    expect(confirmed).toContain("已设置林会（林庙会）提醒");
    expect(confirmed).toContain("我会在2027年2月12日（星期五）（提前5天）给您发消息。");
    expect(lastChoices(person)[0].title).toBe("取消提醒");
    const [stored] = await subscriptions();
    expect(stored).toMatchObject({ topicKey: "festival:hoi-lim", daysBefore: 5, language: "zh" });
    expect(await person.say("我的提醒")).toContain("1. 林会（林庙会）——提前5天");

    at("2027-02-12", 8);
    await person.say("你好");
    const before = person.count;
    at("2027-02-12", 9);
    expect((await server.reach.festivalReminders.tick()).sent).toBe(1);
    const reminder = person.textSince(before);
    expect(reminder).toMatch(/^提醒：林会（林庙会）5天后举行——2027年2月17日（星期三）至2027年2月18日（星期四），农历正月十二起。\n地点：\S/);
    expect(reminder).not.toMatch(/Nhắc lịch|Reminder:|Địa điểm/);

    expect(await person.say("取消提醒")).toContain("已取消提醒：林会（林庙会）——提前5天。");
    expect((await subscriptions()).filter((s) => s.status === "active")).toEqual([]);
  });

  it("Korean on Messenger: '3일 전' read as three days, the confirmation in Korean, '아니요' declines and keeps nothing", async () => {
    const person = new MessengerPerson(server, "7000000000000541");
    expect(await person.say("림 축제 3일 전에 알려 주세요")).toContain("림 축제 시작 3일 전에 알려 드릴게요. 다음 림 축제: 2027년 2월 17일(수요일) ~ 2027년 2월 18일(목요일), 음력 1월 12일부터.");
    const confirmed = await person.tap("remind:yes");
    expect(confirmed).toContain("2027년 2월 14일(일요일)(3일 전)에 메시지를 보내 드릴게요.");
    expect(confirmed).toContain("알림 보기: “내 알림”이라고 입력하세요.");
    expect(await person.say("내 알림")).toContain("1. 림 축제 — 3일 전");
    expect(await person.say("알림 취소")).toContain("알림을 취소했어요: 림 축제 — 3일 전.");

    const other = new MessengerPerson(server, "7000000000000542");
    expect(await other.say("림 축제 전에 알림 보내 주세요")).toContain("3일 전에 알려 드릴게요");
    expect(await other.say("아니요")).toContain("아무것도 저장하지 않았어요");
    expect((await subscriptions()).filter((s) => s.status === "active")).toEqual([]);
  });

  it("a Chinese subscriber to new Quan họ classes is told in Chinese, and that registration is in Vietnamese or English", async () => {
    const subscriber = new ZaloPerson(server, "543");
    expect(await subscriber.say("有新的官贺课程就通知我")).toContain("有新的官贺民歌课程开班时，我会通知您");
    expect(await subscriber.tap("remind:yes")).toContain("已设置：有新的官贺民歌课程开班时我会通知您。");
    const count = subscriber.count;
    const file = path.join(contentDir, "vo-cuong", "classes.yaml");
    const original = fs.readFileSync(file, "utf8");
    try {
      const classes = YAML.parse(original) as Record<string, unknown>[];
      classes.push({ id: "lop-quan-ho-mua-xuan", title: { vi: "Lớp Quan họ mùa xuân", en: "Spring Quan ho class" }, kind: "quan_ho", capacity: 20, firstSession: "2026-12-20", status: "open", source: "Thông báo tuyển sinh của Trung tâm Văn hóa phường" });
      fs.writeFileSync(file, YAML.stringify(classes));
      server.services.knowledge.reload();
      await vi.waitFor(() => expect(subscriber.count).toBeGreaterThan(count), { timeout: 3000 });
    } finally {
      fs.writeFileSync(file, original);
      server.services.knowledge.reload();
    }
    // The class has no Chinese title: its English one, never an empty field.
    expect(subscriber.textSince(count)).toBe("新的官贺民歌课程：Spring Quan ho class。\n第一节课：2026年12月20日（星期日）。\n报名用越南语或英语进行。");
    expect(lastChoices(subscriber).map((c) => c.title)).toEqual(["报名", "取消提醒"]);
  });
});

describe("web chat", () => {
  it("says reminders need Zalo or Messenger (the bot cannot write to a closed web page) and keeps nothing", async () => {
    const cookie = (await fetch(`${server.url}/chat`)).headers.getSetCookie()[0]!.split(";")[0]!;
    const answer = await fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ text: "nhắc tôi trước hội Lim" }) });
    const { replies } = (await answer.json()) as { replies: { text: string }[] };
    expect(replies.map((r) => r.text).join("\n")).toContain("Mình chỉ gửi được lời nhắc qua Zalo OA hoặc trang Facebook");
    expect(await subscriptions()).toEqual([]);
  });
});
