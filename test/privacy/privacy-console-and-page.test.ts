import { mkdtempSync, cpSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/content-error.js";
import type { Report } from "../../src/domain/report.js";
import { PRIVACY_AUDIT, type PrivacyAuditEntry } from "../../src/privacy/audit-log.js";
import { loadPrivacyTexts } from "../../src/privacy/privacy-content.js";
import { pruneTranscripts } from "../../src/privacy/transcript-retention.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { StaffUsers } from "../../src/web/auth/staff-users.js";
import { MessengerPerson, ZaloPerson } from "../helpers/chat.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { signIn } from "../web/web-test-kit.js";

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
const OA = "579745863508352884";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ ADMIN_PASSWORD, PUBLIC_URL: "https://vanhoa.example.vn", TRANSCRIPT_RETENTION_DAYS: "90" });
  await new StaffUsers(server.services.store).create({ username: "canbo", displayName: "Cán bộ", role: "staff", packId: "vo-cuong", unitId: "phong-van-hoa-xa-hoi" }, "mat-khau-can-bo-1");
}, 60_000);
afterAll(async () => {
  await server?.stop();
  nock.cleanAll();
});

/** A report under the person's name, through the dialog. */
async function namedReport(person: ZaloPerson, name: string, phone: string): Promise<{ code: string; notice: string }> {
  await person.say("Có người vẽ bậy lên tường đình Đông Xá");
  await person.say("đình Đông Xá");
  await person.tap("dialog:skip");
  let notice = await person.tap("dialog:skip");
  // Another person's report of the same matter is offered first (docs/reports.md): this one files its own.
  if (notice.includes("phản ánh tương tự")) notice = await person.tap("report:similar:new");
  await person.say(`${name} ${phone}`);
  const done = await person.tap("report:submit");
  return { code: /PA-\d{4}-\d{4,}/.exec(done)![0], notice };
}

