import { readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { storeContract } from "./store-contract.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

storeContract(
  "LowdbStore",
  async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-store-"));
    dirs.push(dir);
    return { store: new LowdbStore({ dir, flushMs: 20 }), reopen: async () => new LowdbStore({ dir, flushMs: 20 }) };
  },
  { persistent: true },
);

describe("LowdbStore commits (journal)", () => {
  it("a commit is on disk when it resolves: a store opened on the folder before any data file is flushed finds all of it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-journal-"));
    dirs.push(dir);
    // Data files flushed only after a minute: what is on disk is the journal alone, as after a kill -9.
    const running = new LowdbStore({ dir, flushMs: 60_000 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        running.commit([
          { collection: "conversations", id: `zalo:${i}`, value: { step: "place", revision: 1 }, expectedRevision: 0 },
          { collection: "reports", id: `PA-${i}`, value: { code: `PA-${i}`, revision: 1 } },
          { collection: "outbox", id: `zalo:oa:${i}`, value: { replies: [{ text: `Mã phản ánh: PA-${i}` }], revision: 1 } },
        ]),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith("_journal-"))).toHaveLength(1);
    expect(readdirSync(dir).filter((name) => name.endsWith(".jsonl"))).toEqual([]);

    const after = new LowdbStore({ dir });
    expect(await after.collection("reports").find()).toHaveLength(50);
    expect(await after.collection("outbox").find()).toHaveLength(50);
    expect(await after.collection("conversations").get("zalo:7")).toEqual({ step: "place", revision: 1 });
    // Recovery wrote the data files and removed the journal it applied.
    expect(readdirSync(dir).filter((name) => name.startsWith("_journal-"))).toEqual([]);
    await after.close();
  });

  it("a commit cut short by a crash is not applied, and a later revision on disk is not replaced by an older commit", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-journal-cut-"));
    dirs.push(dir);
    const store = new LowdbStore({ dir });
    await store.collection("conversations").set("zalo:1", { step: "contact", revision: 5 });
    await store.close();
    writeFileSync(
      join(dir, "_journal-00000001.log"),
      [`["conversations","zalo:1",3]\t{"step":"place","revision":4}`, ".", `["reports","PA-9",null]\t{"code":"PA-9"}`, `["outbox","x",null]\t{"repl`].join("\n"),
    );
    const reopened = new LowdbStore({ dir });
    expect(await reopened.collection("conversations").get("zalo:1")).toEqual({ step: "contact", revision: 5 });
    expect(await reopened.collection("reports").get("PA-9")).toBeUndefined();
    await reopened.close();
  });
});

describe("LowdbStore conditional writes check the revision as stored", () => {
  it("after writes, reads and deletions, with revisions JSON keeps and one it does not (NaN is stored as null: revision 0)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-revisions-"));
    dirs.push(dir);
    const store = new LowdbStore({ dir, flushMs: 20 });
    const docs = store.collection<{ n: number; revision?: number }>("conversations");
    expect(await store.commit([{ collection: "conversations", id: "a", value: { n: 1, revision: 1 }, expectedRevision: 0 }])).toBe(true);
    expect(await store.commit([{ collection: "conversations", id: "a", value: { n: 2, revision: 2 }, expectedRevision: 0 }])).toBe(false);
    expect(await docs.setIfRevision("a", { n: 2, revision: 2 }, 1)).toBe(true);
    expect(await docs.setIfRevision("a", { n: 3, revision: 3 }, 1)).toBe(false);
    // Written without a revision: revision 0.
    await docs.set("a", { n: 4 });
    expect(await docs.setIfRevision("a", { n: 5, revision: 1 }, 2)).toBe(false);
    expect(await docs.setIfRevision("a", { n: 5, revision: 1 }, 0)).toBe(true);
    // NaN becomes null in JSON: the stored revision is 0, not NaN.
    await docs.set("a", { n: 6, revision: Number.NaN });
    expect(await docs.setIfRevision("a", { n: 7, revision: 1 }, 0)).toBe(true);
    expect((await docs.get("a"))?.n).toBe(7);
    // Deleted: a new document's revision is 0.
    expect(await store.commit([{ collection: "conversations", id: "a", value: undefined, expectedRevision: 1 }])).toBe(true);
    expect(await store.commit([{ collection: "conversations", id: "a", value: { n: 8, revision: 1 }, expectedRevision: 1 }])).toBe(false);
    expect(await store.commit([{ collection: "conversations", id: "a", value: { n: 8, revision: 1 }, expectedRevision: 0 }])).toBe(true);
    // Reopened (nothing remembered): the same answers from the stored text.
    await store.close();
    const reopened = new LowdbStore({ dir, flushMs: 20 });
    expect(await reopened.collection("conversations").setIfRevision("a", { n: 9, revision: 2 }, 0)).toBe(false);
    expect(await reopened.collection("conversations").setIfRevision("a", { n: 9, revision: 2 }, 1)).toBe(true);
    await reopened.close();
  });
});
