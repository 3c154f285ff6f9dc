import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageEvent } from "../../src/analytics/message-event.js";
import type { Registration } from "../../src/domain/registration.js";
import type { Report } from "../../src/domain/report.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { sampleReport, signIn, type ConsoleClient } from "./web-test-kit.js";

/** Console pages over HTTP: accounts, classes and attendance, analytics, the yearly report, the chat API. */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
let server: TestServer;
let store: MemoryStore;
let admin: ConsoleClient;

const registration = (code: string, over: Partial<Registration> = {}): Registration => ({
  code,
  packId: "vo-cuong",
  classId: "lop-quan-ho-vo-cuong",
  fullName: `Người ${code}`,
  phone: "0911222333",
  status: "registered",
  attendance: [],
  person: { key: "zalo:oa:p", channel: "zalo", accountId: "oa", userId: "p" },
  language: "vi",
  createdAt: Date.parse("2026-03-01T03:00:00Z"),
  ...over,
});

beforeAll(async () => {
  store = new MemoryStore();
  server = await startTestServer({ ADMIN_PASSWORD }, { store });
  admin = await signIn(server, "admin", ADMIN_PASSWORD);
  await store.collection<Registration>("registrations").set("LH-2026-0001", registration("LH-2026-0001"));
  await store.collection<Registration>("registrations").set("LH-2026-0002", registration("LH-2026-0002"));
  await store.collection<Registration>("registrations").set("LH-2026-0003", registration("LH-2026-0003", { status: "waiting" }));
  const events = store.collection<MessageEvent>("events");
  const at = Date.parse("2026-05-10T03:00:00Z");
  await events.set("e1", { id: "e1", at, day: "2026-05-10", channel: "zalo", packId: "vo-cuong", kind: "text", intent: "festival_dates", answered: true });
  await events.set("e2", { id: "e2", at, day: "2026-05-10", channel: "messenger", packId: "vo-cuong", kind: "text", intent: "out_of_scope", answered: false, text: "Giá vé xe buýt?" });
  await events.set("e3", { id: "e3", at, day: "2026-05-10", channel: "zalo", packId: "tan-an", kind: "text", intent: "greeting", answered: true });
  await store.collection<Report>("reports").set("PA-2026-0001", sampleReport("PA-2026-0001", { createdAt: at, status: "resolved" }));
});
afterAll(async () => {
  await server.stop();
  nock.cleanAll();
});

describe("accounts", () => {
  it("an admin creates a staff account that can then sign in and sees only its pages", async () => {
    const created = await admin.post("/admin/accounts", { username: "lan", displayName: "Chị Lan", role: "staff", unit: "vo-cuong|cong-an-phuong", password: "mat-khau-cua-lan" });
    expect(created.status).toBe(303);
    const lan = await signIn(server, "lan", "mat-khau-cua-lan");
    const page = await (await lan.get("/admin/inbox")).text();
    expect(page).toContain("Hộp thư");
    expect(page).not.toContain("/admin/accounts"); // the menu shows only what the role may open
    const short = await admin.post("/admin/accounts", { username: "ngan", displayName: "X", role: "staff", unit: "vo-cuong|cong-an-phuong", password: "ngan" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("ít nhất 10 ký tự");
  });
});

describe("classes", () => {
  it("lists registrations and the waiting list, marks attendance and exports it", async () => {
    const page = await (await admin.get("/admin/classes/vo-cuong/lop-quan-ho-vo-cuong?date=2026-12-05")).text();
    expect(page).toContain("LH-2026-0001");
    expect(page).toMatch(/Danh sách chờ \(1\)/);
    const saved = await admin.post("/admin/classes/vo-cuong/lop-quan-ho-vo-cuong/attendance", { date: "2026-12-05", present: ["LH-2026-0002", "LH-2026-0003"] });
    expect(saved.status).toBe(303);
    const stored = store.collection<Registration>("registrations");
    expect((await stored.get("LH-2026-0002"))!.attendance).toEqual(["2026-12-05"]);
    expect((await stored.get("LH-2026-0001"))!.attendance).toEqual([]);
    expect((await stored.get("LH-2026-0003"))!.attendance).toEqual([]); // waiting: not in the class yet
    const csv = await (await admin.get("/admin/classes/vo-cuong/lop-quan-ho-vo-cuong/csv", "text/csv")).text();
    expect(csv.split("\r\n")[0]).toContain("05/12/2026");
    expect(csv).toMatch(/LH-2026-0002,.*,x/);
  });
});

describe("analytics and the yearly report", () => {
  it("the analytics page shows the period's figures for a pack, with charts and content gaps", async () => {
    const page = await (await admin.get("/admin/analytics?from=2026-05-01&to=2026-05-31&pack=vo-cuong")).text();
    expect(page).toContain("<svg");
    expect(page).toContain("Giá vé xe buýt?");
    expect(page).toMatch(/Tin nhắn<\/div><div class="big">2</);
    // Each channel as it names itself (src/channels/<channel>/label.ts), in its own colour.
    expect(page).toContain('<th class="num">Zalo</th>');
    expect(page).toContain('<th class="num">Messenger</th>');
    expect(page).toContain("#0068ff");
  });

  it("the yearly report opens on the period running now (after 15/10: next year's report) and lists it", async () => {
    // Today is 2026-11-25 (TEST_ENV.BOT_TODAY): Võ Cường's period 16/10/2026 → 15/10/2027 is the 2027 report.
    const page = await (await admin.get("/admin/yearly?pack=vo-cuong")).text();
    expect(page).toContain("Kết quả hoạt động của Trợ lý văn hóa năm 2027");
    expect(page).toContain('<option value="2027" selected>2027</option>');
    expect(page).toContain('<option value="2026">2026</option>');
    expect(page).toContain("16/10/2026");
    expect(page).toContain("15/10/2027");
  });

  it("the yearly report counts the pack's year as a page and as CSV", async () => {
    const page = await (await admin.get("/admin/yearly?pack=vo-cuong&year=2026")).text();
    expect(page).toContain("16/10/2025");
    expect(page).toContain("15/10/2026");
    const csv = await (await admin.get("/admin/yearly.csv?pack=vo-cuong&year=2026", "text/csv")).text();
    expect(csv).toContain("Tin nhắn người dân gửi,2");
    expect(csv).toContain("Câu hỏi bot trả lời được,1");
    expect(csv).toContain("Phản ánh đã xử lý,1");
    expect(csv).toContain("Lượt đăng ký lớp học,2");
  });
});

describe("web chat API", () => {
  it("needs the page's cookie, answers through the pipeline, and hands later messages to the poll", async () => {
    expect((await fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "xin chào" }) })).status).toBe(401);
    const opened = await fetch(`${server.url}/chat`);
    const cookie = opened.headers.getSetCookie()[0].split(";")[0];
    const userId = cookie.split("=")[1];
    const answer = await fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ text: "xin chào" }) });
    const { replies } = (await answer.json()) as { replies: { text: string }[] };
    expect(replies.length).toBeGreaterThan(0);
    // A notice written to the person later (e.g. a status change) waits for the page's poll.
    await server.local.web.send({ channel: "web", accountId: "web", userId }, { text: "Phản ánh PA-2026-0009: Đang xử lý" });
    const polled = (await (await fetch(`${server.url}/chat/api/messages`, { headers: { cookie } })).json()) as { replies: { text: string }[] };
    expect(polled.replies.map((r) => r.text)).toEqual(["Phản ánh PA-2026-0009: Đang xử lý"]);
  });
});
