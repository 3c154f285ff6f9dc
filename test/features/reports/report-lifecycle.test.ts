import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../../src/domain/report.js";
import type { StaffEvent } from "../../../src/domain/staff-event.js";
import { ReportService } from "../../../src/features/reports/report-service.js";
import { quickReport, ZaloPerson } from "../../helpers/chat.js";
import { jpegBytes, startStub, type StubHttp } from "../../helpers/stub-http.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

/**
 * The report lifecycle over signed Zalo webhooks with the clock pinned: deadlines in working days, urgent reports,
 * staff alerts before and at the deadline (through the staff webhook), "bổ sung" with a photo, reopening within
 * and after 7 days, the rating, and the similar open report offered before filing.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant in Hà Nội. */
const vn = (date: string, time = "10:00") => Date.parse(`${date}T${time}:00+07:00`);

/** A staff member's Zalo id (STAFF_ZALO_USER_IDS): the alerts' message on the staff channel. */
const STAFF_ID = "8800000000000000001";
let server: TestServer;
let stub: StubHttp;
let clock: number;
let alerts: StaffEvent[];

beforeEach(async () => {
  alerts = [];
  stub = await startStub((req, res, body) => {
    if (req.url === "/staff") alerts.push(JSON.parse(body.toString("utf8")) as StaffEvent);
    if (req.url === "/photo.jpg") return res.end(jpegBytes(4000));
    res.end("{}");
  });
  // Thursday 31/12/2026, 10:00 in Hà Nội: New Year's Day (Friday) and a weekend follow.
  clock = vn("2026-12-31");
  server = await startTestServer({ STAFF_WEBHOOK_URL: `${stub.url}/staff`, STAFF_WEBHOOK_SECRET: "s", STAFF_ZALO_USER_IDS: STAFF_ID }, { now: () => clock });
});
afterEach(async () => {
  await server.stop();
  await stub.close();
  nock.cleanAll();
});

const stored = async (code: string) => (await server.store.collection<Report>("reports").get(code))!;
const staff = () => new ReportService(server.services);
const alertsOf = (type: StaffEvent["type"], code: string) => alerts.filter((a) => a.type === type && a.ref === code);

describe("deadlines and priority", () => {
  it("counts working days over New Year's Day and the weekend: 7 working days from Thursday 31/12 end on Tuesday 12/1 at 17:00", async () => {
    const code = await quickReport(new ZaloPerson(server));
    const report = await stored(code);
    expect(report.priority).toBe("normal");
    expect(new Date(report.dueAt!).toISOString()).toBe(new Date(vn("2027-01-12", "17:00")).toISOString());
    await server.settle();
    expect(alertsOf("report", code)[0].summary).toContain("Hạn xử lý: 17:00 12/01/2027");
  });

  it("harm to a relic in progress is urgent: due the next working day, and staff are told “KHẨN” at once", async () => {
    clock = vn("2026-12-04", "15:00"); // a Friday
    const person = new ZaloPerson(server);
    const code = await quickReport(person, "Có người đang đập phá di tích đình Đông Xá", "đình Đông Xá");
    const report = await stored(code);
    expect(report.priority).toBe("urgent");
    expect(report.urgentBecause).toContain("dang dap pha");
    expect(new Date(report.dueAt!).toISOString()).toBe(new Date(vn("2026-12-07", "17:00")).toISOString()); // Monday
    await server.settle();
    expect(alertsOf("report", code)[0].priority).toBe("urgent");
    expect(new ZaloPerson(server, STAFF_ID).received.map((m) => m.text)).toContainEqual(expect.stringMatching(new RegExp(`^KHẨN · \\[Phản ánh mới\\] ${code}\\n`)));
    // The same category without the words is not urgent.
    const calm = await quickReport(new ZaloPerson(server, "222"), "Tường chùa Dạm bị vẽ bậy từ tuần trước", "chùa Dạm");
    expect((await stored(calm)).priority).toBe("normal");
  });

  it("alerts the unit before the due day and once at the deadline, each once; a resolved report is never alerted", async () => {
    const code = await quickReport(new ZaloPerson(server)); // due Tuesday 12/1/2027 17:00
    const done = await quickReport(new ZaloPerson(server, "333"), "Có người xem bói lấy tiền ở cổng đền Bà Chúa Kho", "đền Bà Chúa Kho");
    await staff().changeStatus(done, "resolved", "Đã xử lý", "lan");
    await server.reportDeadlines.tick();
    expect(alertsOf("report_due_soon", code)).toHaveLength(0);

    clock = vn("2027-01-11", "07:29"); // Monday, one minute before the "due soon" moment
    expect(await server.reportDeadlines.tick()).toEqual({ dueSoon: 0, overdue: 0 });
    clock = vn("2027-01-11", "07:30");
    expect(await server.reportDeadlines.tick()).toEqual({ dueSoon: 1, overdue: 0 });
    await server.reportDeadlines.tick();
    expect(alertsOf("report_due_soon", code)).toHaveLength(1);
    expect(alertsOf("report_due_soon", code)[0]).toMatchObject({ unitId: "phong-van-hoa-xa-hoi", consolePath: `/admin/reports/${code}` });
    expect(alertsOf("report_due_soon", code)[0].summary).toContain("Hạn xử lý: 17:00 12/01/2027");

    clock = vn("2027-01-12", "17:00");
    expect((await server.reportDeadlines.tick()).overdue).toBe(0); // due at 17:00 sharp: not yet late
    clock = vn("2027-01-12", "17:01");
    expect((await server.reportDeadlines.tick()).overdue).toBe(1);
    await server.reportDeadlines.tick();
    expect(alertsOf("report_overdue", code)).toHaveLength(1);
    expect(alertsOf("report_overdue", code)[0].summary).toContain("Quá hạn xử lý từ 17:00 12/01/2027");
    expect(new ZaloPerson(server, STAFF_ID).received.map((m) => m.text)).toContainEqual(expect.stringContaining(`[Phản ánh quá hạn] ${code}\nQuá hạn xử lý từ 17:00 12/01/2027`));
    expect(alerts.filter((a) => a.ref === done && a.type !== "report")).toEqual([]);
  });
});

