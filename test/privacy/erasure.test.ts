import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nock from "nock";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Registration } from "../../src/domain/registration.js";
import type { Report } from "../../src/domain/report.js";
import { REGISTRATION_PAYLOADS } from "../../src/features/registration/registration-dialog.js";
import { PRIVACY_AUDIT, type PrivacyAuditEntry } from "../../src/privacy/audit-log.js";
import { subjectHash } from "../../src/privacy/person-data.js";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { knowledgeWithClasses, ZaloPerson } from "../helpers/chat.js";
import { jpegBytes, startStub, type StubHttp } from "../helpers/stub-http.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { startOn } from "../scale/backends.js";
import { TEST_DATABASE_URL } from "../store/services.js";

/**
 * "Xóa dữ liệu của tôi" erases a person everywhere: after a report with name, phone and a photo, a class
 * registration, a handoff, a notice waiting, a kept reminder, a subscription and a photo outside a report, nothing of
 * them is left in ANY collection (the erasure's own confirmation included, once sent) — every file
 * under DATA_DIR on lowdb, every row of the documents table on PostgreSQL — while their report is kept, anonymised,
 * and another person's data is untouched.
 */

const OA = "579745863508352884";
const CLASS_ID = "lop-quan-ho-vo-cuong";
const NAME = "Trần Thị Bích Ngọc";
const PHONE = "0983112233";
const OTHER_NAME = "Lê Văn Tám";

const knowledge = knowledgeWithClasses([
  { id: CLASS_ID, title: { vi: "Lớp truyền dạy dân ca Quan họ phường Võ Cường" }, kind: "quan_ho", capacity: 30, status: "open", source: "Nguồn thử" },
]);

let cdn: StubHttp;
beforeAll(async () => {
  cdn = await startStub((_req, res) => res.end(jpegBytes(3000)));
});
afterAll(() => cdn.close());

/** One person's life with the bot: a report under their name with a photo, a class, a handoff, a notice, a subscription. */
async function liveALittle(server: TestServer, person: ZaloPerson, name: string, phone: string): Promise<string> {
  await person.say("Có người vẽ bậy lên tường đình Đông Xá, gọi mình nhé");
  await person.say("đình Đông Xá");
  await person.tap("dialog:skip");
  await person.image(`${cdn.url}/photo-${name.length}.jpg`);
  let asked = await person.say("xong");
  // Another person's report of the same matter is offered first (docs/reports.md): this one files its own.
  if (asked.includes("phản ánh tương tự")) asked = await person.tap("report:similar:new");
  // The notice comes before the first question for a name or phone, with the privacy page's link.
  expect(asked).toContain("Về dữ liệu cá nhân: mình chỉ hỏi họ tên và số điện thoại");
  // No PUBLIC_URL here: no link (a relative one means nothing on Zalo), the words to write for the policy instead.
  expect(asked).toContain("Chi tiết: nhắn “chính sách dữ liệu” để mình gửi toàn văn");
  expect(asked).not.toContain("/privacy/");
  expect(asked).toContain("“xóa dữ liệu của tôi”");
  expect(asked.indexOf("Về dữ liệu cá nhân")).toBeLessThan(asked.indexOf("bạn cho mình xin họ tên và số điện thoại"));
  await person.say(`${name} ${phone}`);
  const done = await person.tap("report:submit");
  const code = /PA-\d{4}-\d{4,}/.exec(done)![0];

  await person.tap(`class:register:${CLASS_ID}`);
  const askedName = await person.tap(REGISTRATION_PAYLOADS.self);
  expect(askedName).toContain("họ và tên");
  expect(askedName).not.toContain("Về dữ liệu cá nhân"); // shown once per person
  await person.say(name);
  await person.say(phone);
  await person.tap(REGISTRATION_PAYLOADS.confirm);

  await person.say("gặp cán bộ");
  // A long message, kept whole page by page beside the conversation (src/core/transcript-text.ts).
  await person.say(`Tôi là ${name}, số ${phone}. ${"Chuyện ở đình làng kể mãi không hết. ".repeat(1_500)}`);
  const key = `zalo:${OA}:${person.userId}`;
  const personRef = { key, channel: "zalo", accountId: OA, userId: person.userId };
  // What other features keep about a person: a notice waiting for their next message, a festival subscription.
  await server.services.store.collection("pending").set(`p-${person.userId}`, { id: `p-${person.userId}`, personKey: key, person: personRef, reply: { text: `Chào ${name}` }, purpose: "update", keptAt: Date.now() });
  await server.services.store.collection("subscriptions").set(`s-${person.userId}`, { id: `s-${person.userId}`, person: personRef, topic: "hoi-lim" });
  // A reminder kept as "chưa gửi được" (the channel's window closed), with its per-person index.
  await server.services.reach.kept.keep(
    { person: personRef, reply: { text: `Nhắc ${name}: buổi học đầu tiên ngày mai` }, purpose: "class_reminder", reason: "window_closed", source: { kind: "class-reminder", ref: `DK-${person.userId}`, label: "Nhắc lịch lớp Quan họ" } },
    Date.now(),
  );
  // A photo sent outside a report (kept by the bot, never evidence): erased with the person, bytes and record.
  const upload = await server.services.evidence.keepUpload({ bytes: jpegBytes(2000, 9), ownerKey: key, url: (id) => `/chat/media/${id}` });
  if (upload.outcome === "kept") uploads.set(person.userId, upload.record.id);
  await server.services.evidence.idle();
  return code;
}

