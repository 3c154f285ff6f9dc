import { describe, expect, it } from "vitest";
import type { Services } from "../../src/shared/services.js";
import type { Report } from "../../src/domain/report.js";
import { fileReport } from "../../src/features/reports/file-report.js";
import { ReportService } from "../../src/features/reports/report-service.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { updateDocument } from "../../src/store/update-document.js";
import { withSlowReads } from "../helpers/slow-store.js";
import { sharedKnowledge } from "../helpers/test-server.js";

describe("updateDocument", () => {
  it("keeps every one of many changes made at once to one document", async () => {
    const counters = withSlowReads(new MemoryStore()).collection<{ count: number; revision?: number }>("counters");
    await counters.set("visits", { count: 0 });
    await Promise.all(Array.from({ length: 10 }, () => updateDocument(counters, "visits", (doc) => doc && { ...doc, count: doc.count + 1 })));
    expect(await counters.get("visits")).toMatchObject({ count: 10 });
  });

  it("writes nothing when the change returns undefined, and creates a document the change makes from nothing", async () => {
    const docs = new MemoryStore().collection<{ n: number }>("docs");
    expect(await updateDocument(docs, "a", (doc) => doc && { n: doc.n + 1 })).toBeUndefined();
    expect(await docs.get("a")).toBeUndefined();
    expect(await updateDocument(docs, "a", (doc) => ({ n: (doc?.n ?? 0) + 1 }))).toEqual({ n: 1, revision: 1 });
  });
});

describe("reports changed by several people at once", () => {
  const pack = sharedKnowledge().content.packs.get("vo-cuong")!;
  const setUp = () => {
    const store = withSlowReads(new MemoryStore());
    const told: string[] = [];
    let clock = Date.parse("2026-11-25T03:00:00Z");
    const services = {
      store,
      today: () => "2026-11-25",
      now: () => (clock += 1_000),
      outbox: { send: async (_to: unknown, reply: { text: string }) => (told.push(reply.text), "sent" as const) },
      // Filing stamps the deadline (docs/reports.md).
      config: { REPORT_DEADLINE_DAYS: 10, REPORT_URGENT_DEADLINE_DAYS: 1, REPORT_DUE_SOON_DAYS: 1, OFFICE_CLOSED_DAYS: [] },
    } as unknown as Services;
    const input = (i: number) => ({
      categoryId: pack.reportCategories[0]!.id,
      description: `Quán karaoke hát to quá nửa đêm, người gửi ${i}`,
      place: { text: "số 12 ngõ 5 thôn Đông" },
      evidence: [],
      contact: { anonymous: true as const },
      reporter: { key: `zalo:oa:${i}`, channel: "zalo", accountId: "oa", userId: String(i) },
      language: "vi" as const,
    });
    return { store, services, told, input };
  };

  it("two staff members changing one report's status at the same moment: both changes are in its history", async () => {
    const { store, services, input } = setUp();
    const report = await fileReport(services, pack, input(1));
    const reports = new ReportService(services);
    await Promise.all([reports.changeStatus(report.code, "in_progress", "Đã giao công an phường", "lan"), reports.changeStatus(report.code, "in_progress", "Đã gọi chủ quán", "minh")]);
    const stored = (await store.collection<Report>("reports").get(report.code))!;
    expect(stored.history.map((entry) => entry.note ?? entry.status)).toEqual(["received", expect.any(String), expect.any(String)]);
    expect(new Set(stored.history.slice(1).map((entry) => entry.by))).toEqual(new Set(["lan", "minh"]));
  });

  it("a new look-alike report linked while staff change the earlier one: the status change and the link both stay", async () => {
    const { store, services, input } = setUp();
    const first = await fileReport(services, pack, input(1));
    const [, second] = await Promise.all([new ReportService(services).changeStatus(first.code, "in_progress", "Đang xử lý", "lan"), fileReport(services, pack, input(2))]);
    const stored = (await store.collection<Report>("reports").get(first.code))!;
    expect(stored.status).toBe("in_progress");
    expect(stored.possibleDuplicates).toEqual([second.code]);
  });
});
