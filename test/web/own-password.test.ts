import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";
import { StaffUsers } from "../../src/web/auth/staff-users.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { signIn } from "./web-test-kit.js";

/** Issue 16 item 8: staff change their own password in the console (not only admins, through the account pages). */

const OLD = "mat-khau-can-bo-12";
const NEW = "mat-khau-moi-cua-lan-34";
let server: TestServer;

beforeAll(async () => {
  const store = new MemoryStore();
  server = await startTestServer({ ADMIN_PASSWORD: "mat-khau-quan-tri-1" }, { store });
  await new StaffUsers(store).create({ username: "lan", displayName: "Chị Lan", role: "staff", packId: "vo-cuong", unitId: "phong-van-hoa-xa-hoi" }, OLD);
});
afterAll(async () => {
  await server.stop();
  nock.cleanAll();
});

describe("changing one's own password", () => {
  it("a staff member changes their password: the current one is asked, other sessions end, the new one signs in", async () => {
    const lan = await signIn(server, "lan", OLD);
    const otherDevice = await signIn(server, "lan", OLD);
    const page = await (await lan.get("/admin/password")).text();
    expect(page).toContain("Đổi mật khẩu");
    expect((await lan.get("/admin/reports")).status).toBe(200);
    expect(await (await lan.get("/admin/reports")).text()).toContain('href="/admin/password"');

    expect((await lan.post("/admin/password", { current: "sai-mat-khau-nhe", password: NEW, repeat: NEW })).status).toBe(400);
    expect((await lan.post("/admin/password", { current: OLD, password: NEW, repeat: "khac-hoan-toan-1" })).status).toBe(400);
    expect((await lan.post("/admin/password", { current: OLD, password: "ngan", repeat: "ngan" })).status).toBe(400);
    expect((await lan.post("/admin/password", { current: OLD, password: NEW, repeat: NEW }, { csrf: null })).status).toBe(403);

    const changed = await lan.post("/admin/password", { current: OLD, password: NEW, repeat: NEW });
    expect(changed.status).toBe(303);
    const fresh = changed.headers.getSetCookie().find((c) => c.startsWith("tlvh_sid="))!.split(";")[0];
    expect((await fetch(`${server.url}/admin/reports`, { redirect: "manual", headers: { cookie: fresh, accept: "text/html" } })).status).toBe(200);
    // Every earlier session of the account ended, this browser's and the other device's.
    expect((await otherDevice.get("/admin/reports")).status).toBe(303);
    expect((await lan.get("/admin/reports")).status).toBe(303);

    await expect(signIn(server, "lan", OLD)).rejects.toThrow(/401/);
    expect((await signIn(server, "lan", NEW)).cookie).toMatch(/^tlvh_sid=/);
  });
});
