import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Conversation } from "../../src/core/conversation.js";
import type { Handoff } from "../../src/domain/handoff.js";
import type { Registration } from "../../src/domain/registration.js";
import type { Report } from "../../src/domain/report.js";
import type { StaffEvent } from "../../src/domain/staff-event.js";
import { REPORT_PAYLOADS } from "../../src/features/reports/report-dialog.js";
import { ReportService } from "../../src/features/reports/report-service.js";
import { SKIP_PAYLOAD } from "../../src/dialogs/dialog-runner.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { knowledgeWithClasses, QUAN_HO_CLASS, ZaloPerson } from "../helpers/chat.js";
import type { Knowledge } from "../../src/shared/knowledge.js";

/**
 * Slips seen in real runs (issue 12 item 8, issue 15 item 5), through signed Zalo webhooks: a name or a phone
 * step takes the answer as data, never as an intent; "cho mình" is "for myself"; "an danh" does not make the
 * person English; odd sender ids do not throw.
 */

const QUAN_HO = QUAN_HO_CLASS.id;
let knowledge: Knowledge;
let server: TestServer;

beforeEach(async () => {
  knowledge ??= knowledgeWithClasses([
    QUAN_HO_CLASS,
  ]);
  server = await startTestServer({}, { knowledge });
  server.services.notifier = { notify: async () => undefined };
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

const handoffs = () => server.store.collection<Handoff>("handoffs").find();
const conversationOf = async (person: ZaloPerson) => (await server.store.collection<Conversation>("conversations").find()).find((c) => c.userId === person.userId);

/** Opens a report and answers up to its contact step. */
async function reportUpToContact(person: ZaloPerson): Promise<void> {
  await person.say("tôi muốn phản ánh");
  await person.tap(REPORT_PAYLOADS.category("relic-harm"));
  await person.say("Có người vẽ bậy lên tường đình Đông Xá");
  await person.say("đình Đông Xá");
  await person.tap(SKIP_PAYLOAD);
  expect(await person.tap(SKIP_PAYLOAD)).toContain("họ tên và số điện thoại");
}

describe("class registration: “for whom”", () => {
  for (const said of ["cho mình", "cho tôi"]) {
    it(`“${said}” means for myself, and never hands the person to staff`, async () => {
      const person = new ZaloPerson(server, `slip-who-${said.length}`);
      expect(await person.tap(`class:register:${QUAN_HO}`)).toContain("Bạn đăng ký cho ai?");
      const next = await person.say(said);
      expect(next).toContain("Bạn cho mình xin họ và tên.");
      expect(next).not.toContain("cán bộ");
      expect(await handoffs()).toEqual([]);
    });
  }
});

describe("name steps take the answer as data", () => {
  for (const name of ["Nguyễn Văn An", "Nguyễn Văn Gặp", "Lê Văn Bộ"]) {
    it(`the report's “họ tên” step takes “${name}” as the name`, async () => {
      const person = new ZaloPerson(server, `slip-report-${name.length}-${name.charCodeAt(10)}`);
      await reportUpToContact(person);
      expect(await person.say("0912345678")).toContain("Bạn cho mình xin họ tên.");
      const summary = await person.say(name);
      expect(summary).toContain(`${name}, số 09******78`);
      expect(await handoffs()).toEqual([]);
      await person.tap(REPORT_PAYLOADS.submit);
      const [report] = await server.store.collection<Report>("reports").find();
      expect(report.contact).toEqual({ anonymous: false, name, phone: "0912345678" });
    });
  }

  it("the registration's name step takes “Nguyễn Văn An” as the name", async () => {
    const person = new ZaloPerson(server, "slip-registration-name");
    await person.tap(`class:register:${QUAN_HO}`);
    await person.say("cho bản thân");
    expect(await person.say("Nguyễn Văn An")).toContain("Số điện thoại liên hệ của bạn?");
    expect(await handoffs()).toEqual([]);
    await person.say("0912345678");
    await person.say("xác nhận");
    const [registration] = await server.store.collection<Registration>("registrations").find();
    expect(registration).toMatchObject({ fullName: "Nguyễn Văn An", phone: "0912345678" });
  });
});

describe("a person's language changes only on clear evidence", () => {
  it("“an danh” at the contact step keeps the report, the conversation and the later status update in Vietnamese", async () => {
    const person = new ZaloPerson(server, "slip-an-danh");
    await reportUpToContact(person);
    const summary = await person.say("an danh");
    expect(summary).toContain("Bạn gửi ẩn danh");
    expect(summary).toContain("Mình tóm tắt phản ánh của bạn:");
    const done = await person.tap(REPORT_PAYLOADS.submit);
    expect(done).toContain("Đã gửi phản ánh của bạn.");
    const [report] = await server.store.collection<Report>("reports").find();
    expect(report).toMatchObject({ language: "vi", contact: { anonymous: true } });
    expect((await conversationOf(person))?.language).toBe("vi");

    const before = person.count;
    await new ReportService(server.services).changeStatus(report.code, "in_progress", undefined, "can-bo-lan");
    await server.settle();
    expect(person.textSince(before)).toContain("Đang xử lý");
  });
});

describe("odd sender ids", () => {
  it("a lone surrogate in the sender id: the handoff starts and nothing throws", async () => {
    const notices: StaffEvent[] = [];
    server.services.notifier = { notify: async (event) => void notices.push(event) };
    const person = new ZaloPerson(server, "84912\ud800345");
    const reply = await person.say("cho tôi gặp cán bộ");
    expect(reply).toContain("đã chuyển cuộc trò chuyện cho cán bộ");
    const [handoff] = await handoffs();
    expect(handoff).toMatchObject({ status: "open", reason: "asked" });
    expect(notices).toEqual([expect.objectContaining({ type: "handoff", consolePath: expect.stringMatching(/^\/admin\/inbox\/zalo/) })]);
    expect(await person.say("kết thúc")).toContain("kết thúc");
  });
});
