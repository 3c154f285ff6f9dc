import express from "express";
import nock from "nock";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApiRouter } from "../../src/api/create-api-router.js";
import type { Conversation } from "../../src/core/conversation.js";
import type { Handoff } from "../../src/domain/handoff.js";
import type { Registration } from "../../src/domain/registration.js";
import type { Report } from "../../src/domain/report.js";
import { recordZaloSends, startTestServer, type TestServer } from "../helpers/test-server.js";
import { callApi, handoffPath, STAFF_TOKEN } from "./staff-api-client.js";

const NOW = Date.parse("2026-11-25T03:00:00Z");
const DAY = 24 * 3_600_000;
const OA = "579745863508352884";
const person = (userId: string) => ({ key: `zalo:${OA}:${userId}`, channel: "zalo", accountId: OA, userId });

function report(code: string, fields: Partial<Report> = {}): Report {
  return {
    code,
    packId: "vo-cuong",
    categoryId: "karaoke",
    unitId: "cong-an-phuong",
    description: "Hát karaoke quá 22 giờ",
    evidence: [],
    contact: { anonymous: true },
    reporter: person("reporter-1"),
    language: "vi",
    status: "received",
    history: [{ at: NOW - DAY, status: "received", by: "bot" }],
    possibleDuplicates: [],
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    ...fields,
  };
}

function registration(code: string, fields: Partial<Registration> = {}): Registration {
  return {
    code,
    packId: "vo-cuong",
    classId: "lop-quan-ho",
    fullName: "Nguyễn Thị Lan",
    phone: "0912345678",
    status: "registered",
    attendance: [],
    person: person("learner-1"),
    language: "vi",
    createdAt: NOW - DAY,
    ...fields,
  };
}

/** Every route, with a body where it takes one: all must refuse a missing or wrong token. */
const ROUTES: ["GET" | "POST", string, unknown?][] = [
  ["GET", "/api/reports"],
  ["GET", "/api/reports/PA-2026-0001"],
  ["POST", "/api/reports/PA-2026-0001/status", { status: "resolved" }],
  ["GET", "/api/registrations"],
  ["POST", "/api/registrations/LH-2026-0001/attendance", { date: "2026-12-05", present: true }],
  ["GET", "/api/handoffs"],
  ["GET", handoffPath(`zalo:${OA}:u1`)],
  ["POST", `${handoffPath(`zalo:${OA}:u1`)}/reply`, { text: "Chào bạn" }],
  ["POST", `${handoffPath(`zalo:${OA}:u1`)}/release`],
  ["GET", "/api/no-such-route"],
];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  nock.cleanAll();
});

