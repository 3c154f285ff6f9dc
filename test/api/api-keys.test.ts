import nock from "nock";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { API_LIMITS } from "../../src/api/auth.js";
import type { Report } from "../../src/domain/report.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { StaffUsers } from "../../src/web/auth/staff-users.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { postLogin, sampleReport, signIn, type ConsoleClient } from "../web/web-test-kit.js";
import { callApi, createApiKey } from "./staff-api-client.js";

/** Issue 15 item 2: the staff API's own keys — made, used and revoked over HTTP, scoped, limited, logged. */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  nock.cleanAll();
});

async function start(env: Record<string, string> = {}) {
  const store = new MemoryStore();
  const logs: string[] = [];
  server = await startTestServer({ ADMIN_PASSWORD, ...env }, { store, logger: pino({ level: "info" }, { write: (line: string) => void logs.push(line) }) });
  await store.collection<Report>("reports").set("PA-2026-0001", sampleReport("PA-2026-0001", { unitId: "phong-van-hoa-xa-hoi" }));
  await store.collection<Report>("reports").set("PA-2026-0002", sampleReport("PA-2026-0002", { unitId: "cong-an-phuong", description: "Việc của công an" }));
  const admin = await signIn(server, "admin", ADMIN_PASSWORD);
  return { server, store, logs, admin };
}

