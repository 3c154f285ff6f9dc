import pino from "pino";
import { describe, expect, it } from "vitest";
import { OUTBOX_SENT, type SentMark } from "../../src/core/outbound.js";
import { OutboxBook } from "../../src/queue/outbox-book.js";
import { MemoryStore } from "../../src/store/memory-store.js";

describe("OutboxBook.pruneSent: the sweeper drops old sent marks", () => {
  it("removes the marks older than the cut-off, in one commit, and keeps the newer ones", async () => {
    const store = new MemoryStore();
    const marks = store.collection<SentMark>(OUTBOX_SENT);
    for (const [id, at] of [["old-1", 1_000], ["old-2", 2_000], ["new-1", 5_000]] as const) await marks.set(id, { id, at });
    let commits = 0;
    const commit = store.commit.bind(store);
    store.commit = (writes) => (commits++, commit(writes));
    const book = new OutboxBook({ store, policy: { attempts: 1, baseMs: 1, maxMs: 1, maxAgeMs: 1 }, logger: pino({ level: "silent" }), now: () => 10_000, onDeadLetter: async () => undefined });

    expect(await book.pruneSent(3_000)).toBe(2);
    expect((await marks.find()).map((mark) => mark.id)).toEqual(["new-1"]);
    expect(commits).toBe(1);
    expect(await book.pruneSent(3_000)).toBe(0);
    expect(commits).toBe(1);
  });
});