describe("staff API authentication", () => {
  it("refuses every route without a token, with a wrong one, or with another scheme; the report is unchanged", async () => {
    server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN }, { now: () => NOW });
    await server.store.collection<Report>("reports").set("PA-2026-0001", report("PA-2026-0001"));
    for (const [method, path, body] of ROUTES) {
      for (const token of [null, "wrong-token", STAFF_TOKEN.slice(0, -1), ""]) {
        const response = await callApi(server, method, path, { token, body });
        // After 10 wrong keys from this address, even more guesses get 429 (test/api/api-keys.test.ts).
        expect([401, 429], `${method} ${path} with ${token}`).toContain(response.status);
        if (response.status === 401) {
          expect(response.body.error).toMatch(/credentials|Invalid API key/);
          expect(response.headers.get("www-authenticate")).toContain("Bearer");
        }
      }
      const basic = await fetch(server.url + path, { method, headers: { authorization: `Basic ${Buffer.from(`admin:${STAFF_TOKEN}`).toString("base64")}` } });
      expect([401, 429]).toContain(basic.status);
    }
    expect((await server.store.collection<Report>("reports").get("PA-2026-0001"))!.status).toBe("received");
  });

  it("accepts STAFF_API_TOKEN; ADMIN_PASSWORD is no token (console keys: test/api/api-keys.test.ts)", async () => {
    server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN, ADMIN_PASSWORD: "mat-khau-quan-tri" });
    expect((await callApi(server, "GET", "/api/reports")).status).toBe(200);
    expect((await callApi(server, "GET", "/api/reports", { token: "mat-khau-quan-tri" })).status).toBe(401);
  });

  it("with no STAFF_API_TOKEN and no console key every token is refused", async () => {
    server = await startTestServer();
    for (const [method, path, body] of ROUTES.slice(0, 5)) {
      const response = await callApi(server, method, path, { token: "anything", body });
      expect(response.status).toBe(401);
      expect(response.body.error).toBe("Invalid API key");
    }
  });

  it("an extra check (the console's session) lets a request in without a token", async () => {
    server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN });
    const app = express();
    app.use("/api", createApiRouter(server.services, { extraAuth: (req) => req.header("x-test-session") === "ok" }));
    const listening = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/api/handoffs`;
    try {
      expect((await fetch(url, { headers: { "x-test-session": "ok" } })).status).toBe(200);
      expect((await fetch(url, { headers: { "x-test-session": "no" } })).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } })).status).toBe(200);
    } finally {
      await new Promise((resolve) => listening.close(resolve));
    }
  });
});

describe("/api/reports", () => {
  beforeEach(async () => {
    server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN }, { now: () => NOW });
    const reports = server.store.collection<Report>("reports");
    await reports.set("PA-2026-0001", report("PA-2026-0001", { createdAt: Date.parse("2026-11-01T02:00:00Z") }));
    await reports.set("PA-2026-0002", report("PA-2026-0002", { createdAt: Date.parse("2026-11-20T02:00:00Z"), categoryId: "le-hoi", unitId: "phong-van-hoa-xa-hoi", status: "in_progress" }));
    // 23:30 on 24/11 in Hà Nội is still 24/11 there, though 25/11 has begun nowhere yet in UTC terms: 16:30Z.
    await reports.set("PA-2026-0003", report("PA-2026-0003", { createdAt: Date.parse("2026-11-24T16:30:00Z") }));
  });

  it("lists newest first and filters by status, category, unit, pack and Vietnam-time days", async () => {
    const codes = async (query: string) => {
      const response = await callApi(server!, "GET", `/api/reports${query}`);
      expect(response.status, query).toBe(200);
      expect(response.body.count).toBe(response.body.reports.length);
      return response.body.reports.map((r: Report) => r.code);
    };
    expect(await codes("")).toEqual(["PA-2026-0003", "PA-2026-0002", "PA-2026-0001"]);
    expect(await codes("?status=received")).toEqual(["PA-2026-0003", "PA-2026-0001"]);
    expect(await codes("?category=le-hoi")).toEqual(["PA-2026-0002"]);
    expect(await codes("?unit=cong-an-phuong")).toEqual(["PA-2026-0003", "PA-2026-0001"]);
    expect(await codes("?pack=other-pack")).toEqual([]);
    expect(await codes("?from=2026-11-20&to=2026-11-20")).toEqual(["PA-2026-0002"]);
    expect(await codes("?from=2026-11-25")).toEqual([]);
    expect(await codes("?to=2026-11-24&from=2026-11-21")).toEqual(["PA-2026-0003"]);
  });

  it("reads one report; an unknown code is 404", async () => {
    const found = await callApi(server!, "GET", "/api/reports/PA-2026-0002");
    expect(found.status).toBe(200);
    expect(found.body.report).toMatchObject({ code: "PA-2026-0002", status: "in_progress" });
    const missing = await callApi(server!, "GET", "/api/reports/PA-2026-9999");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain("PA-2026-9999");
  });

  it("changes the status with a note, records who, and tells the reporter on their channel", async () => {
    const sent = recordZaloSends();
    const reporter = person("reporter-1");
    await server!.services.conversations.save({ ...reporter, firstSeenAt: NOW - DAY, lastInboundAt: NOW - DAY, transcript: [], state: {} } as Conversation);
    const response = await callApi(server!, "POST", "/api/reports/PA-2026-0001/status", { body: { status: "resolved", note: "Đã nhắc nhở hộ kinh doanh" } });
    expect(response.status).toBe(200);
    expect(response.body.report.status).toBe("resolved");
    expect(response.body.report.history.at(-1)).toEqual({ at: NOW, status: "resolved", note: "Đã nhắc nhở hộ kinh doanh", by: "api" });
    expect((await server!.store.collection<Report>("reports").get("PA-2026-0001"))!.status).toBe("resolved");
    const toReporter = sent.filter((s) => s.body.recipient.user_id === "reporter-1").map((s) => s.body.message.text).join("\n");
    expect(toReporter).toContain("PA-2026-0001");
    expect(toReporter).toContain("Đã xử lý");

    const named = await callApi(server!, "POST", "/api/reports/PA-2026-0001/status", { body: { status: "resolved", note: "Bổ sung", by: "can-bo-lan" } });
    expect(named.body.report.history.at(-1).by).toBe("can-bo-lan");
  });

  it("validates filters and bodies with 400s naming the field; unknown code 404", async () => {
    const bad: [string, string, unknown, string][] = [
      ["GET", "/api/reports?status=done", undefined, "status"],
      ["GET", "/api/reports?from=2026-13-01", undefined, "from"],
      ["GET", "/api/reports?from=2026-02-30", undefined, "from"],
      ["GET", "/api/reports?from=2026-11-20&to=2026-11-01", undefined, "to"],
      ["GET", "/api/reports?categoy=le-hoi", undefined, "categoy"],
      ["POST", "/api/reports/PA-2026-0001/status", {}, "status"],
      ["POST", "/api/reports/PA-2026-0001/status", { status: "closed" }, "status"],
      ["POST", "/api/reports/PA-2026-0001/status", { status: "resolved", note: 42 }, "note"],
      ["POST", "/api/reports/PA-2026-0001/status", { status: "resolved", note: "x".repeat(1001) }, "note"],
      ["POST", "/api/reports/PA-2026-0001/status", { status: "resolved", color: "red" }, "color"],
      ["POST", "/api/reports/PA-2026-0001/status", ["resolved"], "body"],
    ];
    for (const [method, path, body, field] of bad) {
      const response = await callApi(server!, method as "GET" | "POST", path, { body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error).toContain(field);
    }
    const missing = await callApi(server!, "POST", "/api/reports/PA-2026-9999/status", { body: { status: "resolved" } });
    expect(missing.status).toBe(404);
    expect((await server!.store.collection<Report>("reports").get("PA-2026-0001"))!.status).toBe("received");
  });

  it("malformed JSON is 400, a body that is not JSON 415, too large 413; the server keeps serving", async () => {
    const malformed = await callApi(server!, "POST", "/api/reports/PA-2026-0001/status", { raw: '{"status": "resolved"' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe("Malformed JSON body");
    const form = await callApi(server!, "POST", "/api/reports/PA-2026-0001/status", { raw: "status=resolved", contentType: "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const big = await callApi(server!, "POST", "/api/reports/PA-2026-0001/status", { body: { status: "resolved", note: "x".repeat(120_000) } });
    expect(big.status).toBe(413);
    expect((await callApi(server!, "GET", "/api/reports")).status).toBe(200);
  });
});

describe("/api/registrations", () => {
  beforeEach(async () => {
    server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN }, { now: () => NOW });
    const registrations = server.store.collection<Registration>("registrations");
    await registrations.set("LH-2026-0001", registration("LH-2026-0001", { createdAt: NOW - 3 * DAY }));
    await registrations.set("LH-2026-0002", registration("LH-2026-0002", { status: "waiting", createdAt: NOW - 2 * DAY }));
    await registrations.set("LH-2026-0003", registration("LH-2026-0003", { classId: "lop-trong", packId: "bac-ninh", createdAt: NOW - DAY }));
  });

  it("lists in the waiting list's order and filters by class, pack and status", async () => {
    const codes = async (query: string) => (await callApi(server!, "GET", `/api/registrations${query}`)).body.registrations.map((r: Registration) => r.code);
    expect(await codes("")).toEqual(["LH-2026-0001", "LH-2026-0002", "LH-2026-0003"]);
    expect(await codes("?classId=lop-quan-ho")).toEqual(["LH-2026-0001", "LH-2026-0002"]);
    expect(await codes("?status=waiting")).toEqual(["LH-2026-0002"]);
    expect(await codes("?pack=bac-ninh")).toEqual(["LH-2026-0003"]);
  });

  it("marks attendance and takes it back", async () => {
    const path = "/api/registrations/LH-2026-0001/attendance";
    expect((await callApi(server!, "POST", path, { body: { date: "2026-12-05", present: true } })).body.registration.attendance).toEqual(["2026-12-05"]);
    expect((await callApi(server!, "POST", path, { body: { date: "2026-12-12", present: true } })).body.registration.attendance).toEqual(["2026-12-05", "2026-12-12"]);
    expect((await callApi(server!, "POST", path, { body: { date: "2026-12-05", present: false } })).body.registration.attendance).toEqual(["2026-12-12"]);
  });

  it("400 for bad input naming the field, 404 for an unknown code", async () => {
    const path = "/api/registrations/LH-2026-0001/attendance";
    const cases: [unknown, string][] = [
      [{ present: true }, "date"],
      [{ date: "05/12/2026", present: true }, "date"],
      [{ date: "2026-12-05" }, "present"],
      [{ date: "2026-12-05", present: "yes" }, "present"],
    ];
    for (const [body, field] of cases) {
      const response = await callApi(server!, "POST", path, { body });
      expect(response.status).toBe(400);
      expect(response.body.error).toContain(field);
      expect(response.body.issues[0].field).toBe(field);
    }
    expect((await callApi(server!, "GET", "/api/registrations?status=done")).status).toBe(400);
    expect((await callApi(server!, "POST", "/api/registrations/LH-2026-0099/attendance", { body: { date: "2026-12-05", present: true } })).status).toBe(404);
  });
});

describe("/api/handoffs", () => {
  beforeEach(async () => {
    server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN }, { now: () => NOW });
    const handoffs = server.store.collection<Handoff>("handoffs");
    const base = { packId: "vo-cuong", reason: "asked" as const };
    await handoffs.set(person("u1").key, { ...base, key: person("u1").key, person: person("u1"), status: "open", openedAt: NOW - 3_600_000 });
    await handoffs.set(person("u2").key, { ...base, key: person("u2").key, person: person("u2"), status: "released", openedAt: NOW - DAY, closedAt: NOW - 3_600_000 });
  });

  it("lists newest first, filters by status, reads one with the transcript", async () => {
    const all = await callApi(server!, "GET", "/api/handoffs");
    expect(all.body.handoffs.map((h: Handoff) => h.person.userId)).toEqual(["u1", "u2"]);
    const open = await callApi(server!, "GET", "/api/handoffs?status=open");
    expect(open.body.handoffs.map((h: Handoff) => h.person.userId)).toEqual(["u1"]);
    await server!.services.conversations.save({ ...person("u1"), firstSeenAt: NOW, lastInboundAt: NOW, transcript: [{ at: NOW, from: "person", text: "alo" }], state: {} } as Conversation);
    const one = await callApi(server!, "GET", handoffPath(person("u1").key));
    expect(one.status).toBe(200);
    expect(one.body.handoff.status).toBe("open");
    expect(one.body.transcript).toEqual([{ at: NOW, from: "person", text: "alo" }]);
  });

  it("400 for bad input, 404 for an unknown conversation, 409 for a closed handoff", async () => {
    const u1 = handoffPath(person("u1").key);
    expect((await callApi(server!, "GET", "/api/handoffs?status=waiting")).status).toBe(400);
    for (const body of [{}, { text: "" }, { text: "   " }, { text: 7 }, { text: "x".repeat(2001) }]) {
      const response = await callApi(server!, "POST", `${u1}/reply`, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toContain("text");
    }
    expect((await callApi(server!, "POST", `${u1}/release`, { body: { reason: "x" } })).status).toBe(400);
    const unknown = handoffPath(person("nobody").key);
    expect((await callApi(server!, "GET", unknown)).status).toBe(404);
    expect((await callApi(server!, "POST", `${unknown}/reply`, { body: { text: "Chào" } })).status).toBe(404);
    expect((await callApi(server!, "POST", `${unknown}/release`)).status).toBe(404);
    const closed = await callApi(server!, "POST", `${handoffPath(person("u2").key)}/reply`, { body: { text: "Chào" } });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toContain("released");
  });

  it("unknown API routes are JSON 404s", async () => {
    const response = await callApi(server!, "GET", "/api/no-such-route");
    expect(response.status).toBe(404);
    expect(response.body.error).toContain("/api/no-such-route");
  });
});
