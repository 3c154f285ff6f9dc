import { consolePages } from "../../src/app/console-pages.js";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Router } from "express";
import type { Report } from "../../src/domain/report.js";
import { createWeb } from "../../src/web/index.js";
import { StaffUsers } from "../../src/web/auth/staff-users.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { postLogin, sampleReport, signIn, type ConsoleClient } from "./web-test-kit.js";

/** The console's access rules over HTTP: no way in without a session or token, units kept apart, CSRF enforced. */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
const STAFF_PASSWORD = "mat-khau-can-bo-12";
let server: TestServer;
let store: MemoryStore;
let admin: ConsoleClient;
let culture: ConsoleClient;

beforeAll(async () => {
  store = new MemoryStore();
  server = await startTestServer({ ADMIN_PASSWORD, STAFF_API_TOKEN: "api-token-for-tests" }, { store });
  const users = new StaffUsers(store);
  await users.create({ username: "vhxh", displayName: "Cán bộ Văn hóa", role: "staff", packId: "vo-cuong", unitId: "phong-van-hoa-xa-hoi" }, STAFF_PASSWORD);
  await users.create({ username: "congan", displayName: "Cán bộ Công an", role: "staff", packId: "vo-cuong", unitId: "cong-an-phuong" }, STAFF_PASSWORD);
  const reports = store.collection<Report>("reports");
  await reports.set("PA-2026-0001", sampleReport("PA-2026-0001", { unitId: "phong-van-hoa-xa-hoi", possibleDuplicates: ["PA-2026-0002"] }));
  await reports.set("PA-2026-0002", sampleReport("PA-2026-0002", { unitId: "cong-an-phuong", categoryId: "festival-disorder", description: "Bí mật của công an" }));
  await reports.set("PA-2026-0003", sampleReport("PA-2026-0003", { packId: "tan-an", unitId: "phong-van-hoa-xa-hoi" }));
  admin = await signIn(server, "admin", ADMIN_PASSWORD);
  culture = await signIn(server, "vhxh", STAFF_PASSWORD);
});
afterAll(async () => {
  await server.stop();
  nock.cleanAll();
});

/** Every route of the console's router tree, with sample values for its parameters. */
function routesOf(router: Router): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push({ method: method.toUpperCase(), path: String(layer.route.path) });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: any[] }).stack);
  return found.map((r) => ({ ...r, path: r.path.replace(/:pack\b/, "vo-cuong").replace(/:file\b/, "festivals").replace(/:code\b/, "PA-2026-0001").replace(/:[a-zA-Z]+/g, "x") }));
}

