import nock from "nock";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { Registration } from "../../src/domain/registration.js";
import { REGISTRATION_PAYLOADS } from "../../src/features/registration/registration-dialog.js";
import { KEPT_MESSAGES, vietnamInstant, type KeptMessage } from "../../src/reach/index.js";
import type { Knowledge } from "../../src/shared/knowledge.js";
import type { PendingMessage } from "../../src/staff/person-outbox.js";
import { knowledgeWithClasses, MessengerPerson, QUAN_HO_CLASS, quickReport, ZaloPerson } from "../helpers/chat.js";
import { fixture, startTestServer, TEST_ENV, ZALO_API, type TestServer } from "../helpers/test-server.js";
import { signIn } from "../web/web-test-kit.js";

/**
 * Messages outside the platforms' free windows (issue 16, item 1), through the real app over signed webhooks and the
 * console, the clock pinned, the platforms nock'ed: inside the window an ordinary message; outside it a Zalo
 * transaction message, a ZNS to a phone given with consent, a Messenger utility message or tag — each only for the
 * purposes configured; otherwise kept and shown to staff as "chưa gửi được" with the reason.
 */

const ZNS_API = "https://business.openapi.zalo.me";
const QUAN_HO = QUAN_HO_CLASS.id;
const SMALL = "lop-mot-cho";

let knowledge: Knowledge;
let server: TestServer;
/** Moves the pinned clock (Date is faked: the app, the webhooks' timestamps and the channels read it). */
const at = (date: string, hour: number) => vi.setSystemTime(vietnamInstant(date, hour * 60));
const clock = () => Date.now();

beforeAll(() => {
  // The Quan họ class's first session is Thursday 26/11/2026 at 19:30; its reminder is due from 07:00 the day before.
  knowledge = knowledgeWithClasses([
    QUAN_HO_CLASS,
    { id: SMALL, title: { vi: "Lớp làm giấy dó (một chỗ)" }, kind: "craft", capacity: 1, audience: { children: false }, firstSession: "2026-11-26", status: "open", source: "Nguồn thử" },
  ]);
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  // BOT_TODAY off: the pinned clock decides the day.
  server = await startTestServer({ BOT_TODAY: "", ADMIN_PASSWORD: "admin-pass-123", ...env }, { knowledge });
  return server;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  at("2026-11-20", 10);
});

afterEach(async () => {
  await server?.stop();
  vi.useRealTimers();
  nock.cleanAll();
});

/** Registers for the Quan họ class; `consent` answers the question about messages by phone when it is asked. */
async function register(person: ZaloPerson | MessengerPerson, consent?: "yes" | "no", classId = QUAN_HO, waitlist = false): Promise<string> {
  await person.tap(`class:register:${classId}`);
  if (waitlist) await person.tap(REGISTRATION_PAYLOADS.waitlist);
  if (classId === QUAN_HO) await person.tap(REGISTRATION_PAYLOADS.self);
  const next = await person.say("Trần Thị Bình 0987654321");
  if (consent) await person.tap(`reg:byphone:${consent}`);
  await person.tap(REGISTRATION_PAYLOADS.confirm);
  return next;
}

const registrations = () => server.store.collection<Registration>("registrations").find();
const kept = () => server.store.collection<KeptMessage>(KEPT_MESSAGES).find();

/** Records every call to one endpoint, answering with `answer(body)`. */
function record(base: string, path: string, answer: (body: any) => unknown = () => fixture("zalo/api-send-success.json")): any[] {
  const bodies: any[] = [];
  nock(base)
    .post(path)
    .query(true)
    .times(50)
    .reply((_uri, body) => {
      bodies.push(body);
      return [200, answer(body)];
    });
  return bodies;
}

