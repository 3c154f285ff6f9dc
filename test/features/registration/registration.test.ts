import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Knowledge } from "../../../src/shared/knowledge.js";
import { RegistrationNotFound, RegistrationService } from "../../../src/features/registration/registration-service.js";
import { startReminderScheduler } from "../../../src/features/registration/reminder-scheduler.js";
import { REGISTRATION_PAYLOADS } from "../../../src/features/registration/registration-dialog.js";
import type { Registration } from "../../../src/domain/registration.js";
import type { StaffEvent } from "../../../src/domain/staff-event.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { withSlowReads } from "../../helpers/slow-store.js";
import { KEPT_MESSAGES, vietnamInstant, vietnamWallClock, type KeptMessage } from "../../../src/reach/index.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { knowledgeWithClasses, QUAN_HO_CLASS, lastChoices, MessengerPerson, ZaloPerson } from "../../helpers/chat.js";

/** Class registration through signed webhooks, the waiting list, and the day-before reminder. */

const HOUR = 3_600_000;
let knowledge: Knowledge;
let server: TestServer;
let clock: number;
let notices: StaffEvent[];

const QUAN_HO = QUAN_HO_CLASS.id;
const SMALL = "lop-mot-cho";

beforeEach(async () => {
  // BOT_TODAY is 2026-11-25 in tests: the Quan họ class starts tomorrow.
  knowledge ??= knowledgeWithClasses([
    QUAN_HO_CLASS,
    { id: SMALL, title: { vi: "Lớp làm giấy dó (một chỗ)" }, kind: "craft", capacity: 1, audience: { children: false }, status: "open", source: "Nguồn thử" },
  ]);
  clock = Date.now();
  server = await startTestServer({}, { knowledge, now: () => clock });
  notices = [];
  server.services.notifier = { notify: async (event) => void notices.push(event) };
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

const registrations = () => server.store.collection<Registration>("registrations").find();

describe("registration on Zalo", () => {
  it("an adult: class from the list's choice, name, phone confirmed masked, summary, code", async () => {
    const person = new ZaloPerson(server);
    expect(await person.tap(`class:register:${QUAN_HO}`)).toContain("Bạn đăng ký cho ai?");
    expect(await person.tap(REGISTRATION_PAYLOADS.self)).toContain("họ và tên");
    expect(await person.say("Trần Thị Bình")).toContain("Số điện thoại");
    const summary = await person.say("0987 654 321");
    expect(summary).toContain("Số điện thoại: 09******21.");
    expect(summary).toContain("• Họ tên: Trần Thị Bình");
    expect(summary).not.toContain("0987654321");
    expect(lastChoices(person).map((c) => c.title)).toEqual(["Xác nhận", "Sửa", "Hủy"]);
    const done = await person.tap(REGISTRATION_PAYLOADS.confirm);
    expect(done).toContain("Đã ghi danh Lớp truyền dạy dân ca Quan họ phường Võ Cường. Mã đăng ký: LH-2026-0001.");
    expect(done).toContain("Buổi học đầu tiên: thứ Năm 26/11/2026");
    const [saved] = await registrations();
    expect(saved).toMatchObject({ code: "LH-2026-0001", classId: QUAN_HO, fullName: "Trần Thị Bình", phone: "0987654321", status: "registered", attendance: [] });
    expect(saved.child).toBeUndefined();
    expect(notices).toEqual([expect.objectContaining({ type: "registration", ref: "LH-2026-0001", consolePath: "/admin/classes" })]);
    expect(notices[0].summary).not.toContain("0987");
  });

  it("a child: the parent's name and phone in one message, the child's name and age", async () => {
    const person = new ZaloPerson(server);
    await person.tap(`class:register:${QUAN_HO}`);
    expect(await person.say("cho con")).toContain("phụ huynh");
    const asked = await person.say("Nguyễn Văn An 0912345678");
    expect(asked).toContain("Số điện thoại: 09******78.");
    expect(asked).toContain("Họ và tên của bé?");
    expect(await person.say("Nguyễn Bảo Anh")).toContain("bao nhiêu tuổi");
    expect(await person.say("25")).toContain("từ 1 đến 17");
    const summary = await person.say("7 tuổi");
    expect(summary).toContain("• Học viên: Nguyễn Bảo Anh, 7 tuổi");
    await person.say("xác nhận");
    const [saved] = await registrations();
    expect(saved).toMatchObject({ fullName: "Nguyễn Văn An", phone: "0912345678", child: { name: "Nguyễn Bảo Anh", age: 7 } });
  });

  it("a full class offers the waiting list; the registration is saved as waiting", async () => {
    const first = new ZaloPerson(server, "111");
    // Adults only: the "for whom" question is not asked.
    expect(await first.tap(`class:register:${SMALL}`)).toContain("họ và tên");
    await first.say("Lê Văn Tám 0987654321");
    await first.tap(REGISTRATION_PAYLOADS.confirm);

    const second = new ZaloPerson(server, "222");
    const offer = await second.tap(`class:register:${SMALL}`);
    expect(offer).toContain("Lớp làm giấy dó (một chỗ) đã đủ chỗ");
    expect(lastChoices(second).map((c) => c.payload)).toEqual([REGISTRATION_PAYLOADS.waitlist, "dialog:cancel"]);
    await second.tap(REGISTRATION_PAYLOADS.waitlist);
    await second.say("Phạm Thị Hoa 0355123456");
    const summary = await second.tap(REGISTRATION_PAYLOADS.confirm);
    expect(summary).toContain("Bạn đã vào danh sách chờ Lớp làm giấy dó (một chỗ). Mã đăng ký: LH-2026-0002.");
    const byCode = Object.fromEntries((await registrations()).map((r) => [r.code, r.status]));
    expect(byCode).toEqual({ "LH-2026-0001": "registered", "LH-2026-0002": "waiting" });

    const third = new ZaloPerson(server, "333");
    await third.tap(`class:register:${SMALL}`);
    expect(await third.say("không")).toContain("không ghi danh");
    expect(await registrations()).toHaveLength(2);
  });

  it("two people confirming the last seat in one delivery: one gets it, the other the waiting list", async () => {
    // Messenger batches events: both confirmations arrive in one webhook, so both are handled at once. Reads of the
    // store take a few milliseconds here, as over a network to PostgreSQL, so the two handlers really overlap.
    await server.stop();
    server = await startTestServer({}, { knowledge, now: () => clock, store: withSlowReads(new MemoryStore(), 5) });
    server.services.notifier = { notify: async (event) => void notices.push(event) };
    const people = [new MessengerPerson(server, "6001"), new MessengerPerson(server, "6002")];
    const names = ["Lê Văn Tám 0987654321", "Phạm Thị Hoa 0355123456"];
    for (const [n, person] of people.entries()) {
      expect(await person.tap(`class:register:${SMALL}`)).toContain("họ và tên");
      expect(await person.say(names[n]!)).toContain("Xác nhận");
    }
    const before = people.map((person) => person.count);
    const confirm = (psid: string) => ({ sender: { id: psid }, recipient: { id: "108512345678901" }, timestamp: Date.now(), message: { mid: `m_confirm_${psid}`, text: "Xác nhận", quick_reply: { payload: REGISTRATION_PAYLOADS.confirm } } });
    const response = await server.postMessenger({ object: "page", entry: [{ id: "108512345678901", time: Date.now(), messaging: people.map((person) => confirm(person.psid)) }] });
    expect(response.status).toBe(200);
    await server.settle();

    expect((await registrations()).map((r) => r.status).sort()).toEqual(["registered", "waiting"]);
    const answers = people.map((person, n) => person.textSince(before[n]!));
    expect(answers.filter((text) => text.includes("Đã ghi danh"))).toHaveLength(1);
    expect(answers.filter((text) => text.includes("Lớp vừa đủ chỗ trong lúc bạn đăng ký"))).toHaveLength(1);
  });

  it("“hủy” leaves registration with nothing saved", async () => {
    const person = new ZaloPerson(server);
    await person.tap(`class:register:${QUAN_HO}`);
    await person.tap(REGISTRATION_PAYLOADS.self);
    expect(await person.say("hủy")).toContain("Đã hủy đăng ký");
    expect(await registrations()).toHaveLength(0);
  });
});

describe("registration on Messenger", () => {
  it("works through quick replies", async () => {
    const person = new MessengerPerson(server);
    await person.tap(`class:register:${QUAN_HO}`, "Đăng ký");
    await person.tap(REGISTRATION_PAYLOADS.self, "Cho bản thân");
    await person.say("Đỗ Minh Châu");
    await person.say("+84 912 000 111");
    expect(await person.tap(REGISTRATION_PAYLOADS.confirm, "Xác nhận")).toContain("LH-2026-0001");
    const [saved] = await registrations();
    expect(saved.person).toMatchObject({ channel: "messenger", userId: person.psid });
    expect(saved.phone).toBe("0912000111");
  });
});

describe("day-before reminder", () => {
  async function register(person: ZaloPerson, classId = QUAN_HO, waitlist = false): Promise<void> {
    await person.tap(`class:register:${classId}`);
    if (waitlist) await person.tap(REGISTRATION_PAYLOADS.waitlist);
    if (classId === QUAN_HO) await person.tap(REGISTRATION_PAYLOADS.self);
    await person.say("Trần Thị Bình 0987654321");
    await person.tap(REGISTRATION_PAYLOADS.confirm);
  }

  beforeEach(() => {
    // Reminders are not sent at night: the clock is pinned to the next 10:00 in Hà Nội (BOT_TODAY keeps the day).
    clock = nextVietnamTen(Date.now());
  });

  it("is sent once to registered people of a class starting tomorrow, not to the waiting list", async () => {
    const person = new ZaloPerson(server, "111");
    await register(person);
    await register(new ZaloPerson(server, "222"), SMALL);
    await register(new ZaloPerson(server, "333"), SMALL, true); // waiting: no seat, no reminder
    const before = person.count;
    const scheduler = startReminderScheduler(server.services, { intervalMs: 3_600_000 });
    try {
      const sent = await scheduler.tick();
      // The start-up run and this one are serialised: together they remind exactly once.
      expect(sent).toBeLessThanOrEqual(1);
      expect(person.textSince(before)).toBe(
        "Nhắc lịch: ngày mai, thứ Năm 26/11/2026, là buổi học đầu tiên Lớp truyền dạy dân ca Quan họ phường Võ Cường.\nLịch học: Tối thứ Năm hằng tuần, 19:30\nĐịa điểm: Nhà văn hóa khu Xuân Ổ\nMã đăng ký: LH-2026-0001.",
      );
      expect(await scheduler.tick()).toBe(0);
      const byCode = Object.fromEntries((await registrations()).map((r) => [r.code, r.reminderSentAt !== undefined]));
      expect(byCode).toEqual({ "LH-2026-0001": true, "LH-2026-0002": false, "LH-2026-0003": false });
    } finally {
      scheduler.stop();
    }
  });

  it("two instances running the scheduler at the same moment remind each person once", async () => {
    const person = new ZaloPerson(server, "111");
    await register(person);
    await register(new ZaloPerson(server, "222"), SMALL);
    const before = person.count;
    const instances = [startReminderScheduler(server.services, { intervalMs: 3_600_000 }), startReminderScheduler(server.services, { intervalMs: 3_600_000 })];
    try {
      // Each instance's start-up run and this run overlap with the other instance's.
      const counts = await Promise.all(instances.map((scheduler) => scheduler.tick()));
      expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
      expect(person.textSince(before).match(/Nhắc lịch/g)).toHaveLength(1);
      expect((await registrations()).find((r) => r.code === "LH-2026-0001")!.reminderSentAt).toBeDefined();
    } finally {
      for (const scheduler of instances) scheduler.stop();
    }
  });

  it("is kept when the window is closed and delivered when the person writes", async () => {
    const person = new ZaloPerson(server);
    await register(person);
    clock += 49 * HOUR;
    const before = person.count;
    const scheduler = startReminderScheduler(server.services);
    try {
      await scheduler.tick();
      expect(person.count).toBe(before);
      const kept = await server.store.collection<KeptMessage>(KEPT_MESSAGES).find();
      expect(kept.map((k) => [k.status, k.reason, k.source.kind])).toEqual([["waiting", "window_closed", "class-reminder"]]);
      expect((await registrations())[0].reminderSentAt).toBe(clock);
      expect(await person.say("chào bạn")).toContain("Nhắc lịch: ngày mai");
    } finally {
      scheduler.stop();
    }
  });
});

describe("reminders on time or not at all", () => {
  async function registerQuanHo(person: ZaloPerson): Promise<void> {
    await person.tap(`class:register:${QUAN_HO}`);
    await person.tap(REGISTRATION_PAYLOADS.self);
    await person.say("Trần Thị Bình 0987654321");
    await person.tap(REGISTRATION_PAYLOADS.confirm);
  }

  it("a reminder due at night waits for 07:00; on the class day it says 'hôm nay lúc 19:30'", async () => {
    const person = new ZaloPerson(server, "111");
    clock = vietnamInstant("2026-11-25", 22 * 60 + 15); // 22:15 the day before: quiet hours
    await registerQuanHo(person);
    const before = person.count;
    await server.classReminders.tick(clock);
    expect(person.count).toBe(before);
    expect((await registrations())[0].reminderSentAt).toBeUndefined();
    // BOT_TODAY pins 2026-11-25; a server on the class day shows the morning run.
    await server.stop();
    clock = vietnamInstant("2026-11-26", 7 * 60 + 5);
    server = await startTestServer({ BOT_TODAY: "2026-11-26" }, { knowledge, now: () => clock, store: server.store });
    await server.classReminders.tick(clock);
    expect(person.textSince(before).match(/Nhắc lịch/g)).toHaveLength(1);
    expect(person.textSince(before)).toContain("Nhắc lịch: hôm nay, thứ Năm 26/11/2026, lúc 19:30, là buổi học đầu tiên");
  });

  it("a reminder whose class has started is never sent: dropped, counted, listed for staff", async () => {
    const person = new ZaloPerson(server, "111");
    await registerQuanHo(person);
    await server.stop();
    clock = vietnamInstant("2026-11-26", 19 * 60 + 45); // the class began at 19:30
    server = await startTestServer({ BOT_TODAY: "2026-11-26" }, { knowledge, now: () => clock, store: server.store });
    const before = person.count;
    {
      await server.classReminders.tick(clock);
      await server.classReminders.tick(clock + HOUR);
      expect(person.count).toBe(before);
      const [registration] = await registrations();
      expect(registration.reminderSentAt).toBeUndefined();
      expect(registration.reminderDroppedAt).toBeDefined();
      expect(await server.metrics.registry.getSingleMetricAsString("bot_reminders_total")).toMatch(/kind="class",outcome="dropped"} 1/);
      const kept = await server.store.collection<KeptMessage>(KEPT_MESSAGES).find();
      expect(kept.map((k) => [k.status, k.reason])).toEqual([["dropped", "too_late"]]);
      // Writing afterwards does not bring it back.
      expect(await new ZaloPerson(server, "111").say("chào bạn")).not.toContain("Nhắc lịch");
    }
  });

  it("a reminder kept for a closed window expires at the class time: writing after the class gets nothing", async () => {
    clock = nextVietnamTen(Date.now()); // 49 h later is 11:00, not night
    const person = new ZaloPerson(server, "111");
    await registerQuanHo(person);
    clock += 49 * HOUR;
    await server.classReminders.tick(clock);
    expect((await server.store.collection<KeptMessage>(KEPT_MESSAGES).find())[0].status).toBe("waiting");
    await server.stop();
    clock = vietnamInstant("2026-11-26", 20 * 60);
    server = await startTestServer({ BOT_TODAY: "2026-11-26" }, { knowledge, now: () => clock, store: server.store });
    expect(await new ZaloPerson(server, "111").say("chào bạn")).not.toContain("Nhắc lịch");
    expect((await server.store.collection<KeptMessage>(KEPT_MESSAGES).find())[0].status).toBe("expired");
  });
});

describe("RegistrationService", () => {
  it("lists with filters, oldest first, and marks attendance", async () => {
    const service = new RegistrationService(server.services);
    const a = new ZaloPerson(server, "111");
    await a.tap(`class:register:${SMALL}`);
    await a.say("Lê Văn Tám 0987654321");
    await a.tap(REGISTRATION_PAYLOADS.confirm);
    clock += 1000;
    const b = new ZaloPerson(server, "222");
    await b.tap(`class:register:${SMALL}`);
    await b.tap(REGISTRATION_PAYLOADS.waitlist);
    await b.say("Phạm Thị Hoa 0355123456");
    await b.tap(REGISTRATION_PAYLOADS.confirm);
    expect((await service.list({ classId: SMALL })).map((r) => r.code)).toEqual(["LH-2026-0001", "LH-2026-0002"]);
    expect((await service.list({ status: "waiting" })).map((r) => r.code)).toEqual(["LH-2026-0002"]);
    expect((await service.markAttendance("LH-2026-0001", "2026-12-03", true)).attendance).toEqual(["2026-12-03"]);
    expect((await service.markAttendance("LH-2026-0001", "2026-12-03", false)).attendance).toEqual([]);
    await expect(service.markAttendance("LH-2026-0099", "2026-12-03", true)).rejects.toBeInstanceOf(RegistrationNotFound);
    await expect(service.markAttendance("LH-2026-0001", "3/12", true)).rejects.toBeInstanceOf(RangeError);
  });
});

/** The first 10:00 in Hà Nội at or after `now`. */
function nextVietnamTen(now: number): number {
  const { date } = vietnamWallClock(now);
  const ten = vietnamInstant(date, 10 * 60);
  return ten >= now ? ten : ten + 24 * HOUR;
}
