import { afterEach, describe, expect, it } from "vitest";
import { ConversationRepository } from "../../src/core/conversation.js";
import { longTextsOf, longTextWrite } from "../../src/store/long-texts.js";
import type { Store } from "../../src/store/store.js";

/** A fresh, empty store, and (for persistent backends) a way to open a second instance on the same data. */
export interface StoreHarness {
  store: Store;
  /** A new instance on the same directory/schema, as after a restart. */
  reopen?: () => Promise<Store>;
}

interface Report {
  code: string;
  userKey: string;
  status: string;
  urgent?: boolean;
  score?: number;
  assignee?: string | null;
  tags?: string[];
  place?: { ward: string };
}

const report = (code: string, fields: Partial<Report> = {}): Report => ({ code, userKey: "zalo:1", status: "open", ...fields });
const codes = (docs: Report[]) => docs.map((doc) => doc.code).sort();

/**
 * The behaviour every Store must have, as one suite run against each backend
 * (test/store/memory-store.test.ts, lowdb-store.test.ts, postgres-store.test.ts).
 *
 * @example storeContract("MemoryStore", async () => ({ store: new MemoryStore() }));
 */
export function storeContract(name: string, makeStore: () => Promise<StoreHarness>, options: { persistent?: boolean } = {}): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];

    async function fresh(): Promise<StoreHarness> {
      const harness = await makeStore();
      opened.push(harness.store);
      return harness;
    }

    async function reopen(harness: StoreHarness): Promise<Store> {
      if (!harness.reopen) throw new Error(`${name} is declared persistent but its harness has no reopen()`);
      const store = await harness.reopen();
      opened.push(store);
      return store;
    }

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    // ===  Long texts (Store.longTexts, or one document each)  ===

    it("keeps long texts whole by conversation: get, list, delete, erase all, and prune by age", async () => {
      const { store } = await fresh();
      const texts = longTextsOf(store);
      const long = "Đèn đường hỏng 🙏🏽 ".repeat(5_000);
      await texts.put("zalo:oa:1", "zalo:oa:1:m1", long);
      await texts.put("zalo:oa:1", "zalo:oa:1:m2", "hai");
      await texts.put("zalo:oa:2", "zalo:oa:2:m1", "của người khác");
      expect(await texts.get("zalo:oa:1", "zalo:oa:1:m1")).toBe(long);
      // Only through its own conversation.
      expect(await texts.get("zalo:oa:2", "zalo:oa:1:m1")).toBeUndefined();
      expect((await texts.list("zalo:oa:1")).map((t) => t.id).sort()).toEqual(["zalo:oa:1:m1", "zalo:oa:1:m2"]);
      await texts.delete("zalo:oa:1", ["zalo:oa:1:m2", "zalo:oa:1:gone"]);
      expect(await texts.get("zalo:oa:1", "zalo:oa:1:m2")).toBeUndefined();
      await texts.deleteAll("zalo:oa:1");
      expect(await texts.list("zalo:oa:1")).toEqual([]);
      expect(await texts.get("zalo:oa:2", "zalo:oa:2:m1")).toBe("của người khác");
      expect(await texts.prune(Date.now() - 60_000)).toBe(0);
      expect(await texts.prune(Date.now() + 60_000)).toBe(1);
      expect(await texts.list("zalo:oa:2")).toEqual([]);
    });

    it("keeps a long text written in a commit with its step (longTextWrite): read, listed, erased; a failed commit keeps none", async () => {
      const harness = await fresh();
      const { store } = harness;
      const long = "Tiếng ồn\nkaraoke\t🙏🏽 ".repeat(5_000);
      expect(await store.commit([longTextWrite("zalo:oa:1", "zalo:oa:1:m1", long, Date.now()), { collection: "conversations", id: "zalo:oa:1", value: { revision: 1 } }])).toBe(true);
      expect(await longTextsOf(store).get("zalo:oa:1", "zalo:oa:1:m1")).toBe(long);
      expect(await longTextsOf(store).list("zalo:oa:1")).toEqual([{ id: "zalo:oa:1:m1", text: long }]);
      // Given as UTF-8 bytes (a long text of a body parsed off the main thread): read back as the same text.
      expect(await store.commit([longTextWrite("zalo:oa:1", "zalo:oa:1:m3", new Uint8Array(Buffer.from(long)), Date.now())])).toBe(true);
      expect(await longTextsOf(store).get("zalo:oa:1", "zalo:oa:1:m3")).toBe(long);
      await longTextsOf(store).delete("zalo:oa:1", ["zalo:oa:1:m3"]);
      // All or nothing: a step whose revision no longer holds stores no text either.
      expect(await store.commit([longTextWrite("zalo:oa:1", "zalo:oa:1:m2", long, Date.now()), { collection: "conversations", id: "zalo:oa:1", value: { revision: 3 }, expectedRevision: 2 }])).toBe(false);
      expect(await longTextsOf(store).get("zalo:oa:1", "zalo:oa:1:m2")).toBeUndefined();
      if (options.persistent) {
        await store.close();
        opened.splice(opened.indexOf(store), 1);
        const again = await reopen(harness);
        expect(await longTextsOf(again).get("zalo:oa:1", "zalo:oa:1:m1")).toBe(long);
        await longTextsOf(again).deleteAll("zalo:oa:1");
        expect(await longTextsOf(again).list("zalo:oa:1")).toEqual([]);
      }
    });

    // ===  Documents  ===

    it("gets what was set, overwrites by id, and deletes", async () => {
      const { store } = await fresh();
      const reports = store.collection<Report>("reports");
      expect(await reports.get("PA-1")).toBeUndefined();
      await reports.set("PA-1", report("PA-1", { place: { ward: "Võ Cường" }, tags: ["đèn", "đường"] }));
      expect(await reports.get("PA-1")).toEqual(report("PA-1", { place: { ward: "Võ Cường" }, tags: ["đèn", "đường"] }));
      await reports.set("PA-1", report("PA-1", { status: "closed" }));
      expect(await reports.get("PA-1")).toEqual(report("PA-1", { status: "closed" }));
      await reports.delete("PA-1");
      expect(await reports.get("PA-1")).toBeUndefined();
      await expect(reports.delete("PA-404")).resolves.toBeUndefined();
      expect(await reports.find()).toEqual([]);
    });

    it("keeps collections apart", async () => {
      const { store } = await fresh();
      await store.collection<Report>("reports").set("x", report("in-reports"));
      await store.collection<Report>("drafts").set("x", report("in-drafts"));
      expect((await store.collection<Report>("reports").get("x"))?.code).toBe("in-reports");
      expect(codes(await store.collection<Report>("drafts").find())).toEqual(["in-drafts"]);
      await store.collection("drafts").delete("x");
      expect(await store.collection<Report>("reports").get("x")).toBeDefined();
    });

    it("finds by equality on top-level fields", async () => {
      const { store } = await fresh();
      const reports = store.collection<Report>("reports");
      await reports.set("a", report("a", { userKey: "zalo:1", status: "open", urgent: true, score: 3, assignee: null, tags: ["x"] }));
      await reports.set("b", report("b", { userKey: "zalo:1", status: "closed", urgent: false, score: 3, assignee: "hoa" }));
      await reports.set("c", report("c", { userKey: "messenger:2", status: "open", score: 1 }));

      expect(codes(await reports.find())).toEqual(["a", "b", "c"]);
      expect(codes(await reports.find({}))).toEqual(["a", "b", "c"]);
      expect(codes(await reports.find({ userKey: "zalo:1" }))).toEqual(["a", "b"]);
      expect(codes(await reports.find({ userKey: "zalo:1", status: "open" }))).toEqual(["a"]);
      expect(codes(await reports.find({ urgent: false }))).toEqual(["b"]);
      expect(codes(await reports.find({ score: 3 }))).toEqual(["a", "b"]);
      expect(codes(await reports.find({ assignee: null }))).toEqual(["a"]);
      expect(codes(await reports.find({ status: "lost" }))).toEqual([]);
      expect(codes(await reports.find({ score: "3" }))).toEqual([]);
      // Equality, not containment: a scalar does not match an array that holds it.
      expect(codes(await reports.find({ tags: "x" }))).toEqual([]);
    });

    it("hands out copies: changing a value after set or after get changes nothing stored", async () => {
      const { store } = await fresh();
      const reports = store.collection<Report>("reports");
      const original = report("PA-1", { tags: ["a"], place: { ward: "Tân An" } });
      await reports.set("PA-1", original);
      original.status = "changed";
      original.tags!.push("b");

      const got = (await reports.get("PA-1"))!;
      got.status = "changed";
      got.place!.ward = "changed";
      const [found] = await reports.find({ code: "PA-1" });
      found!.tags!.push("c");

      expect(await reports.get("PA-1")).toEqual(report("PA-1", { tags: ["a"], place: { ward: "Tân An" } }));
    });

    it("writes with setIfRevision only while the stored revision is the expected one", async () => {
      const { store } = await fresh();
      const docs = store.collection<{ revision?: number; text: string }>("conversations");
      // A new document: expected 0 inserts it; a second insert at 0 finds it there and does not write.
      expect(await docs.setIfRevision("p1", { revision: 1, text: "a" }, 0)).toBe(true);
      expect(await docs.setIfRevision("p1", { revision: 1, text: "lost" }, 0)).toBe(false);
      expect(await docs.get("p1")).toEqual({ revision: 1, text: "a" });
      // An update at the stored revision writes; one at a stale revision does not.
      expect(await docs.setIfRevision("p1", { revision: 2, text: "b" }, 1)).toBe(true);
      expect(await docs.setIfRevision("p1", { revision: 2, text: "stale" }, 1)).toBe(false);
      expect(await docs.get("p1")).toEqual({ revision: 2, text: "b" });
      // A missing document is at 0: an update expecting more does not create it.
      expect(await docs.setIfRevision("p2", { revision: 4, text: "x" }, 3)).toBe(false);
      expect(await docs.get("p2")).toBeUndefined();
      // A document written without a revision (older data, plain set) counts as 0.
      await docs.set("p3", { text: "old" });
      expect(await docs.setIfRevision("p3", { revision: 1, text: "new" }, 0)).toBe(true);
      expect(await docs.get("p3")).toEqual({ revision: 1, text: "new" });
    });

    it("lets exactly one of many concurrent setIfRevision calls at one revision write", async () => {
      const { store } = await fresh();
      const docs = store.collection<{ revision?: number; by: number }>("conversations");
      await docs.setIfRevision("p1", { revision: 1, by: -1 }, 0);
      const results = await Promise.all(Array.from({ length: 20 }, (_, by) => docs.setIfRevision("p1", { revision: 2, by }, 1)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await docs.get("p1"))!.by).toBe(results.indexOf(true));
    });

    it("keeps every line when a conversation is saved by its handler and appended to by others at once", async () => {
      const { store } = await fresh();
      const conversations = new ConversationRepository(store);
      const first = await conversations.load("zalo", "oa", "u1");
      first.transcript.push({ at: 1, from: "person", text: "xin chào" });
      await conversations.save(first);
      const handling = await conversations.load("zalo", "oa", "u1");
      handling.transcript.push({ at: 2, from: "person", text: "cho hỏi" }, { at: 100, from: "bot", text: "Dạ" });
      // Staff lines and the handler's save race each other; none may be lost.
      await Promise.all([
        conversations.save(handling),
        ...Array.from({ length: 8 }, (_, n) => conversations.append(first.key, { at: 10 + n, from: "staff", text: `Cán bộ ${n}` })),
      ]);
      const saved = await conversations.get(first.key);
      expect(saved!.transcript.map((line) => line.text).sort()).toEqual(["Cán bộ 0", "Cán bộ 1", "Cán bộ 2", "Cán bộ 3", "Cán bộ 4", "Cán bộ 5", "Cán bộ 6", "Cán bộ 7", "Dạ", "cho hỏi", "xin chào"].sort());
      expect(saved!.revision).toBe(10);
    });

    // ===  Commits  ===

    it("commits several documents, deletions included, or none when an expected revision no longer holds", async () => {
      const { store } = await fresh();
      await store.collection<Report>("reports").set("PA-0", report("PA-0"));
      const conversation = { key: "zalo:1", revision: 3 };
      expect(await store.commit([{ collection: "conversations", id: "zalo:1", value: conversation, expectedRevision: 0 }])).toBe(true);
      // A stale revision: nothing of the commit is written.
      expect(
        await store.commit([
          { collection: "reports", id: "PA-1", value: report("PA-1"), expectedRevision: 0 },
          { collection: "conversations", id: "zalo:1", value: { key: "zalo:1", revision: 9 }, expectedRevision: 2 },
        ]),
      ).toBe(false);
      expect(await store.collection("reports").get("PA-1")).toBeUndefined();
      expect(await store.collection("conversations").get("zalo:1")).toEqual(conversation);
      // The right revision: all of it, the deletion too.
      expect(
        await store.commit([
          { collection: "reports", id: "PA-1", value: report("PA-1"), expectedRevision: 0 },
          { collection: "conversations", id: "zalo:1", value: { key: "zalo:1", revision: 4 }, expectedRevision: 3 },
          { collection: "reports", id: "PA-0", value: undefined },
        ]),
      ).toBe(true);
      expect(codes(await store.collection<Report>("reports").find())).toEqual(["PA-1"]);
      expect(await store.collection("conversations").get("zalo:1")).toEqual({ key: "zalo:1", revision: 4 });
    });

    it("lets exactly one of many concurrent commits at one revision write", async () => {
      const { store } = await fresh();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.commit([{ collection: "conversations", id: "zalo:2", value: { n: i, revision: 1 }, expectedRevision: 0 }])));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    // ===  Sequences  ===

    it("counts each sequence 1, 2, 3 … on its own", async () => {
      const { store } = await fresh();
      expect([await store.nextSequence("report"), await store.nextSequence("report"), await store.nextSequence("report")]).toEqual([1, 2, 3]);
      expect(await store.nextSequence("class-signup")).toBe(1);
      expect(await store.nextSequence("report")).toBe(4);
    });

    it("gives 200 parallel nextSequence calls 200 distinct values", async () => {
      const { store } = await fresh();
      const values = await Promise.all(Array.from({ length: 200 }, () => store.nextSequence("report")));
      expect(new Set(values).size).toBe(200);
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(await store.nextSequence("report")).toBe(201);
    });

    // ===  Seen ids  ===

    it("marks an event id seen once", async () => {
      const { store } = await fresh();
      expect(await store.markSeen("zalo:m1")).toBe(true);
      expect(await store.markSeen("zalo:m1")).toBe(false);
      expect(await store.markSeen("zalo:m2")).toBe(true);
      expect(await store.markSeen("messenger:m1")).toBe(true);
    });

    it("answers true exactly once when the same id arrives many times at once", async () => {
      const { store } = await fresh();
      const answers = await Promise.all(Array.from({ length: 20 }, () => store.markSeen("zalo:burst")));
      expect(answers.filter(Boolean)).toHaveLength(1);
    });

    // ===  Restarts  ===

    if (options.persistent) {
      it("keeps documents, sequences and seen ids across a reopen", async () => {
        const harness = await fresh();
        const { store } = harness;
        await store.collection<Report>("reports").set("PA-7", report("PA-7"), { durable: true });
        await store.collection<Report>("reports").set("PA-8", report("PA-8", { status: "closed" }));
        await store.collection<Report>("reports").set("gone", report("gone"));
        await store.collection<Report>("reports").delete("gone");
        expect(await store.nextSequence("report")).toBe(1);
        expect(await store.nextSequence("report")).toBe(2);
        expect(await store.markSeen("zalo:before-restart")).toBe(true);
        await store.flush();
        await store.close();

        const again = await reopen(harness);
        expect(codes(await again.collection<Report>("reports").find())).toEqual(["PA-7", "PA-8"]);
        expect(await again.collection<Report>("reports").get("PA-8")).toEqual(report("PA-8", { status: "closed" }));
        expect(await again.nextSequence("report")).toBe(3);
        expect(await again.markSeen("zalo:before-restart")).toBe(false);
        expect(await again.markSeen("zalo:after-restart")).toBe(true);
      });

      it("never reuses a sequence value after a reopen, even when nothing else was flushed", async () => {
        const harness = await fresh();
        const before = await Promise.all(Array.from({ length: 20 }, () => harness.store.nextSequence("code")));
        // No flush: nextSequence must be durable on its own.
        const again = await reopen(harness);
        const after = await again.nextSequence("code");
        expect(after).toBeGreaterThan(Math.max(...before));
      });
    }
  });
}
