import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MENU } from "../../../src/shared/menu.js";
import { DIALOG_TIMEOUT_MS, SKIP_PAYLOAD, CANCEL_PAYLOAD } from "../../../src/dialogs/dialog-runner.js";
import { REPORT_PAYLOADS } from "../../../src/features/reports/report-dialog.js";
import type { Report } from "../../../src/domain/report.js";
import type { StaffEvent } from "../../../src/domain/staff-event.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { choicesSince, lastChoices, MessengerPerson, ZaloPerson } from "../../helpers/chat.js";

/** Whole report dialogs through signed webhooks: what the person read, and what was saved. */

let server: TestServer;
let clock: number;
let notices: StaffEvent[];

beforeEach(async () => {
  clock = Date.now();
  server = await startTestServer({}, { now: () => clock });
  notices = [];
  server.services.notifier = { notify: async (event) => void notices.push(event) };
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

const reports = () => server.store.collection<Report>("reports").find();

describe("violation report on Zalo", () => {
  it("walks every step, skips the time, and saves the report with its code before telling it", async () => {
    const person = new ZaloPerson(server);
    const opened = await person.say("tôi muốn phản ánh");
    expect(opened).toContain("Bạn muốn phản ánh về việc gì?");
    const offered = choicesSince(person, 0).map((c) => c.payload);
    expect(offered).toContain(REPORT_PAYLOADS.category("relic-harm"));
    expect(offered).toContain(REPORT_PAYLOADS.category("other"));

    expect(await person.tap(REPORT_PAYLOADS.category("relic-harm"))).toContain("mô tả ngắn gọn");
    expect(await person.say("Có người vẽ bậy lên tường đình Đông Xá")).toContain("xảy ra ở đâu");
    expect(await person.say("đình Đông Xá")).toContain("khi nào");
    expect(await person.say("bỏ qua")).toContain("bằng chứng");
    expect(await person.tap(SKIP_PAYLOAD)).toContain("họ tên và số điện thoại");
    const summary = await person.say("Nguyễn Văn An, sđt 0912 345 678");
    expect(summary).toContain("Nguyễn Văn An, số 09******78");
    expect(summary).toContain("• Loại: Xâm hại di tích");
    expect(summary).toContain("• Thời gian: chưa rõ");
    expect(summary).not.toContain("0912345678");
    expect(lastChoices(person).map((c) => c.title)).toEqual(["Gửi", "Sửa", "Hủy"]);

    const done = await person.tap(REPORT_PAYLOADS.submit);
    expect(done).toMatch(/Mã phản ánh: PA-2026-0001\./);
    expect(done).toContain("Phòng Văn hóa - Xã hội phường Võ Cường");

    const [report] = await reports();
    expect(report).toMatchObject({
      code: "PA-2026-0001",
      categoryId: "relic-harm",
      unitId: "phong-van-hoa-xa-hoi",
      description: "Có người vẽ bậy lên tường đình Đông Xá",
      place: { text: "đình Đông Xá" },
      contact: { anonymous: false, name: "Nguyễn Văn An", phone: "0912345678" },
      status: "received",
      reporter: { channel: "zalo", userId: person.userId },
    });
    expect(report.happened).toBeUndefined();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ type: "report", ref: "PA-2026-0001", unitId: "phong-van-hoa-xa-hoi", consolePath: "/admin/reports/PA-2026-0001" });
    expect(notices[0].summary).toContain("đình Đông Xá");
    expect(notices[0].summary).not.toContain("0912");
  });

  it("takes the description and category from a first message that already tells the matter", async () => {
    const person = new ZaloPerson(server);
    const opened = await person.say("Ở đình làng có người vẽ bậy lên tường, tối qua");
    expect(opened).toContain("Loại phản ánh: Xâm hại di tích");
    // Category and description are known: the next question is the place.
    expect(opened).toContain("xảy ra ở đâu");
    expect(opened).not.toContain("mô tả ngắn gọn");
  });

  it("with a shared location and a photo, anonymous, and “hôm qua” as a date", async () => {
    const person = new ZaloPerson(server);
    await person.tap(MENU.report);
    await person.say("1");
    await person.say("Buổi biểu diễn có nội dung phản cảm");
    expect(await person.location(21.1717, 106.0763)).toContain("khi nào");
    expect(await person.say("hôm qua")).toContain("bằng chứng");
    expect(await person.image("https://photo-stal-1.zdn.vn/full.jpg")).toContain("Đã nhận (1 ảnh)");
    await person.say("video đây https://www.facebook.com/some/video");
    expect(await person.say("xong")).toContain("họ tên");
    const summary = await person.tap(REPORT_PAYLOADS.anonymous);
    expect(summary).toContain("cán bộ không gọi lại được");
    expect(summary).toContain("• Liên hệ: Ẩn danh");
    expect(summary).toContain("vị trí đã chia sẻ (21.17170, 106.07630)");
    expect(summary).toContain("hôm qua (24/11/2026)");
    expect(summary).toContain("1 ảnh, 1 liên kết");
    await person.say("gửi");

    const [report] = await reports();
    expect(report.contact).toEqual({ anonymous: true });
    expect(report.place?.location).toEqual({ latitude: 21.1717, longitude: 106.0763 });
    expect(report.happened).toEqual({ text: "hôm qua", date: "2026-11-24" });
    // The photo gets a media id (its copy is downloaded in the background: test/media); a link is kept as a link.
    expect(report.evidence).toEqual([
      { kind: "image", url: "https://photo-stal-1.zdn.vn/full.jpg", media: { id: expect.stringMatching(/^media-/), status: expect.any(String) } },
      { kind: "link", url: "https://www.facebook.com/some/video" },
    ]);
    expect(report.categoryId).toBe("against-fine-customs");
    expect(report.unitId).toBe("cong-an-phuong");
  });

  it("“hủy” at any step leaves the dialog, saves nothing and says so", async () => {
    const person = new ZaloPerson(server);
    await person.tap(MENU.report);
    await person.tap(REPORT_PAYLOADS.category("relic-harm"));
    await person.say("Có người lấn chiếm sân đình");
    const cancelled = await person.say("Hủy");
    expect(cancelled).toContain("Đã hủy phản ánh");
    expect(cancelled).toContain("không được lưu");
    expect(await reports()).toHaveLength(0);
    // The dialog is over: the next message is not taken as the place.
    expect(await person.say("đình Đông Xá")).not.toContain("khi nào");
    const conversation = await server.services.conversations.get(`zalo:579745863508352884:${person.userId}`);
    expect(conversation?.state.dialog).toBeUndefined();
    expect(conversation?.state.reportDraft).toBeUndefined();
  });

  it("the Hủy choice of the summary cancels too", async () => {
    const person = new ZaloPerson(server);
    await person.say("có người xem bói trong đền, thu tiền của khách");
    await person.tap(SKIP_PAYLOAD);
    await person.tap(SKIP_PAYLOAD);
    await person.tap(SKIP_PAYLOAD);
    expect(await person.say("ẩn danh")).toContain("Mình tóm tắt");
    expect(await person.tap(CANCEL_PAYLOAD)).toContain("Đã hủy phản ánh");
    expect(await reports()).toHaveLength(0);
  });

  it("a required step cannot be skipped; a wrong phone is explained", async () => {
    const person = new ZaloPerson(server);
    await person.tap(MENU.report);
    await person.tap(REPORT_PAYLOADS.category("relic-harm"));
    expect(await person.say("bỏ qua")).toContain("không bỏ qua được");
    await person.say("Có người lấn chiếm sân đình làm bãi xe");
    await person.tap(SKIP_PAYLOAD);
    await person.tap(SKIP_PAYLOAD);
    await person.tap(SKIP_PAYLOAD);
    expect(await person.say("Lan 0123 456 789")).toContain("Số điện thoại chưa đúng");
    expect(await person.say("Trần Thị Lan")).toContain("số điện thoại");
    expect(await person.say("+84 987 654 321")).toContain("Trần Thị Lan, số 09******21");
  });

  it("answers an unrelated question in the middle, then asks the step again", async () => {
    const person = new ZaloPerson(server);
    await person.tap(MENU.report);
    await person.tap(REPORT_PAYLOADS.category("festival-disorder"));
    const answered = await person.say("hội lim năm nay ngày nào?");
    expect(answered).toContain("Hội Lim");
    expect(answered).toContain("Quay lại phản ánh bạn đang soạn");
    expect(answered.trim().endsWith("(nếu biết).")).toBe(true);
    // Still at the description step.
    expect(await person.say("Có người chặt chém giá gửi xe")).toContain("xảy ra ở đâu");
  });

  it("“Sửa” from the summary changes one field and comes back to the summary", async () => {
    const person = new ZaloPerson(server);
    await person.say("có người xem bói trong đền, thu tiền của khách");
    await person.say("đền Bà Chúa Kho");
    await person.say("sáng nay");
    await person.say("không có");
    await person.say("ẩn danh");
    const before = person.count;
    await person.tap(REPORT_PAYLOADS.edit);
    expect(choicesSince(person, before)).toHaveLength(6);
    expect(await person.tap(REPORT_PAYLOADS.editField("place"))).toContain("xảy ra ở đâu");
    const summary = await person.say("đền Mẫu");
    expect(summary).toContain("• Địa điểm: đền Mẫu");
    expect(summary).toContain("• Thời gian: sáng nay (25/11/2026)");
  });

  it("after 30 minutes of silence the next message starts fresh; the draft resumes with “tiếp tục”", async () => {
    const person = new ZaloPerson(server);
    await person.tap(MENU.report);
    await person.tap(REPORT_PAYLOADS.category("relic-harm"));
    await person.say("Có người lấn chiếm sân đình làm bãi xe");
    clock += DIALOG_TIMEOUT_MS + 60_000;
    const fresh = await person.say("hội lim năm nay ngày nào?");
    expect(fresh).toContain("lưu nháp");
    expect(fresh).toContain("Hội Lim");
    expect(fresh).not.toContain("Quay lại phản ánh");
    const resumed = await person.say("tiếp tục");
    expect(resumed).toContain("tiếp tục phản ánh");
    expect(resumed).toContain("xảy ra ở đâu");
    expect(await person.say("sân đình Đông Xá")).toContain("khi nào");
  });

  it("starting a report with a draft waiting offers to continue it or start anew", async () => {
    const person = new ZaloPerson(server);
    await person.tap(MENU.report);
    await person.tap(REPORT_PAYLOADS.category("relic-harm"));
    await person.say("Có người lấn chiếm sân đình làm bãi xe");
    clock += DIALOG_TIMEOUT_MS + 60_000;
    await person.say("xin chào");
    expect(await person.tap(MENU.report)).toContain("đang soạn dở: “Có người lấn chiếm sân đình làm bãi xe”");
    expect(lastChoices(person).map((c) => c.payload)).toEqual([REPORT_PAYLOADS.resume, REPORT_PAYLOADS.fresh]);
    expect(await person.tap(REPORT_PAYLOADS.fresh)).toContain("Bạn muốn phản ánh về việc gì?");
  });
});

