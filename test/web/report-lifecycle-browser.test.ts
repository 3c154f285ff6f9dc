import nock from "nock";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/domain/report.js";
import type { StaffEvent } from "../../src/domain/staff-event.js";
import { ReportService } from "../../src/features/reports/report-service.js";
import { StaffUsers } from "../../src/web/auth/staff-users.js";
import { quickReport, ZaloPerson } from "../helpers/chat.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { launchBrowser, type TestBrowser } from "./browser.js";
import { signIn } from "./web-test-kit.js";

/**
 * The report lifecycle in the console, in a real browser (Debian's chromium through playwright-core) on a ward
 * officer's phone, the clock pinned: due and overdue reports found by filter and sort; a reply template filling the
 * note; an internal note that never reaches the reporter; assigning; moving a report to another unit. Then the
 * reporter's rating in the analytics and the yearly report.
 */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
const vn = (date: string, time = "10:00") => Date.parse(`${date}T${time}:00+07:00`);

let server: TestServer;
let browser: TestBrowser;
let page: Page;
let clock: number;
let alerts: StaffEvent[];
let reporter: ZaloPerson;
let late: string;
let onTime: string;

beforeAll(async () => {
  clock = vn("2026-12-01"); // Tuesday
  server = await startTestServer({ ADMIN_PASSWORD }, { now: () => clock });
  alerts = [];
  server.services.notifier = { notify: async (event) => void alerts.push(event) };
  await new StaffUsers(server.store).create({ username: "lan", displayName: "Chị Lan", role: "staff", packId: "vo-cuong", unitId: "phong-van-hoa-xa-hoi" }, "mat-khau-cua-lan");
  reporter = new ZaloPerson(server);
  late = await quickReport(reporter); // relic harm: 7 working days → Thursday 10/12 17:00
  clock = vn("2026-12-04");
  onTime = await quickReport(new ZaloPerson(server, "222"), "Có người xem bói lấy tiền ở cổng đền Bà Chúa Kho", "đền Bà Chúa Kho");
  clock = vn("2026-12-11", "08:00"); // Friday: the first one is overdue
  browser = await launchBrowser({ width: 390, height: 844 });
  page = browser.page;
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${server.url}/admin/reports`);
  await page.fill("#username", "admin");
  await page.fill("#password", ADMIN_PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/admin\/reports$/);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  nock.cleanAll();
});

const stored = async (code: string) => (await server.store.collection<Report>("reports").get(code))!;

describe("report lifecycle in the console", () => {
  it("shows due dates; “Quá hạn” filters to the overdue report; sorting by deadline puts it first", async () => {
    await page.goto(`${server.url}/admin/reports`);
    const rows = page.locator("[data-testid=reports] tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator(`tr:has(a:text("${late}")) td[data-label="Hạn xử lý"]`).textContent()).toContain("Quá hạn");
    expect(await page.locator(`tr:has(a:text("${onTime}")) td[data-label="Hạn xử lý"]`).textContent()).not.toContain("Quá hạn");

    await page.selectOption("#due", "overdue");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/due=overdue/);
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(late);

    await page.goto(`${server.url}/admin/reports?sort=dueAt&dir=asc`);
    expect(await rows.first().textContent()).toContain(late);
  });

  it("a reply template fills the note and its status; the reporter gets it", async () => {
    await page.goto(`${server.url}/admin/reports/${late}`);
    expect(await page.textContent("[data-testid=due]")).toContain("Quá hạn");
    await page.selectOption("#template", { label: "Đã chuyển lực lượng kiểm tra" });
    expect(await page.inputValue("#note")).toBe(`Phản ánh ${late} đã được chuyển lực lượng chức năng kiểm tra tại hiện trường.`);
    expect(await page.inputValue("#status")).toBe("in_progress");
    const before = reporter.count;
    await page.getByRole("button", { name: "Cập nhật và báo người phản ánh" }).click();
    await expect.poll(() => page.textContent(".flash")).toContain("Đang xử lý");
    await server.settle();
    // Ten days after the reporter last wrote, Zalo's window is closed: kept ("chưa gửi được"), given when they write.
    expect(reporter.count).toBe(before);
    const kept = await server.store.collection<{ reply: { text: string }; reason?: string }>("pending").find();
    expect(kept.map((m) => [m.reply.text.includes("đã được chuyển lực lượng chức năng kiểm tra"), m.reason])).toEqual([[true, "window_closed"]]);
    expect(await reporter.say("xin chào")).toContain("đã được chuyển lực lượng chức năng kiểm tra");
  });

  it("an internal note is kept for staff and never reaches the reporter", async () => {
    const before = reporter.count;
    await page.fill("#internal-note", "Nghi do nhóm thanh niên xóm 3, chưa báo người dân");
    await page.getByRole("button", { name: "Lưu ghi chú" }).click();
    await expect.poll(() => page.textContent(".flash")).toContain("người phản ánh không thấy");
    expect(await page.textContent("[data-testid=history]")).toContain("Nghi do nhóm thanh niên xóm 3");
    await server.settle();
    expect(reporter.count).toBe(before);
    const card = await reporter.say(`tra cứu ${late}`);
    expect(card).not.toContain("thanh niên xóm 3");
    expect(reporter.received.map((m) => m.text).join("\n")).not.toContain("thanh niên xóm 3");
    expect((await stored(late)).internalNotes?.map((n) => n.text)).toEqual(["Nghi do nhóm thanh niên xóm 3, chưa báo người dân"]);
  });

  it("assigns to a unit officer, who finds it under “Giao cho tôi”", async () => {
    await page.goto(`${server.url}/admin/reports/${late}`);
    await page.selectOption("select#assignee", "lan");
    await page.getByRole("button", { name: "Giao việc" }).click();
    await expect.poll(() => page.textContent("[data-testid=assignee]")).toContain("lan");
    const lan = await signIn(server, "lan", "mat-khau-cua-lan");
    const mine = await (await lan.get("/admin/reports?assignee=me")).text();
    expect(mine).toContain(late);
    expect(mine).not.toContain(onTime);
  });

  it("moves the report to another unit: its staff are alerted, the reporter is told which unit has it", async () => {
    const before = reporter.count;
    await page.goto(`${server.url}/admin/reports/${late}`);
    await page.selectOption("select#unit", "cong-an-phuong");
    await page.getByRole("button", { name: "Chuyển đơn vị" }).click();
    await expect.poll(() => page.textContent(".flash")).toContain("Đã chuyển");
    await server.settle();
    const report = await stored(late);
    expect(report.unitId).toBe("cong-an-phuong");
    expect(report.assignee).toBeUndefined();
    expect(alerts.find((a) => a.type === "report_transferred" && a.ref === late)).toMatchObject({ unitId: "cong-an-phuong" });
    expect(reporter.textSince(before)).toContain(`Phản ánh ${late} của bạn đã được chuyển tới Công an phường Võ Cường để xử lý.`);
    // The old unit's officer no longer sees it.
    const lan = await signIn(server, "lan", "mat-khau-cua-lan");
    expect((await lan.get(`/admin/reports/${late}`)).status).toBe(404);
  });

  it("the reporter's rating shows in the analytics and the yearly report, with time to resolve and overdue share", async () => {
    await new ReportService(server.services).changeStatus(onTime, "resolved", undefined, "lan");
    const rater = new ZaloPerson(server, "222");
    await rater.tap(`rate:${onTime}:4`);
    await rater.tap("dialog:skip");
    await page.goto(`${server.url}/admin/analytics?from=2026-12-01&to=2026-12-31`);
    const outcomes = await page.textContent("[data-testid=report-outcomes]");
    expect(outcomes).toContain("1 lượt đánh giá");
    expect(outcomes).toContain("4,0");
    expect(outcomes).toContain("7 ngày"); // filed 4/12 10:00, resolved 11/12 08:00
    expect(outcomes).toContain("50%"); // one of the two reports missed its deadline
    await page.goto(`${server.url}/admin/yearly?pack=vo-cuong&year=2027`);
    const yearly = await page.textContent("article.report");
    expect(yearly).toMatch(/Mức hài lòng của người phản ánh \(1–5\)\s*4,0/);
    expect(yearly).toMatch(/Tỉ lệ phản ánh quá hạn\s*50%/);
  });
});