/** The id of each person's upload outside a report. */
const uploads = new Map<string, string>();

async function askToErase(person: ZaloPerson): Promise<void> {
  const asked = await person.say("xóa dữ liệu của tôi");
  expect(asked).toContain("Bạn muốn mình xóa dữ liệu của bạn?");
  expect(asked).toContain("giữ lại ở dạng ẩn danh");
  const done = await person.tap("privacy:erase");
  expect(done).toContain("Mình đã xóa dữ liệu của bạn");
}

/** Strings that identify the person anywhere in stored data. */
function traces(userId: string): string[] {
  return [userId, NAME, PHONE, PHONE.slice(1), `zalo:${OA}:${userId}`];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

async function checkKeptAnonymised(server: TestServer, code: string, otherUser: string) {
  expect(await server.services.evidence.read(uploads.get("2512523625412519001")!)).toBeUndefined();
  expect((await server.services.evidence.read(uploads.get(otherUser)!))?.object).toBeDefined();
  const report = (await server.services.store.collection<Report>("reports").get(code))!;
  expect(report.description).toContain("vẽ bậy lên tường đình Đông Xá");
  expect(report.contact).toEqual({ anonymous: true });
  expect(report.reporter.channel).toBe("erased");
  expect(report.anonymisedAt).toBeGreaterThan(0);
  expect(report.evidence[0].media?.status).toBe("kept"); // the evidence stays with the report
  const registrations = await server.services.store.collection<Registration>("registrations").find({ classId: CLASS_ID });
  expect(registrations.map((r) => r.fullName).sort()).toEqual(["", OTHER_NAME]);
  // The other person is untouched.
  expect(await server.services.conversations.get(`zalo:${OA}:${otherUser}`)).toBeDefined();
  const log = await server.services.store.collection<PrivacyAuditEntry>(PRIVACY_AUDIT).find();
  expect(log).toEqual([expect.objectContaining({ action: "erase", by: "person", subject: subjectHash(`zalo:${OA}:2512523625412519001`) })]);
}

describe("erasure on request leaves nothing of the person", () => {
  it("on lowdb: no file under DATA_DIR names them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "erasure-lowdb-"));
    const server = await startTestServer({ STORE: "lowdb", DATA_DIR: dir, MEDIA_STORE: "files" }, { store: new LowdbStore({ dir }), knowledge });
    try {
      const person = new ZaloPerson(server, "2512523625412519001");
      const other = new ZaloPerson(server, "2512523625412519002");
      const code = await liveALittle(server, person, NAME, PHONE);
      await liveALittle(server, other, OTHER_NAME, "0987654321");
      const before = filesUnder(dir).map((file) => readFileSync(file, "latin1")).join("\n");
      expect(before).toContain(person.userId); // the check below can fail
      await askToErase(person);
      await server.settle();
      await checkKeptAnonymised(server, code, other.userId);
      expect(await server.services.conversations.get(`zalo:${OA}:${person.userId}`)).toBeUndefined();
    } finally {
      await server.stop();
      nock.cleanAll();
    }
    const files = filesUnder(dir);
    expect(files.some((file) => file.includes(`${path.sep}media${path.sep}`))).toBe(true); // kept photos are files too
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const trace of traces("2512523625412519001")) expect(text.includes(trace), `${trace} in ${file}: ${text.split("\n").find((line) => line.includes(trace))?.slice(0, 600)}`).toBe(false);
    }
    expect(files.map((file) => readFileSync(file, "utf8")).join("\n")).toContain(OTHER_NAME);
    rmSync(dir, { recursive: true, force: true });
  });

  it("on PostgreSQL: no row of any collection names them", async () => {
    const { server, stop } = await startOn("postgres+redis", {}, { knowledge });
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL });
    try {
      const person = new ZaloPerson(server, "2512523625412519001");
      const other = new ZaloPerson(server, "2512523625412519002");
      const code = await liveALittle(server, person, NAME, PHONE);
      await liveALittle(server, other, OTHER_NAME, "0987654321");
      const schema = server.config.PG_SCHEMA!;
      const rows = async () => (await pool.query<{ collection: string; id: string; doc: string }>(`SELECT collection, id, doc::text AS doc FROM "${schema}".documents`)).rows;
      expect((await rows()).some((row) => row.doc.includes(person.userId))).toBe(true);
      await askToErase(person);
      await server.settle();
      await checkKeptAnonymised(server, code, other.userId);
      const after = await rows();
      for (const row of after) {
        for (const trace of traces(person.userId)) expect(`${row.id} ${row.doc}`.includes(trace), `${trace} in ${row.collection}/${row.id}`).toBe(false);
      }
      expect(after.some((row) => row.doc.includes(OTHER_NAME))).toBe(true);
    } finally {
      await pool.end();
      await stop();
      nock.cleanAll();
    }
  });
});