describe("API keys of their own", () => {
  it("an admin makes a key in the console, it works over HTTP, is stored only hashed, and stops at once when revoked", async () => {
    const { server, store, admin } = await start();
    const { id, secret } = await createApiKey(admin, "Cổng dịch vụ công");
    expect(secret).toMatch(/^tlvh_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(await store.collection("api_keys").find());
    expect(stored).not.toContain(secret.split("_").at(-1)!);
    expect(stored).toContain(id);

    const listed = await callApi(server, "GET", "/api/reports", { token: secret });
    expect(listed.status).toBe(200);
    expect(listed.body.reports.map((r: Report) => r.code).sort()).toEqual(["PA-2026-0001", "PA-2026-0002"]);
    const changed = await callApi(server, "POST", "/api/reports/PA-2026-0001/status", { token: secret, body: { status: "in_progress", note: "Đang xác minh" } });
    expect(changed.status).toBe(200);
    expect(changed.body.report.history.at(-1).by).toBe("api:Cổng dịch vụ công");

    // Shown once: the list page names the key but never shows it again.
    const page = await (await admin.get("/admin/api-keys")).text();
    expect(page).toContain("Cổng dịch vụ công");
    expect(page).toContain(`tlvh_${id}_…`);
    expect(page).not.toContain(secret);

    expect((await admin.post(`/admin/api-keys/${id}/revoke`, {})).status).toBe(303);
    const refused = await callApi(server, "GET", "/api/reports", { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("This API key was revoked");
  });

  it("only admins make or revoke keys, with the session's CSRF token", async () => {
    const { server, admin } = await start();
    await new StaffUsers(server.store).create({ username: "vhxh", displayName: "Cán bộ", role: "staff", packId: "vo-cuong", unitId: "phong-van-hoa-xa-hoi" }, "mat-khau-can-bo-12");
    const staff = await signIn(server, "vhxh", "mat-khau-can-bo-12");
    expect((await staff.post("/admin/api-keys", { name: "x", unit: "" })).status).toBe(403);
    expect((await admin.post("/admin/api-keys", { name: "x", unit: "" }, { csrf: null })).status).toBe(403);
    const { id } = await createApiKey(admin, "Hệ thống A");
    expect((await staff.post(`/admin/api-keys/${id}/revoke`, {})).status).toBe(403);
    expect(await server.store.collection("api_keys").find()).toHaveLength(1);
  });

  it("ADMIN_PASSWORD is not an API token any more", async () => {
    const { server } = await start();
    const response = await callApi(server, "GET", "/api/reports", { token: ADMIN_PASSWORD });
    expect(response.status).toBe(401);
    expect(response.body.error).toBe("Invalid API key");
  });

  it("a key scoped to one unit sees only that unit's reports", async () => {
    const { server, admin } = await start();
    const { secret } = await createApiKey(admin, "Công an phường", "vo-cuong|cong-an-phuong");
    const list = await callApi(server, "GET", "/api/reports", { token: secret });
    expect(list.body.reports.map((r: Report) => r.code)).toEqual(["PA-2026-0002"]);
    // Another unit's report reads as missing, and cannot be changed.
    expect((await callApi(server, "GET", "/api/reports/PA-2026-0001", { token: secret })).status).toBe(404);
    expect((await callApi(server, "GET", "/api/reports?unit=phong-van-hoa-xa-hoi", { token: secret })).body.count).toBe(0);
    expect((await callApi(server, "POST", "/api/reports/PA-2026-0001/status", { token: secret, body: { status: "resolved" } })).status).toBe(404);
    expect((await server.store.collection<Report>("reports").get("PA-2026-0001"))!.status).toBe("received");
    expect((await callApi(server, "GET", "/api/reports/PA-2026-0002", { token: secret })).status).toBe(200);
    expect((await callApi(server, "GET", "/api/dead-letters", { token: secret })).status).toBe(403);
  });

  it("refused keys are logged with the address and reason, never the key; after too many, 429 with Retry-After", async () => {
    const { server, admin, logs } = await start();
    const { secret } = await createApiKey(admin, "Hệ thống B");
    const wrong = `${secret.slice(0, -4)}AAAA`;
    for (let i = 0; i < API_LIMITS.failuresPerAddress.limit; i++) {
      expect((await callApi(server, "GET", "/api/reports", { token: i % 2 ? wrong : "doan-mo-mat-khau" })).status).toBe(401);
    }
    const limited = await callApi(server, "GET", "/api/reports", { token: secret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const refusals = logs.filter((line) => line.includes("credentials refused"));
    expect(refusals).toHaveLength(API_LIMITS.failuresPerAddress.limit);
    expect(refusals.some((line) => line.includes('"reason":"wrong secret"'))).toBe(true);
    expect(logs.join("\n")).not.toContain(wrong);
    expect(logs.join("\n")).not.toContain("doan-mo-mat-khau");
    expect(logs.join("\n")).not.toContain(secret);
  });

  it("each key has its own request limit (429 with Retry-After); other keys go on", async () => {
    const { server, admin } = await start();
    const first = await createApiKey(admin, "Khóa 1");
    const second = await createApiKey(admin, "Khóa 2");
    const statuses: number[] = [];
    for (let i = 0; i < API_LIMITS.requestsPerKey.limit; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => callApi(server!, "GET", "/api/handoffs", { token: first.secret })));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await callApi(server, "GET", "/api/handoffs", { token: first.secret });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await callApi(server, "GET", "/api/handoffs", { token: second.secret })).status).toBe(200);
  });

  it("X-Forwarded-For is ignored unless TRUST_PROXY says which hop to trust", async () => {
    const { server } = await start();
    const guess = (n: number) => fetch(`${server.url}/api/reports`, { headers: { authorization: "Bearer tlvh_0000000000000000_guess", "x-forwarded-for": `198.51.100.${n}` } });
    for (let i = 0; i < API_LIMITS.failuresPerAddress.limit; i++) await guess(i);
    expect((await guess(200)).status).toBe(429); // every guess came from the same socket address
    await server.stop();

    const behindProxy = await start({ TRUST_PROXY: "1" });
    const guessVia = (n: number) => fetch(`${behindProxy.server.url}/api/reports`, { headers: { authorization: "Bearer tlvh_0000000000000000_guess", "x-forwarded-for": `198.51.100.${n}` } });
    for (let i = 0; i < API_LIMITS.failuresPerAddress.limit; i++) await guessVia(i);
    expect((await guessVia(200)).status).toBe(401); // a new client behind the trusted proxy
  });
});

describe("console sign-in back-off", () => {
  const attempt = (s: TestServer, username: string, password: string, forwardedFor?: string) => postLogin(s, username, password, forwardedFor ? { "x-forwarded-for": forwardedFor } : {});

  it("failures slow down the address that made them, never the right password from another address", async () => {
    const { server } = await start({ TRUST_PROXY: "1" });
    for (let i = 0; i < 6; i++) expect((await attempt(server, "admin", "sai-mat-khau", "203.0.113.7")).status).toBe(401);
    const slowed = await attempt(server, "admin", ADMIN_PASSWORD, "203.0.113.7");
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await attempt(server, "admin", ADMIN_PASSWORD, "198.51.100.20")).status).toBe(303);
  });

  it("without TRUST_PROXY a forged X-Forwarded-For does not give a fresh address", async () => {
    const { server } = await start();
    for (let i = 0; i < 6; i++) await attempt(server, "admin", "sai-mat-khau", `203.0.113.${i}`);
    expect((await attempt(server, "admin", ADMIN_PASSWORD, "198.51.100.20")).status).toBe(429);
  });
});

describe("limits are tested, not guessed", () => {
  it("the back-off doubles per failure after the free ones and is capped", async () => {
    const { LoginBackoff } = await import("../../src/web/auth/login-backoff.js");
    let now = 0;
    const backoff = new LoginBackoff(() => now, { free: 2, baseMs: 1000, maxMs: 8000, forgetMs: 60_000, maxEntries: 2 });
    expect([1, 2, 3, 4, 5, 6, 7].map(() => backoff.failed("a"))).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
    expect(backoff.waitMs("b")).toBe(0);
    now += 70_000;
    expect(backoff.waitMs("a")).toBe(0); // forgotten
    backoff.failed("b");
    backoff.failed("c");
    backoff.failed("d"); // bounded: the oldest address is dropped
    expect(backoff.waitMs("b")).toBe(0);
  });
});

export type { ConsoleClient };
