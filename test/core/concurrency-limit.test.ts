import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "../../src/core/concurrency-limit.js";
import { LONG_MESSAGES_AT_ONCE } from "../../src/core/pipeline.js";
import { fixture, startTestServer, ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ConcurrencyLimit", () => {
  it("runs at most `limit` tasks at once, starts the others in arrival order, and passes results and errors on", async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, (_, n) =>
        limit.run(async () => {
          started.push(n);
          most = Math.max(most, ++running);
          await sleep(5);
          running--;
          if (n === 3) throw new Error("task 3 failed");
          return n * 10;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([0, 10, 20, "task 3 failed", 40, 50, 60]);
    // A failed task gave its slot back like the others.
    expect([limit.running, limit.waiting]).toEqual([0, 0]);
  });

  it("refuses a limit below 1", () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
  });
});

describe("the pipeline under more messages than it may handle at once", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    nock.cleanAll();
  });

  it("handles at most MAX_CONCURRENT_MESSAGES at once; the others wait, and every person is answered", async () => {
    server = await startTestServer({ MAX_CONCURRENT_MESSAGES: "3" });
    // A slow send API: each reply takes 150 ms, so 12 people writing at once pile up behind the limit (long enough for
    // the three slots' sends to overlap even when their steps' commits, before the send, finish at different times).
    let sending = 0;
    let mostSending = 0;
    let mostWaiting = 0;
    const answered = new Set<string>();
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(100)
      .reply(function (_uri, body, callback) {
        mostSending = Math.max(mostSending, ++sending);
        mostWaiting = Math.max(mostWaiting, server!.pipeline.handling.waiting);
        answered.add((body as { recipient: { user_id: string } }).recipient.user_id);
        setTimeout(() => {
          sending--;
          callback(null, [200, fixture("zalo/api-send-success.json")]);
        }, 150);
      });
    const responses = await Promise.all(Array.from({ length: 12 }, (_, n) => server!.postZalo(zaloText("xin chào", `person-${n}`, `msg-${n}`))));
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
    await server.settle();

    expect(mostSending).toBe(3);
    expect(mostWaiting).toBeGreaterThan(0);
    expect(answered.size).toBe(12);
    expect(server.pipeline.handling).toEqual({ running: 0, waiting: 0 });
  });
});

describe("long texts under a flood of them", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    nock.cleanAll();
  });

  it("at most LONG_MESSAGES_AT_ONCE long texts are handled at once; a short message is not held behind them", async () => {
    server = await startTestServer();
    // A slow send API (150 ms a reply): a long text's handling lasts until its reply is sent.
    let longSending = 0;
    let mostLongSending = 0;
    const answered: string[] = [];
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(100)
      .reply(function (_uri, body, callback) {
        const user = (body as { recipient: { user_id: string } }).recipient.user_id;
        const long = user.startsWith("long-");
        if (long) mostLongSending = Math.max(mostLongSending, ++longSending);
        setTimeout(() => {
          if (long) longSending--;
          if (!answered.includes(user)) answered.push(user);
          callback(null, [200, fixture("zalo/api-send-success.json")]);
        }, 150);
      });
    const text = "xin chào ".repeat(20_000);
    const longs = Array.from({ length: 6 }, (_, n) => server!.postZalo(zaloText(text, `long-${n}`, `long-msg-${n}`)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const short = server.postZalo(zaloText("xin chào", "short-1", "short-msg-1"));
    expect((await Promise.all([...longs, short])).map((response) => response.status)).toEqual(Array(7).fill(200));
    await server.settle();

    expect(mostLongSending).toBe(LONG_MESSAGES_AT_ONCE);
    expect(answered).toHaveLength(7);
    // The short message was answered before the last long texts, which waited for a slot of their own.
    expect(answered.indexOf("short-1")).toBeLessThan(answered.length - 2);
  });
});