describe("the reporter after filing", () => {
  it("“bổ sung PA-…” with a photo adds it to their report and alerts staff; someone else's code reveals nothing", async () => {
    const person = new ZaloPerson(server);
    const code = await quickReport(person);
    const asked = await person.image(`${stub.url}/photo.jpg`, `bổ sung ${code}`);
    expect(asked).toContain("Đã nhận (1 ảnh)");
    await person.say("Hình vẽ đã lan sang cả cổng tam quan");
    await person.say("xong");
    const summary = person.textSince(person.count - 1);
    expect(summary).toContain(`Bạn bổ sung cho phản ánh ${code}`);
    expect(summary).toContain("Hình vẽ đã lan sang cả cổng tam quan");
    expect(await person.tap("addition:submit")).toContain(`Mình đã thêm vào phản ánh ${code}`);
    await server.settle();
    const report = await stored(code);
    expect(report.evidence.map((e) => e.kind)).toEqual(["image"]);
    expect(report.additions).toEqual([{ at: clock, from: "reporter", text: "Hình vẽ đã lan sang cả cổng tam quan", evidence: [0] }]);
    expect(alertsOf("report_added", code)[0].summary).toContain("1 tệp/ảnh mới");
    await expect.poll(async () => (await stored(code)).evidence[0].media?.status).toBe("kept");

    const stranger = new ZaloPerson(server, "999000111");
    expect(await stranger.say(`bổ sung ${code}`)).toContain(`Mình không tìm thấy phản ánh mã ${code}`);
  });

  it("“chưa xử lý xong” within 7 days of “Đã xử lý” reopens it: back to the unit with a new deadline and an alert", async () => {
    const person = new ZaloPerson(server);
    const code = await quickReport(person);
    await staff().changeStatus(code, "resolved", "Đã xóa hình vẽ", "lan");
    const notice = person.received.at(-1)!;
    expect(notice.text).toContain("Chọn từ 1 (rất không hài lòng) đến 5");
    expect(notice.text).toContain(`chưa xử lý xong ${code}`);
    expect(notice.choices.map((c) => c.payload)).toEqual([1, 2, 3, 4, 5].map((n) => `rate:${code}:${n}`));

    clock += 6 * DAY;
    const answer = await person.say(`chưa xử lý xong ${code}, tường vẫn còn hình vẽ`);
    expect(answer).toContain(`Mình đã mở lại phản ánh ${code}`);
    const report = await stored(code);
    expect(report.status).toBe("reopened");
    expect(report.history.at(-1)).toMatchObject({ status: "reopened", by: "reporter" });
    expect(report.additions?.at(-1)?.text).toBe("tường vẫn còn hình vẽ");
    expect(report.dueAt).toBeGreaterThan(clock);
    await server.settle();
    expect(alertsOf("report_reopened", code)[0]).toMatchObject({ unitId: "phong-van-hoa-xa-hoi" });
    expect(alertsOf("report_reopened", code)[0].summary).toContain("tường vẫn còn hình vẽ");
  });

  it("after 7 days it is not reopened: the reporter is told to send a new report", async () => {
    const person = new ZaloPerson(server);
    const code = await quickReport(person);
    await staff().changeStatus(code, "resolved", undefined, "lan");
    clock += 7 * DAY + HOUR;
    const answer = await person.say("chưa xử lý xong");
    expect(answer).toContain(`Phản ánh ${code} đã được xử lý từ ngày 31/12/2026, quá 7 ngày`);
    expect((await stored(code)).status).toBe("resolved");
    await server.settle();
    expect(alertsOf("report_reopened", code)).toEqual([]);
  });

  it("rates the resolved report 1–5 with a comment; it cannot rate an open one", async () => {
    const person = new ZaloPerson(server);
    const code = await quickReport(person);
    expect(await person.tap(`rate:${code}:2`)).toContain("chưa được báo xử lý xong");
    await staff().changeStatus(code, "resolved", undefined, "lan");
    const thanks = await person.tap(`rate:${code}:4`);
    expect(thanks).toContain(`Cảm ơn bạn đã đánh giá 4/5 cho phản ánh ${code}`);
    expect(thanks).toContain("góp ý thêm");
    expect((await stored(code)).rating).toEqual({ score: 4, at: clock });
    expect(await person.say("Xử lý nhanh nhưng nên dựng biển cấm")).toContain("Mình đã ghi lại góp ý");
    expect((await stored(code)).rating).toEqual({ score: 4, at: clock, comment: "Xử lý nhanh nhưng nên dựng biển cấm" });
    // Someone else's rating button changes nothing.
    await new ZaloPerson(server, "999000111").tap(`rate:${code}:1`);
    expect((await stored(code)).rating?.score).toBe(4);
  });
});

