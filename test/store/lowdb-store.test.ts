import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";

describe("LowdbStore", () => {
  it("keeps one JSON file per collection and coalesces ordinary writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lowdb-"));
    const store = new LowdbStore({ dir, flushMs: 60_000 });
    const people = store.collection<{ name: string }>("people");
    for (let i = 0; i < 100; i++) await people.set(`p${i}`, { name: `Người ${i}` });
    // Nothing written yet: the writes wait for the flush.
    expect(readdirSync(dir)).not.toContain("people.json");
    await store.flush();
    const file = JSON.parse(readFileSync(join(dir, "people.json"), "utf8"));
    expect(Object.keys(file.docs)).toHaveLength(100);
  });

  it("durable writes and sequences are on disk before they resolve", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lowdb-"));
    const store = new LowdbStore({ dir, flushMs: 60_000 });
    await store.collection("reports").set("PA-2026-0001", { code: "PA-2026-0001" }, { durable: true });
    expect(await store.nextSequence("PA-2026")).toBe(1);
    expect(await store.nextSequence("PA-2026")).toBe(2);
    // A second store on the same folder (a restart after a crash: no flush) sees them.
    const again = new LowdbStore({ dir });
    expect(await again.collection("reports").get("PA-2026-0001")).toEqual({ code: "PA-2026-0001" });
    expect(await again.nextSequence("PA-2026")).toBe(3);
  });

  it("remembers seen ids across a restart, bounded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lowdb-"));
    const store = new LowdbStore({ dir, seenLimit: 3 });
    expect(await store.markSeen("a")).toBe(true);
    expect(await store.markSeen("a")).toBe(false);
    for (const id of ["b", "c", "d"]) await store.markSeen(id);
    await store.flush();
    const again = new LowdbStore({ dir, seenLimit: 3 });
    expect(await again.markSeen("d")).toBe(false);
    expect(await again.markSeen("a")).toBe(true); // dropped: only the 3 most recent are kept
  });

  it("moves a broken file aside instead of failing start-up", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lowdb-"));
    writeFileSync(join(dir, "people.json"), '{"docs": {"a": ');
    const moved: string[] = [];
    const store = new LowdbStore({ dir, onCorruptFile: (_file, to) => moved.push(to) });
    expect(await store.collection("people").find()).toEqual([]);
    expect(moved).toHaveLength(1);
    expect(readdirSync(dir).some((name) => name.startsWith("people.json.corrupt-"))).toBe(true);
  });

  it("find matches top-level fields and returns copies", async () => {
    const store = new LowdbStore({ dir: mkdtempSync(join(tmpdir(), "lowdb-")) });
    const reports = store.collection<{ user: string; status: string; tags: string[] }>("reports");
    await reports.set("1", { user: "u1", status: "open", tags: [] });
    await reports.set("2", { user: "u2", status: "open", tags: [] });
    await reports.set("3", { user: "u1", status: "done", tags: [] });
    expect((await reports.find({ user: "u1" })).length).toBe(2);
    expect((await reports.find({ user: "u1", status: "open" })).length).toBe(1);
    const [copy] = await reports.find({ user: "u2" });
    copy.tags.push("changed");
    expect((await reports.get("2"))!.tags).toEqual([]);
  });
});
