import { describe, expect, it } from "vitest";
import type { Services } from "../../src/shared/services.js";
import { DUPLICATE_LIMIT } from "../../src/features/reports/duplicates.js";
import { fileReport } from "../../src/features/reports/file-report.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import type { Store } from "../../src/store/store.js";
import { sharedKnowledge } from "../helpers/test-server.js";

/**
 * A crowd reporting one incident (found by `npm run soak`: 1,000 near-identical reports). Each new report used to be
 * linked to every earlier look-alike, and each of those rewritten durably before the person got a code: the n-th
 * report cost n writes and the lists grew as n². Now a report links at most DUPLICATE_LIMIT, the closest in time.
 */
describe("many reports of the same matter", () => {
  it("each filing links and rewrites a bounded number of earlier reports", async () => {
    const memory = new MemoryStore();
    let writes = 0;
    const store: Store = {
      ...memory,
      commit: (batch) => (writes++, memory.commit(batch)),
      nextSequence: (name) => memory.nextSequence(name),
      markSeen: (id) => memory.markSeen(id),
      flush: () => memory.flush(),
      close: () => memory.close(),
      collection: <T>(name: string) => {
        const collection = memory.collection<T>(name);
        return {
          ...collection,
          set: (id: string, value: T, options?: { durable?: boolean }) => (writes++, collection.set(id, value, options)),
          setIfRevision: (id: string, value: T, expected: number, options?: { durable?: boolean }) => (writes++, collection.setIfRevision(id, value, expected, options)),
        };
      },
    };
    let clock = Date.parse("2026-11-25T03:00:00Z");
    // Filing stamps the deadline (docs/reports.md): the settings it reads.
    const config = { REPORT_DEADLINE_DAYS: 10, REPORT_URGENT_DEADLINE_DAYS: 1, REPORT_DUE_SOON_DAYS: 1, OFFICE_CLOSED_DAYS: [] };
    const services = { store, config, today: () => "2026-11-25", now: () => (clock += 1_000) } as unknown as Services;
    const pack = sharedKnowledge().content.packs.get("vo-cuong")!;
    const input = (i: number) => ({
      categoryId: pack.reportCategories[0]!.id,
      description: `Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ, người gửi ${i}`,
      place: { text: "số 12 ngõ 5 thôn Đông" },
      evidence: [],
      contact: { anonymous: true as const },
      reporter: { key: `zalo:oa:${i}`, channel: "zalo", accountId: "oa", userId: String(i) },
      language: "vi" as const,
    });

    const codes: string[] = [];
    let mostWrites = 0;
    for (let i = 0; i < 60; i++) {
      writes = 0;
      codes.push((await fileReport(services, pack, input(i))).code);
      mostWrites = Math.max(mostWrites, writes);
    }

    // One write for the report, one per linked earlier report.
    expect(mostWrites).toBe(1 + DUPLICATE_LIMIT);
    const last = await memory.collection<{ possibleDuplicates: string[] }>("reports").get(codes.at(-1)!);
    // The most recent look-alikes are the ones linked.
    expect(new Set(last!.possibleDuplicates)).toEqual(new Set(codes.slice(-1 - DUPLICATE_LIMIT, -1)));
    const all = await memory.collection<{ possibleDuplicates: string[] }>("reports").find();
    expect(Math.max(...all.map((report) => report.possibleDuplicates.length))).toBeLessThanOrEqual(2 * DUPLICATE_LIMIT);
  });
});