describe("the privacy notice and page", () => {
  it("tells why and how long before the first name/phone question, with an absolute link to the page", async () => {
    const { notice } = await namedReport(new ZaloPerson(server, "2512523625412517001"), "Phạm Thu Hà", "0977111222");
    expect(notice).toContain("Về dữ liệu cá nhân: mình chỉ hỏi họ tên và số điện thoại để Phòng Văn hóa - Xã hội phường Võ Cường liên hệ");
    expect(notice).toContain("lịch sử trò chuyện tự xóa sau 90 ngày");
    expect(notice).toContain("Chi tiết: https://vanhoa.example.vn/privacy/vo-cuong");
  });

  it("serves the page per pack, Vietnamese first then English, with the legal source; 404 for an unknown pack", async () => {
    const page = await fetch(`${server.url}/privacy/vo-cuong`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("<h1>Bảo vệ dữ liệu cá nhân</h1>");
    expect(text).toContain("Phòng Văn hóa - Xã hội phường Võ Cường là bên kiểm soát");
    expect(text).toContain("Lịch sử trò chuyện được tự động xóa sau 90 ngày");
    expect(text.indexOf("Bảo vệ dữ liệu cá nhân")).toBeLessThan(text.indexOf("Personal data protection"));
    expect(text).toContain("91/2025/QH15");
    expect((await fetch(`${server.url}/privacy`, { redirect: "manual" })).headers.get("location")).toBe("/privacy/vo-cuong");
    expect((await fetch(`${server.url}/privacy/khong-co`)).status).toBe(404);
  });

  it("refuses a broken privacy.yaml with the file and the field, and a pack lineage with none", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "privacy-content-"));
    cpSync("content/bac-ninh/privacy.yaml", path.join(dir, "bac-ninh", "privacy.yaml"), { recursive: true });
    expect(loadPrivacyTexts(dir, ["vo-cuong", "bac-ninh"]).page.sections.length).toBeGreaterThan(3); // inherited
    writeFileSync(path.join(dir, "bac-ninh", "privacy.yaml"), "notice:\n  vi: Chỉ tiếng Việt\npage:\n  title: { vi: a, en: b }\n  sections: []\nsource: x\n");
    expect(() => loadPrivacyTexts(dir, ["bac-ninh"])).toThrow(ContentError);
    expect(() => loadPrivacyTexts(dir, ["bac-ninh"])).toThrow(/privacy\.yaml.*notice\.en/s);
    expect(() => loadPrivacyTexts(dir, ["kon-ray"])).toThrow(/No privacy\.yaml/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("erasure asked in chat", () => {
  it("in English: asks to confirm, “No” keeps everything", async () => {
    const person = new MessengerPerson(server, "en-privacy-1");
    await person.say("When is the Lim festival?");
    const asked = await person.say("Please delete my data");
    expect(asked).toContain("Do you want me to delete your data?");
    expect(await person.tap("privacy:keep", "No")).toContain("I have kept your data as it is.");
    expect((await server.services.conversations.get(`messenger:108512345678901:en-privacy-1`))?.transcript.length).toBeGreaterThan(3);
    expect(await person.say("delete my data")).toContain("Do you want me to delete your data?");
    expect(await person.say("yes")).toContain("I have deleted your data");
    await server.settle();
    expect(await server.services.conversations.get(`messenger:108512345678901:en-privacy-1`)).toBeUndefined();
  });
});

describe("erasure asked in Chinese and Korean", () => {
  it("Chinese asks in Chinese and erases on the button; Korean “아니요” keeps everything", async () => {
    const zh = new MessengerPerson(server, "zh-privacy-1");
    await zh.say("林会什么时候");
    const asked = await zh.say("请删除我的个人数据");
    expect(asked).toContain("您要我删除您的数据吗？");
    expect(asked).toContain("此操作无法撤销");
    expect(await zh.tap("privacy:erase", "删除数据")).toContain("已删除您的数据");
    await server.settle();
    expect(await server.services.conversations.get(`messenger:108512345678901:zh-privacy-1`)).toBeUndefined();

    const ko = new MessengerPerson(server, "ko-privacy-1");
    await ko.say("림 축제 언제예요?");
    expect(await ko.say("내 데이터 삭제해 주세요")).toContain("데이터를 삭제할까요?");
    expect(await ko.tap("privacy:keep", "아니요")).toContain("데이터를 그대로 두었어요.");
    expect((await server.services.conversations.get(`messenger:108512345678901:ko-privacy-1`))?.transcript.length).toBeGreaterThan(3);
  });
});

describe("the console's personal data page (admins only, audited)", () => {
  it("finds a person by phone, exports their data as JSON, erases it, and logs both without naming them", async () => {
    const person = new ZaloPerson(server, "2512523625412517002");
    const { code } = await namedReport(person, "Đỗ Minh Khôi", "0966 333 444");
    const key = `zalo:${OA}:${person.userId}`;

    const staff = await signIn(server, "canbo", "mat-khau-can-bo-1");
    expect((await staff.get("/admin/privacy?q=0966333444")).status).toBe(403);
    expect((await staff.post("/admin/privacy/export", { key })).status).toBe(403);
    expect((await fetch(`${server.url}/admin/privacy/export`, { method: "POST", redirect: "manual" })).status).toBe(401);

    const admin = await signIn(server, "admin", ADMIN_PASSWORD);
    const found = await (await admin.get("/admin/privacy?q=%2B84%20966%20333%20444")).text();
    expect(found).toContain(`<code>${key}</code>`);
    expect(await (await admin.get("/admin/privacy?q=0900000000")).text()).toContain("Không tìm thấy dữ liệu");

    const exported = await admin.post("/admin/privacy/export", { key });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/attachment; filename="du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json"/);
    const data = (await exported.json()) as { person: { userId: string }; collections: Record<string, { code?: string; contact?: { name?: string } }[]> };
    expect(data.person.userId).toBe(person.userId);
    expect(data.collections.reports).toEqual([expect.objectContaining({ code, contact: expect.objectContaining({ name: "Đỗ Minh Khôi" }) })]);
    expect(data.collections.conversations).toHaveLength(1);

    expect((await admin.post("/admin/privacy/erase", { key })).headers.get("location")).toBe("/admin/privacy"); // without the confirmation: nothing
    expect(await server.services.conversations.get(key)).toBeDefined();
    const erased = await admin.post("/admin/privacy/erase", { key, confirm: "yes" });
    expect(erased.status).toBe(303);
    expect(await server.services.conversations.get(key)).toBeUndefined();
    const report = (await server.services.store.collection<Report>("reports").get(code))!;
    expect(report.contact).toEqual({ anonymous: true });
    expect(report.description).toContain("vẽ bậy");

    const log = await server.services.store.collection<PrivacyAuditEntry>(PRIVACY_AUDIT).find();
    expect(log.filter((entry) => entry.by === "admin").map((entry) => entry.action).sort()).toEqual(["erase", "export"]);
    expect(JSON.stringify(log)).not.toContain(person.userId);
    const page = await (await admin.get("/admin/privacy")).text();
    expect(page).toContain("Nhật ký");
    expect(page).not.toContain(person.userId);
  });
});

describe("transcript retention (TRANSCRIPT_RETENTION_DAYS)", () => {
  it("removes lines older than the retention and keeps the rest of the conversation", async () => {
    const store = new MemoryStore();
    const day = 24 * 3600 * 1000;
    const now = Date.parse("2026-12-01T00:00:00Z");
    const conversations = store.collection<{ key: string; transcript: { at: number; from: string; text: string }[]; state: Record<string, unknown> }>("conversations");
    await conversations.set("a", { key: "a", transcript: [{ at: now - 200 * day, from: "person", text: "cũ" }, { at: now - 10 * day, from: "person", text: "mới" }], state: { dialog: { name: "report" } } });
    await conversations.set("b", { key: "b", transcript: [{ at: now - day, from: "person", text: "hôm qua" }], state: {} });
    expect(await pruneTranscripts(store, 180, now)).toBe(1);
    expect(await conversations.get("a")).toMatchObject({ transcript: [{ text: "mới" }], state: { dialog: { name: "report" } } });
    expect((await conversations.get("b"))?.transcript).toHaveLength(1);
    expect(await pruneTranscripts(store, 0, now)).toBe(0); // 0 keeps everything
    expect(await pruneTranscripts(store, 5, now)).toBe(1);
  });
});
