import fs, { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";

// The embedded store's files: documents are read back from their position in the file (only ids stay in
// memory), appends and compactions keep those positions right, and damaged files do not stop start-up.

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lowdb-files-"));
  dirs.push(dir);
  return dir;
}

interface Note {
  id: string;
  text: string;
  n: number;
}
const note = (i: number, round = 0): Note => ({ id: `p-${i}`, text: `Hội Lim năm ${2026 + round}: “quan họ” ${"ộ".repeat(i % 7)} ${i}`, n: round });

describe("LowdbStore files", () => {
  it("reads back many documents with multi-byte text from the file, in one process and after a reopen", async () => {
    const dir = await freshDir();
    const store = new LowdbStore({ dir, flushMs: 5, shards: { notes: 2 } });
    const notes = store.collection<Note>("notes");
    for (let i = 0; i < 500; i++) await notes.set(`p-${i}`, note(i));
    await store.flush();
    // More documents than the in-memory cache holds: most come from their position in the file.
    for (let i = 0; i < 500; i += 37) expect(await notes.get(`p-${i}`)).toEqual(note(i));
    expect(await notes.find({ n: 0 })).toHaveLength(500);
    await store.close();

    const reopened = new LowdbStore({ dir, shards: { notes: 2 } }).collection<Note>("notes");
    for (let i = 0; i < 500; i++) expect(await reopened.get(`p-${i}`)).toEqual(note(i));
  });

  it("compacts a file whose lines are mostly superseded, and reads the right versions before and after", async () => {
    const dir = await freshDir();
    const store = new LowdbStore({ dir, flushMs: 5 });
    const notes = store.collection<Note>("notes");
    // 300 documents: more than the cache, so reads after the compaction come from the rewritten file.
    for (let round = 0; round < 7; round++) {
      for (let i = 0; i < 300; i++) await notes.set(`p-${i}`, note(i, round));
      await notes.delete("p-299");
      await store.flush();
    }
    const lines = readFileSync(join(dir, "notes.jsonl"), "utf8").split("\n").filter(Boolean).length;
    expect(lines).toBeLessThanOrEqual(2 * 299 + 64 + 301); // compacted: not 7 rounds × 301 lines
    for (let i = 0; i < 299; i++) expect(await notes.get(`p-${i}`)).toEqual(note(i, 6));
    expect(await notes.get("p-299")).toBeUndefined();
    await store.close();

    const reopened = new LowdbStore({ dir }).collection<Note>("notes");
    for (let i = 0; i < 299; i++) expect(await reopened.get(`p-${i}`)).toEqual(note(i, 6));
    expect(await reopened.get("p-299")).toBeUndefined();
  });

  it("opens and closes its files off the event loop around a compaction (issue 15: a synchronous open after one held every message 40 ms)", async () => {
    const dir = await freshDir();
    const store = new LowdbStore({ dir, flushMs: 5 });
    const notes = store.collection<Note>("notes");
    for (let i = 0; i < 100; i++) await notes.set(`p-${i}`, note(i));
    await store.flush();
    // Watch the synchronous calls the store's modules see (their named imports follow node:fs once synced).
    const calls: string[] = [];
    const watched = ["openSync", "closeSync"] as const;
    const originals = watched.map((name) => fs[name]);
    for (const [i, name] of watched.entries()) {
      const original = originals[i] as (...args: unknown[]) => unknown;
      (fs as unknown as Record<string, unknown>)[name] = vi.fn((...args: unknown[]) => {
        calls.push(`${name} ${String(args[1] ?? "")}`.trim());
        return original(...args);
      });
    }
    syncBuiltinESMExports();
    try {
      // Enough rounds of rewrites that the file is compacted (more superseded lines than live ones), then appended to.
      for (let round = 1; round < 6; round++) {
        for (let i = 0; i < 100; i++) await notes.set(`p-${i}`, note(i, round));
        await store.flush();
      }
      for (let i = 0; i < 100; i += 9) expect(await notes.get(`p-${i}`)).toEqual(note(i, 5));
    } finally {
      for (const [i, name] of watched.entries()) (fs as unknown as Record<string, unknown>)[name] = originals[i];
      syncBuiltinESMExports();
    }
    expect(readFileSync(join(dir, "notes.jsonl"), "utf8").split("\n").filter(Boolean).length).toBeLessThan(600); // it was compacted
    expect(calls).toEqual([]);
    await store.close();
  });

  it("compact() leaves no line of a deleted or replaced document on disk, even when a file ends up empty (erasure)", async () => {
    const dir = await freshDir();
    const store = new LowdbStore({ dir });
    const notes = store.collection<Note>("notes");
    const alone = store.collection<Note>("alone");
    await notes.set("keep", { id: "keep", text: "giữ", n: 1 }, { durable: true });
    await notes.set("secret", { id: "secret", text: "Nguyễn Văn Bí Mật", n: 1 }, { durable: true });
    await notes.set("keep", { id: "keep", text: "giữ, bản mới", n: 2 }, { durable: true });
    await alone.set("only", { id: "only", text: "Nguyễn Văn Bí Mật", n: 1 }, { durable: true });
    await notes.delete("secret");
    await alone.delete("only");
    await store.flush();
    expect(readFileSync(join(dir, "notes.jsonl"), "utf8")).toContain("Bí Mật"); // appended deletions keep the old lines…
    await store.compact();
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), "utf8")).not.toContain("Bí Mật"); // …until compact()
    expect(readFileSync(join(dir, "notes.jsonl"), "utf8")).not.toContain('"giữ"');
    expect(await notes.get("keep")).toEqual({ id: "keep", text: "giữ, bản mới", n: 2 });
    await store.close();
    expect(await new LowdbStore({ dir }).collection<Note>("notes").get("keep")).toMatchObject({ n: 2 });
  });

  it("keeps a document set while a flush is writing", async () => {
    const dir = await freshDir();
    const store = new LowdbStore({ dir, flushMs: 1000 });
    const notes = store.collection<Note>("notes");
    for (let i = 0; i < 100; i++) await notes.set(`p-${i}`, note(i));
    const flushing = store.flush();
    await notes.set("p-5", note(5, 1));
    await flushing;
    expect(await notes.get("p-5")).toEqual(note(5, 1));
    await store.close();
    expect(await new LowdbStore({ dir }).collection<Note>("notes").get("p-5")).toEqual(note(5, 1));
  });

  it("ignores a last line cut short by a crash, and sets a broken file aside while loading every good line", async () => {
    const dir = await freshDir();
    const store = new LowdbStore({ dir, flushMs: 5 });
    const notes = store.collection<Note>("notes");
    for (let i = 0; i < 3; i++) await notes.set(`p-${i}`, note(i));
    await store.close();

    appendFileSync(join(dir, "notes.jsonl"), `"p-9"\t{"id":"p-9","te`); // an append cut by kill -9
    const afterCrash = new LowdbStore({ dir, flushMs: 5 });
    expect(await afterCrash.collection<Note>("notes").find()).toHaveLength(3);
    await afterCrash.close();
    expect(readFileSync(join(dir, "notes.jsonl"), "utf8").endsWith("\n")).toBe(true); // rewritten whole

    const file = join(dir, "notes.jsonl");
    writeFileSync(file, readFileSync(file, "utf8") + "this line is not JSON\n");
    const moved: string[] = [];
    const afterEdit = new LowdbStore({ dir, flushMs: 5, onCorruptFile: (_file, movedTo) => moved.push(movedTo) });
    const kept = afterEdit.collection<Note>("notes");
    expect((await kept.find()).map((n) => n.id).sort()).toEqual(["p-0", "p-1", "p-2"]);
    await kept.set("p-3", note(3));
    await afterEdit.close();
    expect(moved).toHaveLength(1);
    expect(readdirSync(dir).some((f) => f.startsWith("notes.jsonl.corrupt-"))).toBe(true);
    const again = new LowdbStore({ dir }).collection<Note>("notes");
    expect(await again.get("p-1")).toEqual(note(1));
    expect(await again.get("p-3")).toEqual(note(3));
  });
});
