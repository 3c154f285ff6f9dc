import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { MENU } from "../../src/shared/menu.js";
import { canonicalCode, nextTicketCode } from "../../src/shared/ticket-code.js";
import type { Report } from "../../src/domain/report.js";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { quickReport, tempDir, ZaloPerson } from "../helpers/chat.js";

/** Ticket codes survive restarts and are never reused; a dialog resumes at its step after a restart. */

let servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers) await server.stop().catch(() => undefined);
  servers = [];
  nock.cleanAll();
});

async function start(dir: string): Promise<TestServer> {
  const server = await startTestServer({}, { store: new LowdbStore({ dir }) });
  server.services.notifier = { notify: async () => undefined };
  servers.push(server);
  return server;
}

describe("ticket codes", () => {
  it("PA-<year>-<at least 4 digits>, per prefix and year", async () => {
    const store = new MemoryStore();
    expect(await nextTicketCode(store, "PA", "2026-11-25")).toBe("PA-2026-0001");
    expect(await nextTicketCode(store, "PA", "2026-12-31")).toBe("PA-2026-0002");
    expect(await nextTicketCode(store, "LH", "2026-11-25")).toBe("LH-2026-0001");
    expect(await nextTicketCode(store, "PA", "2027-01-01")).toBe("PA-2027-0001");
    expect(canonicalCode("pa 2026 7")).toBe("PA-2026-0007");
    expect(canonicalCode("PA-2026-12345")).toBe("PA-2026-12345");
    expect(canonicalCode("hello")).toBeUndefined();
  });

  it("continue across a restart on the same data, and a number taken before a crash is never reused", async () => {
    const dir = tempDir("codes-");
    const first = await start(dir);
    expect(await quickReport(new ZaloPerson(first))).toBe("PA-2026-0001");
    // A crash right after taking a number and before saving the report: that number is gone for good.
    expect(await first.store.nextSequence("PA-2026")).toBe(2);
    await first.stop();
    servers = [];
    nock.cleanAll();

    const second = await start(dir);
    expect(await quickReport(new ZaloPerson(second, "222"), "Có người xem bói lấy tiền ở cổng đền", "đền Bà Chúa Kho")).toBe("PA-2026-0003");
    const codes = (await second.store.collection<Report>("reports").find()).map((r) => r.code).sort();
    expect(codes).toEqual(["PA-2026-0001", "PA-2026-0003"]);
  });

  it("a restart mid-dialog resumes at the same step", async () => {
    const dir = tempDir("resume-");
    const first = await start(dir);
    const person = new ZaloPerson(first);
    await person.tap(MENU.report);
    await person.tap("report:cat:relic-harm");
    expect(await person.say("Có người lấn chiếm sân đình làm bãi xe")).toContain("xảy ra ở đâu");
    await first.stop();
    servers = [];
    nock.cleanAll();

    const second = await start(dir);
    const again = new ZaloPerson(second);
    expect(await again.say("sân đình Đông Xá")).toContain("khi nào");
    await again.tap("dialog:skip");
    await again.tap("dialog:skip");
    const summary = await again.say("ẩn danh");
    expect(summary).toContain("• Nội dung: Có người lấn chiếm sân đình làm bãi xe");
    expect(summary).toContain("• Địa điểm: sân đình Đông Xá");
  });
});