describe("before filing: a similar open report", () => {
  it("is offered without its reporter; following adds the person's details and tells them of its changes", async () => {
    const first = new ZaloPerson(server, "111");
    const code = await quickReport(first, "Có người vẽ bậy lên tường đình Đông Xá, nhà tôi ở ngõ 5 ngay cạnh", "đình Đông Xá");
    clock += 2 * HOUR;
    const second = new ZaloPerson(server, "222");
    await second.say("Tường đình Đông Xá bị vẽ bậy nhiều chỗ");
    await second.say("Đình Đông Xá, phường Võ Cường");
    await second.tap("dialog:skip");
    const offer = await second.tap("dialog:skip");
    expect(offer).toContain(`Đã có phản ánh tương tự: ${code} (Xâm hại di tích, gửi ngày 31/12/2026, trạng thái “Đã tiếp nhận”)`);
    expect(offer).toContain("Theo dõi phản ánh đó?");
    expect(offer).not.toContain("ngõ 5");
    expect(offer).not.toContain("Có người vẽ bậy");
    expect(second.received.at(-1)!.choices.map((c) => c.payload)).toEqual(["report:similar:follow", "report:similar:new"]);

    expect(await second.tap("report:similar:follow")).toContain(`Mình đã ghi bạn theo dõi phản ánh ${code}`);
    const report = await stored(code);
    expect(report.followers?.map((f) => f.userId)).toEqual(["222"]);
    expect(report.additions?.at(-1)).toMatchObject({ from: "follower", text: "Tường đình Đông Xá bị vẽ bậy nhiều chỗ (Đình Đông Xá, phường Võ Cường)" });
    // No second report was filed.
    expect(await server.store.collection<Report>("reports").find()).toHaveLength(1);

    const before = second.count;
    await staff().changeStatus(code, "in_progress", "Anh Minh ơi, cán bộ sẽ gọi lại anh", "lan");
    expect(second.textSince(before)).toBe(`Cập nhật phản ánh ${code} bạn đang theo dõi: Đang xử lý.\nĐể xem lại, bạn nhắn “tra cứu ${code}”.`);
    const card = await second.say(`tra cứu ${code}`);
    expect(card).toContain("Trạng thái: Đang xử lý");
    expect(card).not.toContain("Anh Minh");
  });

  it("“Vẫn gửi phản ánh mới” files a report as usual", async () => {
    const code = await quickReport(new ZaloPerson(server, "111"));
    const second = new ZaloPerson(server, "222");
    const other = await quickReport(second, "Tường đình Đông Xá bị vẽ bậy nhiều chỗ", "Đình Đông Xá");
    expect(other).not.toBe(code);
    expect((await stored(other)).possibleDuplicates).toEqual([code]);
  });
});