describe("Zalo", () => {
  const ZALO_KINDS = { ZALO_TRANSACTION_TEMPLATES: "class_reminder=transaction_booking,report_update=transaction_account", ZALO_ZNS_TEMPLATES: "class_reminder=248079" };

  it("inside the 48-hour window a class reminder is an ordinary consultation message, templates configured or not", async () => {
    await start(ZALO_KINDS);
    const transactions = record(ZALO_API, "/v3.0/oa/message/transaction");
    const zns = record(ZNS_API, "/message/template");
    at("2026-11-24", 10);
    const person = new ZaloPerson(server, "6001");
    await register(person, "yes");
    const before = person.count;
    at("2026-11-25", 7.5);
    expect(await server.classReminders.tick()).toBe(1);
    expect(person.textSince(before)).toContain("Nhắc lịch: ngày mai, thứ Năm 26/11/2026");
    expect(transactions).toEqual([]);
    expect(zns).toEqual([]);
  });

  it("asks consent for ZNS saying what for, and records it; after the window a follower gets a transaction message, a non-follower (-213) the ZNS to the phone they agreed to", async () => {
    await start(ZALO_KINDS);
    const transactions = record(ZALO_API, "/v3.0/oa/message/transaction", (body) =>
      body.recipient.user_id === "6003" ? { error: -213, message: "User has not followed OA" } : fixture("zalo/api-send-success.json"),
    );
    const zns = record(ZNS_API, "/message/template", () => ({ error: 0, message: "Success", data: { msg_id: "zns-1", sent_time: "1764000000000" } }));
    at("2026-11-21", 10);
    const follower = new ZaloPerson(server, "6002");
    const asked = await register(follower, "yes");
    expect(asked).toContain("mình có thể gửi xác nhận chỗ học và lời nhắc lịch của lớp này bằng tin thông báo ZNS của Zalo tới số 09******21 không?");
    expect(asked).toContain("Số này chỉ dùng cho lớp này");
    const notFollower = new ZaloPerson(server, "6003");
    await register(notFollower, "yes");
    expect((await registrations()).map((r) => r.phoneNoticeConsentAt)).toEqual([clock(), clock()]);

    at("2026-11-25", 7.5); // four days later: the 48-hour window is closed
    const consultations = follower.count + notFollower.count;
    expect(await server.classReminders.tick()).toBe(2);
    expect(follower.count + notFollower.count).toBe(consultations); // no consultation message outside the window

    const toFollower = transactions.find((b) => b.recipient.user_id === "6002");
    expect(toFollower.message.attachment.payload).toMatchObject({
      template_type: "transaction_booking",
      language: "VI",
      elements: [{ type: "header", content: "Đăng ký LH-2026-0001" }, { type: "text" }],
    });
    expect(toFollower.message.attachment.payload.elements[1].content).toContain("Nhắc lịch: ngày mai, thứ Năm 26/11/2026");
    expect(zns).toEqual([
      {
        phone: "84987654321",
        template_id: "248079",
        template_data: { code: "LH-2026-0002", class_name: "Lớp truyền dạy dân ca Quan họ phường Võ Cường", date: "26/11/2026", time: "19:30", place: "Nhà văn hóa khu Xuân Ổ" },
      },
    ]);
    expect(await kept()).toEqual([]);
  });

  it("without consent the phone is never used: the reminder is kept, and staff see it as 'chưa gửi được' with the reason", async () => {
    await start({ ZALO_ZNS_TEMPLATES: "class_reminder=248079" });
    const zns = record(ZNS_API, "/message/template");
    at("2026-11-21", 10);
    const person = new ZaloPerson(server, "6004");
    await register(person, "no");
    const [registration] = await registrations();
    expect(registration.phoneNoticeConsentAt).toBeUndefined();

    at("2026-11-25", 7.5);
    await server.classReminders.tick();
    expect(zns).toEqual([]);
    expect((await kept()).map((k) => [k.person.userId, k.reason, k.source.kind])).toEqual([["6004", "window_closed", "class-reminder"]]);
    const console = await signIn(server, "admin", "admin-pass-123");
    const page = await (await console.get("/admin/kept")).text();
    expect(page).toContain("Chưa gửi được");
    expect(page).toContain("chưa có loại tin nào khác được phép cho việc này");
    // Writing again delivers it while it still makes sense.
    expect(await person.say("chào bạn")).toContain("Nhắc lịch: ngày mai");
  });

  it("a report's status change after the window goes as a transaction message with the report's facts", async () => {
    await start(ZALO_KINDS);
    const transactions = record(ZALO_API, "/v3.0/oa/message/transaction");
    at("2026-11-20", 10);
    const reporter = new ZaloPerson(server, "6005");
    const code = await quickReport(reporter);
    at("2026-11-24", 10);
    const console = await signIn(server, "admin", "admin-pass-123");
    expect((await console.post(`/admin/reports/${code}/status`, { status: "resolved", note: "Đã xóa hình vẽ" })).status).toBe(303);
    expect(transactions).toHaveLength(1);
    expect(transactions[0].recipient.user_id).toBe("6005");
    const elements = transactions[0].message.attachment.payload.elements;
    expect(transactions[0].message.attachment.payload.template_type).toBe("transaction_account");
    expect(elements[0]).toEqual({ type: "header", content: `Phản ánh ${code}` });
    expect(elements[1].content).toContain(`Cập nhật phản ánh ${code} của bạn: Đã xử lý.`);
    expect(elements[1].content).toContain("Ghi chú của cán bộ: Đã xóa hình vẽ");
    expect(await server.store.collection<PendingMessage>("pending").find()).toEqual([]);
  });
});

