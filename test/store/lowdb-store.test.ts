import { readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { longTextWrite } from "../../src/store/long-texts.js";
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

  it("a long text committed with its step rides in the journal (one append, one sync): after a crash it is in its file; one erased before the crash stays erased", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-journal-text-"));
    dirs.push(dir);
    const running = new LowdbStore({ dir, flushMs: 60_000 });
    const kept = "giữ nguyên ".repeat(20_000);
    const erased = "xóa đi ".repeat(20_000);
    expect(await running.commit([longTextWrite("zalo:oa:u1", "t-1", kept, 1), { collection: "conversations", id: "zalo:oa:u1", value: { revision: 1 } }])).toBe(true);
    expect(await running.commit([longTextWrite("zalo:oa:u2", "t-2", erased, 1), { collection: "conversations", id: "zalo:oa:u2", value: { revision: 1 } }])).toBe(true);
    // Readable at once; no file yet (the checkpoint writes it), no data file ever holds it.
    expect(await running.longTexts.get("zalo:oa:u1", "t-1")).toBe(kept);
    expect(readdirSync(dir).filter((name) => name !== "long-texts" && !name.startsWith("_journal-"))).toEqual([]);
    await running.longTexts.deleteAll("zalo:oa:u2");
    expect(await running.longTexts.get("zalo:oa:u2", "t-2")).toBeUndefined();

    // Killed before any checkpoint: the journal alone holds both texts and the erasure.
    const after = new LowdbStore({ dir });
    expect(await after.collection("conversations").get("zalo:oa:u1")).toEqual({ revision: 1 });
    expect(await after.longTexts.get("zalo:oa:u1", "t-1")).toBe(kept);
    expect(await after.longTexts.get("zalo:oa:u2", "t-2")).toBeUndefined();
    expect((await after.longTexts.all()).map((text) => text.id)).toEqual(["t-1"]);
    expect(readdirSync(dir).filter((name) => name.startsWith("_journal-"))).toEqual([]);
    await after.close();
  });

  it("a long text's bytes in the journal may hold newlines and tabs; one cut short by a crash drops its commit", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-journal-raw-"));
    dirs.push(dir);
    const text = "dòng một\n\tdòng hai\n.\n";
    const bytes = Buffer.byteLength(text);
    const header = (id: string) => `["long_texts","${id}",null,{"key":"zalo:oa:u1","at":1,"bytes":${bytes}}]\t`;
    writeFileSync(
      join(dir, "_journal-00000001.log"),
      [`${header("t-1")}${text}`, `["conversations","zalo:oa:u1",null]\t{"revision":1}`, ".", `${header("t-2")}${text.slice(0, 12)}`].join("\n"),
    );
    const reopened = new LowdbStore({ dir });
    expect(await reopened.collection("conversations").get("zalo:oa:u1")).toEqual({ revision: 1 });
    expect(await reopened.longTexts.get("zalo:oa:u1", "t-1")).toBe(text);
    expect(await reopened.longTexts.get("zalo:oa:u1", "t-2")).toBeUndefined();
    await reopened.close();
  });

  it("a staged long text goes to its own file at the checkpoint, and the journal that held it is removed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lowdb-journal-text-file-"));
    dirs.push(dir);
    const store = new LowdbStore({ dir, flushMs: 60_000 });
    const text = "một lần ".repeat(20_000);
    await store.commit([longTextWrite("zalo:oa:u1", "t-1", text, 1)]);
    await store.flush();
    expect(readdirSync(dir).filter((name) => name.startsWith("_journal-"))).toEqual([]);
    expect(readdirSync(join(dir, "long-texts"), { recursive: true }).filter((name) => String(name).endsWith(".txt"))).toHaveLength(1);
    expect(await store.longTexts.get("zalo:oa:u1", "t-1")).toBe(text);
    await store.close();
    const reopened = new LowdbStore({ dir });
    expect(await reopened.longTexts.list("zalo:oa:u1")).toEqual([{ id: "t-1", text }]);
    await reopened.close();
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
