import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/domain/report.js";
import { ApiKeys } from "../../src/web/auth/api-keys.js";
import { StaffUsers } from "../../src/web/auth/staff-users.js";
import { ZaloPerson } from "../helpers/chat.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { jpegBytes, startStub, type StubHttp } from "../helpers/stub-http.js";
import { signIn, type ConsoleClient } from "../web/web-test-kit.js";

/**
 * Evidence kept: a report's photo is downloaded from the platform's CDN (a local stub) when the report is filed,
 * and served to staff from the kept copy after the CDN has forgotten it. Over signed Zalo webhooks, the console
 * and the API over HTTP.
 */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
const STAFF_API_TOKEN = "token-he-thong-khac";
const PASSWORD = "mat-khau-can-bo-1";
const MAX_BYTES = 100_000;
const photo = jpegBytes(40_000, 3);

let server: TestServer;
let cdn: StubHttp;
let cdnUp = true;

beforeAll(async () => {
  cdn = await startStub((req, res) => {
    if (req.url === "/photo.jpg" && cdnUp) return res.end(photo);
    if (req.url === "/big.jpg") return res.end(jpegBytes(MAX_BYTES + 5000));
    if (req.url === "/page.jpg") return res.end("<!doctype html><html><head><title>Đăng nhập</title></head><body></body></html>");
    res.statusCode = 404;
    res.end("expired");
  });
  server = await startTestServer({ ADMIN_PASSWORD, STAFF_API_TOKEN, MEDIA_MAX_BYTES: String(MAX_BYTES), MEDIA_RETRY_ATTEMPTS: "3", MEDIA_RETRY_BASE_MS: "10" });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await cdn?.close();
});

/** Files a report with one image through the dialog; returns the code and what the person was told at the end. */
async function reportWithImage(person: ZaloPerson, url: string): Promise<{ code: string; done: string }> {
  await person.say("Có người vẽ bậy lên tường đình Đông Xá");
  await person.say("đình Đông Xá");
  await person.tap("dialog:skip");
  expect(await person.image(url)).toContain("Đã nhận (1 ảnh)");
  // Another person's report of the same matter is offered first (docs/reports.md): this one files its own.
  if ((await person.say("xong")).includes("phản ánh tương tự")) await person.tap("report:similar:new");
  await person.tap("report:anonymous");
  const done = await person.tap("report:submit");
  const code = /PA-\d{4}-\d{4,}/.exec(done)?.[0];
  if (!code) throw new Error(`no code in: ${done}`);
  return { code, done };
}

const stored = async (code: string) => (await server.services.store.collection<Report>("reports").get(code))!;

