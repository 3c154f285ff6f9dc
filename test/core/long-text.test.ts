import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSCRIPT_LINE_MAX_CHARS } from "../../src/core/conversation.js";
import { MAX_UNDERSTOOD_CHARS } from "../../src/nlu/index.js";
import { fixture, recordZaloSends, startTestServer, zaloText, type TestServer } from "../helpers/test-server.js";

/**
 * Issue 15 item 1 over HTTP: a text up to the body limit is answered like any other message; understanding reads a
 * cut text, the transcript keeps the message (up to a page-sized bound, with a note past it).
 */
const OA = fixture<{ recipient: { id: string } }>("zalo/user_send_text.json").recipient.id;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  nock.cleanAll();
});

describe("long texts", () => {
  it('a signed 1 MB run of "PA-" gets an answer; the transcript keeps a bounded part and says what was cut', async () => {
    const sent = recordZaloSends();
    const text = "PA-".repeat(340_000);
    expect((await server.postZalo(zaloText(text, "long-1"))).status).toBe(200);
    await server.settle();
    expect(sent.length).toBeGreaterThan(0);
    const conversation = await server.pipeline.conversations.get(`zalo:${OA}:long-1`);
    const line = conversation!.transcript.find((l) => l.from === "person")!;
    expect(line.text.startsWith(text.slice(0, TRANSCRIPT_LINE_MAX_CHARS))).toBe(true);
    expect(line.text).toContain(`[cắt bớt ${text.length - TRANSCRIPT_LINE_MAX_CHARS} ký tự]`);
  });

  it("a text longer than understanding reads is kept whole in the transcript and still understood from its start", async () => {
    nock.cleanAll();
    const sent = recordZaloSends();
    const text = "hội lim năm nay ngày nào? ".repeat(Math.ceil((MAX_UNDERSTOOD_CHARS * 1.5) / 26));
    expect(text.length).toBeGreaterThan(MAX_UNDERSTOOD_CHARS);
    await server.postZalo(zaloText(text, "long-2"));
    await server.settle();
    const conversation = await server.pipeline.conversations.get(`zalo:${OA}:long-2`);
    expect(conversation!.transcript.find((l) => l.from === "person")!.text).toBe(text);
    expect(JSON.stringify(sent.map((s) => s.body))).toMatch(/Hội Lim/);
  });
});