describe("without a session", () => {
  it("every /admin route refuses: pages go to sign-in, scripts and forms get 401", async () => {
    const router = await createWeb({ pipeline: server.pipeline, services: server.services, web: server.local.web, pages: consolePages });
    const routes = routesOf(router).filter((r) => r.path.startsWith("/admin") && !r.path.startsWith("/admin/login"));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const page = await fetch(server.url + route.path, { method: route.method, redirect: "manual", headers: { accept: "text/html" } });
      if (route.method === "GET") {
        expect(page.status, `${route.method} ${route.path}`).toBe(303);
        expect(page.headers.get("location"), route.path).toMatch(/^\/admin\/login\?next=/);
      } else expect(page.status, `${route.method} ${route.path}`).toBe(401);
      const script = await fetch(server.url + route.path, { method: route.method, redirect: "manual", headers: { accept: "application/json" } });
      expect(script.status, `${route.method} ${route.path} (json)`).toBe(401);
    }
    // An unknown console path also asks for a session first.
    expect((await fetch(`${server.url}/admin/nothing-here`, { redirect: "manual", headers: { accept: "text/html" } })).status).toBe(303);
  });

  it("a forged or stale session cookie is refused", async () => {
    const response = await fetch(`${server.url}/admin/reports`, { redirect: "manual", headers: { accept: "text/html", cookie: "tlvh_sid=not-a-real-session" } });
    expect(response.status).toBe(303);
  });

  it("every /api route refuses without the bearer token, and with a console session cookie alone", async () => {
    const api = [
      ["GET", "/api/reports"],
      ["GET", "/api/reports/PA-2026-0001"],
      ["POST", "/api/reports/PA-2026-0001/status"],
      ["GET", "/api/registrations"],
      ["POST", "/api/registrations/LH-2026-0001/attendance"],
      ["GET", "/api/handoffs"],
      ["GET", "/api/handoffs/zalo%3Aoa%3Au1"],
      ["POST", "/api/handoffs/zalo%3Aoa%3Au1/reply"],
      ["POST", "/api/handoffs/zalo%3Aoa%3Au1/release"],
    ];
    for (const [method, path] of api) {
      const bare = await fetch(server.url + path, { method, headers: { "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });
      expect(bare.status, `${method} ${path}`).toBe(401);
      // A staff member's console session does not open the API (it has no unit scoping).
      const withCookie = await fetch(server.url + path, { method, headers: { cookie: culture.cookie, "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });
      expect(withCookie.status, `${method} ${path} with a console cookie`).toBe(401);
    }
    const ok = await fetch(`${server.url}/api/reports`, { headers: { authorization: "Bearer api-token-for-tests" } });
    expect(ok.status).toBe(200);
  });
});

describe("staff see only their unit", () => {
  it("the list, the CSV and the detail hold only the unit's reports of the staff member's pack", async () => {
    const list = await (await culture.get("/admin/reports")).text();
    expect(list).toContain("PA-2026-0001");
    expect(list).not.toContain("PA-2026-0002");
    expect(list).not.toContain("PA-2026-0003"); // same unit id, other pack
    // Asking for the other unit in the query changes nothing.
    const forced = await (await culture.get("/admin/reports?unit=cong-an-phuong&pack=tan-an")).text();
    expect(forced).toContain("PA-2026-0001");
    expect(forced).not.toContain("PA-2026-0002");
    const csv = await (await culture.get("/admin/reports.csv", "text/csv")).text();
    expect(csv).toContain("PA-2026-0001");
    expect(csv).not.toContain("PA-2026-0002");

    expect((await culture.get("/admin/reports/PA-2026-0002")).status).toBe(404);
    const detail = await (await culture.get("/admin/reports/PA-2026-0001")).text();
    // The possible duplicate belongs to another unit: not even its code is shown.
    expect(detail).not.toContain("PA-2026-0002");
    expect(detail).not.toContain("Bí mật của công an");
  });

  it("cannot change another unit's report", async () => {
    const response = await culture.post("/admin/reports/PA-2026-0002/status", { status: "resolved", note: "xong" });
    expect(response.status).toBe(404);
    expect((await store.collection<Report>("reports").get("PA-2026-0002"))!.status).toBe("received");
  });

  it("the admin sees every unit and pack", async () => {
    const list = await (await admin.get("/admin/reports")).text();
    for (const code of ["PA-2026-0001", "PA-2026-0002", "PA-2026-0003"]) expect(list).toContain(code);
  });

  it("staff cannot open admin pages (accounts, content, analytics, yearly report)", async () => {
    for (const path of ["/admin/accounts", "/admin/content", "/admin/analytics", "/admin/yearly", "/admin/yearly.csv"]) {
      expect((await culture.get(path)).status, path).toBe(403);
    }
    const created = await culture.post("/admin/accounts", { username: "hacker", displayName: "X", role: "admin", password: "mat-khau-dai-dai" });
    expect(created.status).toBe(403);
    expect(await new StaffUsers(store).get("hacker")).toBeUndefined();
  });
});

describe("CSRF", () => {
  it("a state change without the session's token is rejected and changes nothing", async () => {
    const missing = await admin.post("/admin/reports/PA-2026-0001/status", { status: "in_progress", note: "Đang xem" }, { csrf: null });
    expect(missing.status).toBe(403);
    const wrong = await admin.post("/admin/reports/PA-2026-0001/status", { status: "in_progress", note: "Đang xem" }, { csrf: culture.csrf });
    expect(wrong.status).toBe(403);
    expect((await store.collection<Report>("reports").get("PA-2026-0001"))!.status).toBe("received");
    const header = await fetch(`${server.url}/admin/accounts`, { method: "POST", headers: { cookie: admin.cookie, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ username: "x1", displayName: "X", role: "staff", unit: "vo-cuong|cong-an-phuong", password: "mat-khau-dai-dai" }) });
    expect(header.status).toBe(403);
    const ok = await admin.post("/admin/reports/PA-2026-0001/status", { status: "in_progress", note: "Đang xem" });
    expect(ok.status).toBe(303);
    expect((await store.collection<Report>("reports").get("PA-2026-0001"))!.status).toBe("in_progress");
  });

  it("the sign-in form needs its own token; sign-out needs the session's", async () => {
    const response = await fetch(`${server.url}/admin/login`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ username: "admin", password: ADMIN_PASSWORD }) });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("tlvh_sid="))).toBe(false);
    const logout = await admin.post("/admin/logout", {}, { csrf: null });
    expect(logout.status).toBe(403);
    expect((await admin.get("/admin/reports")).status).toBe(200);
  });
});

describe("sign-in", () => {
  it("sets an httpOnly SameSite session cookie, stored hashed, and survives a restart on the same store", async () => {
    const response = await postLogin(server, "vhxh", STAFF_PASSWORD);
    const set = response.headers.getSetCookie().find((c) => c.startsWith("tlvh_sid="))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    const raw = set.split(";")[0].slice("tlvh_sid=".length);
    const stored = await store.collection<{ id: string }>("sessions").find();
    expect(stored.some((s) => s.id === raw)).toBe(false); // only the hash is kept
    expect(response.headers.get("x-frame-options")).toBeTruthy(); // helmet headers are on

    const again = await startTestServer({ ADMIN_PASSWORD }, { store });
    try {
      const page = await fetch(`${again.url}/admin/reports`, { redirect: "manual", headers: { accept: "text/html", cookie: `tlvh_sid=${raw}` } });
      expect(page.status).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it("a wrong password is refused (the back-off per address: test/api/api-keys.test.ts)", async () => {
    expect((await postLogin(server, "congan", "sai-mat-khau")).status).toBe(401);
  });

  it("the first admin comes from ADMIN_PASSWORD and its hash is scrypt, not the password", async () => {
    const adminUser = await new StaffUsers(store).get("admin");
    expect(adminUser?.role).toBe("admin");
    expect(adminUser?.passwordHash).toMatch(/^scrypt\$/);
    expect(adminUser?.passwordHash).not.toContain(ADMIN_PASSWORD);
  });
});