describe("Messenger", () => {
  it("a class reminder after 24 h is a utility message (approved template, the person's language, named parameters); no phone question on Messenger", async () => {
    await start({ FB_UTILITY_TEMPLATES: "class_reminder=nhac_lich_lop", FB_UTILITY_LANGUAGES: "vi,en_US", ZALO_ZNS_TEMPLATES: "class_reminder=248079" });
    at("2026-11-22", 10);
    const person = new MessengerPerson(server, "7000000000006001");
    const next = await register(person);
    expect(next).toContain("Số điện thoại: 09******21"); // straight to the summary: no question about ZNS
    expect(next).not.toContain("ZNS");
    expect((await registrations())[0]).toMatchObject({ status: "registered" });
    expect((await registrations())[0].phoneNoticeConsentAt).toBeUndefined();
    const before = person.bodies.length;
    at("2026-11-25", 7.5);
    expect(await server.classReminders.tick()).toBe(1);
    expect(person.bodies.slice(before)).toEqual([
      {
        recipient: { id: "7000000000006001" },
        messaging_type: "UTILITY",
        message: {
          template: {
            name: "nhac_lich_lop",
            language: { code: "vi" },
            components: [
              {
                type: "body",
                parameters: [
                  { type: "text", text: "LH-2026-0001", parameter_name: "code" },
                  { type: "text", text: "Lớp truyền dạy dân ca Quan họ phường Võ Cường", parameter_name: "class_name" },
                  { type: "text", text: "26/11/2026", parameter_name: "date" },
                  { type: "text", text: "19:30", parameter_name: "time" },
                  { type: "text", text: "Nhà văn hóa khu Xuân Ổ", parameter_name: "place" },
                ],
              },
            ],
          },
        },
      },
    ]);
  });

  it("a report update goes with ACCOUNT_UPDATE and a place given from the waiting list with CONFIRMED_EVENT_UPDATE, when those tags are enabled", async () => {
    await start({ FB_MESSAGE_TAGS: "ACCOUNT_UPDATE,CONFIRMED_EVENT_UPDATE" });
    at("2026-11-20", 10);
    const reporter = new MessengerPerson(server, "7000000000006002");
    const code = await quickReport(reporter);
    const waiting = new MessengerPerson(server, "7000000000006003");
    await register(new MessengerPerson(server, "7000000000006004"), undefined, SMALL); // takes the one seat
    await register(waiting, undefined, SMALL, true);
    const small = (await registrations()).filter((r) => r.classId === SMALL);
    expect(small.map((r) => r.status)).toEqual(["registered", "waiting"]);

    at("2026-11-23", 10); // three days later
    const [reporterBefore, waitingBefore] = [reporter.bodies.length, waiting.bodies.length];
    const console = await signIn(server, "admin", "admin-pass-123");
    await console.post(`/admin/reports/${code}/status`, { status: "in_progress", note: "" });
    const admitted = await console.post(`/admin/classes/vo-cuong/${SMALL}/admit`, { code: small[1].code });
    expect(admitted.status).toBe(303);
    const flash = decodeURIComponent(admitted.headers.getSetCookie().find((c) => c.startsWith("tlvh_flash="))!.split(";")[0]);
    expect(flash).toContain(`Đã xếp ${small[1].code} vào lớp; đã gửi xác nhận cho người đăng ký.`);
    const [update] = reporter.bodies.slice(reporterBefore);
    expect(update).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "ACCOUNT_UPDATE" });
    expect(update.message.text).toContain(`Cập nhật phản ánh ${code} của bạn: Đang xử lý.`);
    const [confirmation] = waiting.bodies.slice(waitingBefore);
    expect(confirmation).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "CONFIRMED_EVENT_UPDATE" });
    expect(confirmation.message.text).toContain(`Tin vui: đã có chỗ trong Lớp làm giấy dó (một chỗ). Mã đăng ký của bạn vẫn là ${small[1].code}.\nBuổi học đầu tiên: thứ Năm 26/11/2026.`);
    expect((await registrations()).find((r) => r.code === small[1].code)).toMatchObject({ status: "registered" });
    // Admitting twice is refused.
    expect((await console.post(`/admin/classes/vo-cuong/${SMALL}/admit`, { code: small[1].code })).status).toBe(409);
  });

  it("with nothing configured, a report update after the window waits with its reason, shown on /admin/kept", async () => {
    await start();
    at("2026-11-20", 10);
    const reporter = new MessengerPerson(server, "7000000000006005");
    const code = await quickReport(reporter);
    at("2026-11-23", 10);
    const before = reporter.bodies.length;
    const console = await signIn(server, "admin", "admin-pass-123");
    await console.post(`/admin/reports/${code}/status`, { status: "resolved", note: "" });
    expect(reporter.bodies.length).toBe(before);
    const pending = await server.store.collection<PendingMessage>("pending").find();
    expect(pending.map((p) => [p.person.userId, p.reason])).toEqual([["7000000000006005", "window_closed"]]);
    const page = await (await console.get("/admin/kept")).text();
    expect(page).toMatch(/id="pending-list"[\s\S]*7000000000006005[\s\S]*Quá thời hạn nhắn tin miễn phí của kênh/);
  });
});

describe("configuration", () => {
  it("refuses a kind for a purpose the platform does not allow it for, naming the variable", () => {
    expect(() => loadConfig({ ...TEST_ENV, ZALO_ZNS_TEMPLATES: "report_update=248079" })).toThrow(/ZALO_ZNS_TEMPLATES: "report_update" cannot be sent this way/);
    expect(() => loadConfig({ ...TEST_ENV, ZALO_TRANSACTION_TEMPLATES: "announcement=transaction_event" })).toThrow(/ZALO_TRANSACTION_TEMPLATES/);
    expect(() => loadConfig({ ...TEST_ENV, FB_MESSAGE_TAGS: "POST_PURCHASE_UPDATE" })).toThrow(/FB_MESSAGE_TAGS/);
    expect(() => loadConfig({ ...TEST_ENV, ZALO_ZNS_TEMPLATES: "class_reminder=abc" })).toThrow(/ZALO_ZNS_TEMPLATES/);
    expect(loadConfig({ ...TEST_ENV, ZALO_ZNS_TEMPLATES: "class_reminder=248079, registration_update=248080" }).ZALO_ZNS_TEMPLATES).toEqual({ class_reminder: "248079", registration_update: "248080" });
  });
});
