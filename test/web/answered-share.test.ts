import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageEvent } from "../../src/analytics/message-event.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { answeredShare, intents } from "../../src/web/analytics/analytics-queries.js";
import { recordZaloSends, startTestServer, zaloText, type TestServer } from "../helpers/test-server.js";

/**
 * Issue 16 item 8: "Bot trả lời được" counts questions. A dialog step's answer (a description, "xong") is handled by the
 * dialog but is not a question, and the classifier's guess for it (often out_of_scope) is not the person's intent.
 */
let server: TestServer;
let store: MemoryStore;
beforeAll(async () => {
  store = new MemoryStore();
  server = await startTestServer({}, { store });
  recordZaloSends(100);
});
afterAll(async () => {
  await server.stop();
  nock.cleanAll();
});

describe("answered share", () => {
  it("a report dialog's step answers are not counted as questions nor under an intent", async () => {
    for (const text of ["tôi muốn phản ánh", "có người vẽ bậy lên tường đình làng Đông Xá", "xong"]) {
      await server.postZalo(zaloText(text, "share-1"));
      await server.settle();
    }
    const events = await store.collection<MessageEvent>("events").find();
    expect(events).toHaveLength(3);
    const opener = events.find((e) => e.intent === "report_violation");
    expect(opener).toMatchObject({ kind: "text", answered: true });
    expect(events.filter((e) => e.kind === "dialog")).toHaveLength(2);
    expect(events.filter((e) => e.kind === "dialog").every((e) => e.intent === undefined)).toBe(true);
    expect(answeredShare(events)).toEqual({ answered: 1, total: 1 });
    expect(intents(events).find((r) => r.key === "out_of_scope")).toBeUndefined();
  });
});
