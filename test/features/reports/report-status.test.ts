import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../../src/domain/report.js";
import { ReportNotFound, ReportService } from "../../../src/features/reports/report-service.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { MessengerPerson, quickReport, ZaloPerson } from "../../helpers/chat.js";

/** Status lookup by the reporter and by others; status changes told within the channels' windows. */

const HOUR = 3_600_000;
let server: TestServer;
let clock: number;
let service: ReportService;

beforeEach(async () => {
  clock = Date.now();
  server = await startTestServer({}, { now: () => clock });
  server.services.notifier = { notify: async () => undefined };
  service = new ReportService(server.services);
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

describe("status lookup", () => {
  it("the reporter sees status, last note and dates; someone else gets the unknown-code reply", async () => {
    const reporter = new ZaloPerson(server);
    const code = await quickReport(reporter);
    await service.changeStatus(code, "in_progress", "Đã chuyển Công an phường xác minh", "can-bo-lan");

    const card = await reporter.say(`tra cứu ${code}`);
    expect(card).toContain(`Phản ánh ${code} (Xâm hại di tích)`);
    expect(card).toContain("Trạng thái: Đang xử lý");
    expect(card).toContain("Ghi chú của cán bộ: Đã chuyển Công an phường xác minh");
    expect(card).toMatch(/Gửi ngày \d\d\/\d\d\/\d{4}/);

    const stranger = new ZaloPerson(server, "999000111");
    const other = await stranger.say(`tra cứu ${code}`);
    const unknown = await stranger.say("tra cứu PA-2026-0099");
    expect(other).toBe(unknown.replace("PA-2026-0099", code));
    expect(other).not.toContain("Đang xử lý");
    expect(other).not.toContain("Xâm hại");
  });

  it("“phản ánh của tôi” lists several reports, newest first, with a choice each", async () => {
    const reporter = new ZaloPerson(server);
    const first = await quickReport(reporter);
    clock += 1000;
    const second = await quickReport(reporter, "Có người xem bói lấy tiền ở cổng đền Bà Chúa Kho", "đền Bà Chúa Kho");
    const list = await reporter.say("phản ánh của tôi");
    expect(list).toContain("Bạn đã gửi 2 phản ánh");
    expect(list.indexOf(second)).toBeLessThan(list.indexOf(first));
    expect(await reporter.tap(`report:status:${first}`)).toContain(`Phản ánh ${first}`);
    // A forged choice for someone else's report reveals nothing either.
    const stranger = new ZaloPerson(server, "999000111");
    expect(await stranger.tap(`report:status:${first}`)).toContain("không tìm thấy");
  });

  it("a lookup in the middle of a dialog is answered and the step asked again", async () => {
    const reporter = new ZaloPerson(server);
    const code = await quickReport(reporter);
    await reporter.say("tôi muốn phản ánh");
    const reply = await reporter.say(`tra cứu ${code}`);
    expect(reply).toContain("Trạng thái: Đã tiếp nhận");
    expect(reply).toContain("Bạn muốn phản ánh về việc gì?");
  });
});

describe("ReportService.changeStatus", () => {
  it("appends the history, saves, and tells a Zalo reporter within 48 h", async () => {
    const reporter = new ZaloPerson(server);
    const code = await quickReport(reporter);
    clock += 47 * HOUR;
    const before = reporter.count;
    const updated = await service.changeStatus(code, "resolved", "Đã xóa hình vẽ", "can-bo-lan");
    expect(updated.history.map((h) => h.status)).toEqual(["received", "resolved"]);
    expect((await server.store.collection<Report>("reports").get(code))?.status).toBe("resolved");
    expect(reporter.textSince(before)).toContain(`Cập nhật phản ánh ${code} của bạn: Đã xử lý.\nGhi chú của cán bộ: Đã xóa hình vẽ`);
  });

  it("keeps the notice when the Zalo window is closed, and delivers it when the person writes", async () => {
    const reporter = new ZaloPerson(server);
    const code = await quickReport(reporter);
    clock += 49 * HOUR;
    const before = reporter.count;
    await service.changeStatus(code, "not_competent", "Chuyển UBND xã", "can-bo-lan");
    expect(reporter.count).toBe(before);
    expect(await server.store.collection("pending").find()).toHaveLength(1);
    const next = await reporter.say("xin chào");
    expect(next.indexOf("Không thuộc thẩm quyền")).toBeGreaterThanOrEqual(0);
    expect(next.indexOf("Cập nhật phản ánh")).toBe(0);
    expect(await server.store.collection("pending").find()).toHaveLength(0);
  });

  it("on Messenger: sent as UPDATE within 24 h, kept after", async () => {
    const reporter = new MessengerPerson(server);
    const code = await quickReport(reporter);
    clock += 23 * HOUR;
    await service.changeStatus(code, "in_progress", undefined, "can-bo-lan");
    const notice = reporter.bodies.at(-1);
    expect(notice.message.text).toContain("Đang xử lý");
    expect(notice.messaging_type).toBe("UPDATE");
    clock += 2 * HOUR;
    const before = reporter.count;
    await service.changeStatus(code, "resolved", "Xong", "can-bo-lan");
    expect(reporter.count).toBe(before);
    expect(await reporter.say("cảm ơn")).toContain("Đã xử lý");
  });

  it("tells the reporter in their language", async () => {
    const reporter = new MessengerPerson(server);
    await reporter.say("I want to report vandalism at the temple");
    await reporter.say("the Do temple");
    await reporter.tap("dialog:skip");
    await reporter.tap("dialog:skip");
    await reporter.tap("report:anonymous");
    const code = /PA-\d{4}-\d{4}/.exec(await reporter.tap("report:submit"))![0];
    await service.changeStatus(code, "in_progress", undefined, "staff");
    expect(reporter.bodies.at(-1).message.text).toBe(`Update on your report ${code}: In progress.\nTo check it again, write “status ${code}”.`);
  });

  it("throws ReportNotFound for an unknown code and refuses an unknown status", async () => {
    await expect(service.changeStatus("PA-2026-9999", "resolved", undefined, "x")).rejects.toBeInstanceOf(ReportNotFound);
    const code = await quickReport(new ZaloPerson(server));
    await expect(service.changeStatus(code, "closed" as never, undefined, "x")).rejects.toBeInstanceOf(RangeError);
  });

  it("lists newest first with filters", async () => {
    const person = new ZaloPerson(server);
    const a = await quickReport(person);
    clock += 1000;
    const b = await quickReport(person, "Có người xem bói lấy tiền ở cổng đền Bà Chúa Kho", "đền Bà Chúa Kho");
    expect((await service.list()).map((r) => r.code)).toEqual([b, a]);
    expect((await service.list({ categoryId: "relic-harm" })).map((r) => r.code)).toEqual([a]);
    expect((await service.list({ from: clock })).map((r) => r.code)).toEqual([b]);
    expect(await service.get(a)).toMatchObject({ code: a });
  });
});

describe("possible duplicates", () => {
  it("links similar reports of the same category and place both ways, and tells staff; never merges", async () => {
    const notices: string[] = [];
    server.services.notifier = { notify: async (event) => void notices.push(event.summary) };
    const first = await quickReport(new ZaloPerson(server, "111"), "Có người vẽ bậy lên tường đình Đông Xá", "đình Đông Xá");
    clock += 5 * HOUR;
    const second = await quickReport(new ZaloPerson(server, "222"), "Tường đình Đông Xá bị vẽ bậy nhiều chỗ", "Đình Đông Xá, phường Võ Cường");
    const unrelated = await quickReport(new ZaloPerson(server, "333"), "Có người vẽ bậy lên tường chùa Dạm", "chùa Dạm");
    const reports = server.store.collection<Report>("reports");
    expect((await reports.get(second))?.possibleDuplicates).toEqual([first]);
    expect((await reports.get(first))?.possibleDuplicates).toEqual([second]);
    expect((await reports.get(unrelated))?.possibleDuplicates).toEqual([]);
    expect(await reports.find()).toHaveLength(3);
    expect(notices[1]).toContain(`Có thể trùng: ${first}`);
  });

  it("does not link reports more than 3 days apart", async () => {
    const first = await quickReport(new ZaloPerson(server, "111"));
    clock += 4 * 24 * HOUR;
    const second = await quickReport(new ZaloPerson(server, "222"));
    expect((await server.store.collection<Report>("reports").get(second))?.possibleDuplicates).toEqual([]);
    expect(first).not.toBe(second);
  });
});