describe("violation report on Messenger", () => {
  it("runs through quick replies, with a location attachment and an image", async () => {
    const person = new MessengerPerson(server);
    await person.tap(MENU.report, "Phản ánh");
    const categories = lastChoices(person);
    expect(categories.length).toBe(8);
    expect(categories.every((c) => [...c.title].length <= 20)).toBe(true);
    await person.tap(REPORT_PAYLOADS.category("festival-superstition"), categories[5].title);
    await person.say("Có người xem bói, thu tiền ở cổng đền");
    expect(await person.location(21.18, 106.07)).toContain("khi nào");
    await person.tap(REPORT_PAYLOADS.today, "Hôm nay");
    expect(await person.image("https://scontent.xx.fbcdn.net/v/photo.jpg")).toContain("Đã nhận (1 ảnh)");
    await person.tap(REPORT_PAYLOADS.evidenceDone, "Xong");
    await person.say("Lê Văn Tám 0987654321");
    const done = await person.tap(REPORT_PAYLOADS.submit, "Gửi");
    expect(done).toMatch(/PA-2026-0001/);
    const [report] = await reports();
    expect(report).toMatchObject({
      categoryId: "festival-superstition",
      place: { location: { latitude: 21.18, longitude: 106.07, title: "Vị trí" } },
      happened: { date: "2026-11-25" },
      evidence: [{ kind: "image", url: "https://scontent.xx.fbcdn.net/v/photo.jpg" }],
      reporter: { channel: "messenger", userId: person.psid },
    });
  });

  it("answers in English to someone who writes English", async () => {
    const person = new MessengerPerson(server);
    const opened = await person.say("I want to report vandalism at a temple");
    expect(opened).toContain("I will help you send a report");
    expect(opened).toContain("Kind of report: Harm to a relic");
    expect(opened).toContain("Where did it happen?");
  });
});
