import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/domain/report.js";
import { quickReport, ZaloPerson } from "../helpers/chat.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { callApi, STAFF_TOKEN } from "./staff-api-client.js";

/** /api/reports/:code/transfer, /assign, /notes over HTTP: what the reporter is told, and what never is. */

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN });
  server.services.notifier = { notify: async () => undefined };
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

describe("report lifecycle API", () => {
  it("transfers (reporter told the unit), assigns and keeps internal notes (reporter told nothing)", async () => {
    const person = new ZaloPerson(server);
    const code = await quickReport(person);
    let before = person.count;
    const moved = await callApi(server, "POST", `/api/reports/${code}/transfer`, { body: { unit: "cong-an-phuong", by: "can-bo-lan" } });
    expect(moved.status).toBe(200);
    expect(moved.body.report.unitId).toBe("cong-an-phuong");
    await server.settle();
    expect(person.textSince(before)).toBe(`Phản ánh ${code} của bạn đã được chuyển tới Công an phường Võ Cường để xử lý.`);

    before = person.count;
    expect((await callApi(server, "POST", `/api/reports/${code}/assign`, { body: { assignee: "lan" } })).body.report.assignee).toBe("lan");
    const noted = await callApi(server, "POST", `/api/reports/${code}/notes`, { body: { text: "Đối tượng quen, đã nhắc lần hai", by: "lan" } });
    expect(noted.body.report.internalNotes).toEqual([{ at: expect.any(Number), by: "lan", text: "Đối tượng quen, đã nhắc lần hai" }]);
    await server.settle();
    expect(person.count).toBe(before);
    expect(await person.say(`tra cứu ${code}`)).not.toContain("Đối tượng quen");
    const stored = await server.store.collection<Report>("reports").get(code);
    expect(stored?.activity?.map((a) => a.kind)).toEqual(["transfer", "assign"]);
  });

  it("refuses a unit that is not in the report's pack, the same unit, and an empty note", async () => {
    const code = await quickReport(new ZaloPerson(server));
    expect((await callApi(server, "POST", `/api/reports/${code}/transfer`, { body: { unit: "so-ngoai-vu" } })).status).toBe(400);
    expect((await callApi(server, "POST", `/api/reports/${code}/transfer`, { body: { unit: "phong-van-hoa-xa-hoi" } })).status).toBe(400);
    expect((await callApi(server, "POST", `/api/reports/${code}/notes`, { body: { text: "  " } })).status).toBe(400);
    expect((await callApi(server, "POST", "/api/reports/PA-2026-9999/notes", { body: { text: "x" } })).status).toBe(404);
  });
});