describe("evidence kept when a report is filed", () => {
  let code: string;
  let unitStaff: ConsoleClient;
  let otherStaff: ConsoleClient;

  it("files the report at once, then keeps the photo with its original URL beside it", async () => {
    const person = new ZaloPerson(server, "2512523625412515001");
    const filed = await reportWithImage(person, `${cdn.url}/photo.jpg`);
    code = filed.code;
    // The person has their code before (or while) the photo downloads: the report never waits for it.
    const report = await stored(code);
    expect(report.evidence[0]).toMatchObject({ kind: "image", url: `${cdn.url}/photo.jpg`, media: { id: expect.stringMatching(/^media-/) } });
    await server.services.evidence.idle();
    const kept = await stored(code);
    expect(kept.evidence[0].media).toMatchObject({ status: "kept", mime: "image/jpeg", size: photo.length });
    const record = await server.services.evidence.read(kept.evidence[0].media!.id);
    expect(record?.record.url).toBe(`${cdn.url}/photo.jpg`);
  });

  it("serves the same bytes to the unit's staff in the console and the API after the CDN answers 404", async () => {
    const users = new StaffUsers(server.services.store);
    const report = await stored(code);
    const other = report.unitId === "cong-an-phuong" ? "phong-van-hoa-xa-hoi" : "cong-an-phuong";
    await users.create({ username: "donvi", displayName: "Cán bộ đơn vị", role: "staff", packId: report.packId, unitId: report.unitId }, PASSWORD);
    await users.create({ username: "khac", displayName: "Cán bộ đơn vị khác", role: "staff", packId: report.packId, unitId: other }, PASSWORD);
    unitStaff = await signIn(server, "donvi", PASSWORD);
    otherStaff = await signIn(server, "khac", PASSWORD);

    cdnUp = false;
    expect((await fetch(`${cdn.url}/photo.jpg`)).status).toBe(404);

    const consoleCopy = await unitStaff.get(`/admin/reports/${code}/evidence/1`, "image/*");
    expect(consoleCopy.status).toBe(200);
    expect(consoleCopy.headers.get("content-type")).toBe("image/jpeg");
    expect(consoleCopy.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await consoleCopy.arrayBuffer()).equals(photo)).toBe(true);

    const page = await (await unitStaff.get(`/admin/reports/${code}`)).text();
    expect(page).toContain(`src="/admin/reports/${code}/evidence/1"`);
    expect(page).toContain(`${cdn.url}/photo.jpg`);

    const viaToken = await fetch(`${server.url}/api/reports/${code}/evidence/1`, { headers: { authorization: `Bearer ${STAFF_API_TOKEN}` } });
    expect(viaToken.status).toBe(200);
    expect(Buffer.from(await viaToken.arrayBuffer()).equals(photo)).toBe(true);
    const viaSession = await unitStaff.get(`/api/reports/${code}/evidence/1`, "*/*");
    expect(viaSession.status).toBe(200);
    expect(Buffer.from(await viaSession.arrayBuffer()).equals(photo)).toBe(true);
    const admin = await signIn(server, "admin", ADMIN_PASSWORD);
    expect((await admin.get(`/admin/reports/${code}/evidence/1`, "image/*")).status).toBe(200);
    // API keys made in the console: one scoped to the report's unit sees it, one of another unit does not.
    const keys = new ApiKeys(server.services.store, server.services.now);
    const own = await keys.create({ name: "he-thong-don-vi", packId: report.packId, unitId: report.unitId, createdBy: "admin" });
    const foreign = await keys.create({ name: "he-thong-khac", packId: report.packId, unitId: other, createdBy: "admin" });
    const viaKey = await fetch(`${server.url}/api/reports/${code}/evidence/1`, { headers: { authorization: `Bearer ${own.secret}` } });
    expect(viaKey.status).toBe(200);
    expect(Buffer.from(await viaKey.arrayBuffer()).equals(photo)).toBe(true);
    expect((await fetch(`${server.url}/api/reports/${code}/evidence/1`, { headers: { authorization: `Bearer ${foreign.secret}` } })).status).toBe(404);
  });

  it("refuses another unit's staff and the public, in the console and the API", async () => {
    expect((await otherStaff.get(`/admin/reports/${code}/evidence/1`, "image/*")).status).toBe(404);
    expect((await otherStaff.get(`/api/reports/${code}/evidence/1`, "*/*")).status).toBe(404);
    const anonymousPage = await fetch(`${server.url}/admin/reports/${code}/evidence/1`, { redirect: "manual", headers: { accept: "text/html" } });
    expect(anonymousPage.status).toBe(303);
    expect(anonymousPage.headers.get("location")).toContain("/admin/login");
    expect((await fetch(`${server.url}/admin/reports/${code}/evidence/1`, { headers: { accept: "image/*" } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/reports/${code}/evidence/1`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/reports/${code}/evidence/1`, { headers: { authorization: "Bearer sai" } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/reports/${code}/evidence/1`, { headers: { cookie: "tlvh_sid=gia-mao" } })).status).toBe(401);
  });

  it("marks a download that keeps failing on the report (after retries), and the report is intact", async () => {
    const person = new ZaloPerson(server, "2512523625412515002");
    const { code: failing } = await reportWithImage(person, `${cdn.url}/expired-link.jpg`);
    await server.services.evidence.idle();
    const report = await stored(failing);
    expect(report.evidence[0].media).toMatchObject({ status: "failed" });
    expect(report.status).toBe("received");
    expect(cdn.requests.filter((request) => request.path === "/expired-link.jpg")).toHaveLength(3);
    const admin = await signIn(server, "admin", ADMIN_PASSWORD);
    expect(await (await admin.get(`/admin/reports/${failing}`)).text()).toContain("không tải được");
    const missing = await fetch(`${server.url}/api/reports/${failing}/evidence/1`, { headers: { authorization: `Bearer ${STAFF_API_TOKEN}` } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: "failed", url: `${cdn.url}/expired-link.jpg` });
  });

  it("refuses an oversized file and a file of another type, and tells the person", async () => {
    const big = new ZaloPerson(server, "2512523625412515003");
    const { code: bigCode } = await reportWithImage(big, `${cdn.url}/big.jpg`);
    const page = new ZaloPerson(server, "2512523625412515004");
    const { code: pageCode } = await reportWithImage(page, `${cdn.url}/page.jpg`);
    await server.services.evidence.idle();
    await expect.poll(() => big.received.at(-1)?.text).toContain(`Về phản ánh ${bigCode}: mình không lưu được một tệp bạn gửi (tệp lớn hơn 98 KB)`);
    await expect.poll(() => page.received.at(-1)?.text).toContain("mình chỉ nhận ảnh (JPG, PNG, GIF, WebP), video MP4 hoặc tệp PDF");
    expect((await stored(bigCode)).evidence[0].media).toMatchObject({ status: "refused", reason: "too_large" });
    expect((await stored(pageCode)).evidence[0].media).toMatchObject({ status: "refused", reason: "wrong_type" });
    expect(cdn.requests.filter((request) => request.path === "/big.jpg")).toHaveLength(1); // refusals are not retried
  });
});
