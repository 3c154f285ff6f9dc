import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readTranscriptPage } from "../../src/core/transcript-text.js";
import { messengerSignature, verifyMessengerSignature, verifyMessengerSignatureOffThread } from "../../src/channels/messenger/signature.js";
import { signEvent, verifySignature, verifySignatureOffThread } from "../../src/channels/zalo/sdk/signature.js";
import { JsonParseWorker, OFF_THREAD_JSON_BYTES } from "../../src/http/off-thread-json.js";
import { fixture, messengerText, recordGraphSends, recordZaloSends, startTestServer, zaloText, type TestServer } from "../helpers/test-server.js";

/**
 * Issue 15 item 1: a large webhook body is decoded and parsed on a worker thread, so the main thread — /healthz,
 * every other person's messages — never spends the milliseconds of a megabyte's JSON.parse. Seen here by what the
 * main thread parses (JSON.parse watched), over HTTP with signed bodies, for both platforms. Their signatures are
 * hashed off the event loop too (Web Crypto, on libuv's thread pool).
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
afterEach(() => vi.restoreAllMocks());

/** The lengths of the texts JSON.parse is given on this (the main) thread while `run` runs. */
async function parsedHere(run: () => Promise<void>): Promise<number[]> {
  const lengths: number[] = [];
  const parse = JSON.parse;
  vi.spyOn(JSON, "parse").mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    lengths.push(String(text).length);
    return parse(text, reviver);
  });
  await run();
  vi.restoreAllMocks();
  return lengths;
}

/** Text filling most of the 1 MB body limit (Vietnamese: several bytes a letter). */
const bigText = (seed: string) => `${seed} `.repeat(Math.floor(900_000 / Buffer.byteLength(`${seed} `)));

const wholeTextOf = async (key: string) => {
  const line = (await server.pipeline.conversations.get(key))!.transcript.find((l) => l.full)!;
  let whole = "";
  for (let page = 1; page <= line.full!.pages; page++) whole += (await readTranscriptPage(server.store, key, line.full!.id, page))!.text;
  return whole;
};

describe("large webhook bodies are parsed off the main thread", () => {
  it("a signed 1 MB Zalo text: answered and kept whole, and no string over 64 KB was parsed on the main thread", async () => {
    const sent = recordZaloSends(10);
    const text = bigText("hội lim năm nay tổ chức ngày nào");
    const lengths = await parsedHere(async () => {
      expect((await server.postZalo(zaloText(text, "big-zalo", "big-zalo-1"))).status).toBe(200);
      await server.settle();
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(await wholeTextOf(`zalo:${OA}:big-zalo`)).toBe(text);
    expect(Math.max(0, ...lengths)).toBeLessThanOrEqual(OFF_THREAD_JSON_BYTES);
  });

  it("a signed 1 MB Messenger text: the same", async () => {
    const sent = recordGraphSends(10);
    const text = bigText("cho em hỏi giờ mở cửa bảo tàng");
    const event = messengerText(text, "7012345678900001", "m_big_1");
    const lengths = await parsedHere(async () => {
      expect((await server.postMessenger(event)).status).toBe(200);
      await server.settle();
    });
    expect(sent.length).toBeGreaterThan(0);
    const pageId = (event as { entry: { id: string }[] }).entry[0].id;
    expect(await wholeTextOf(`messenger:${pageId}:7012345678900001`)).toBe(text);
    expect(Math.max(0, ...lengths)).toBeLessThanOrEqual(OFF_THREAD_JSON_BYTES);
  });

  it("a large body that is not JSON is refused with 400 (signed or not), and the server keeps serving", async () => {
    const raw = `{"app_id":"x","timestamp":"1","pad":"${"a".repeat(200_000)}"`;
    expect((await server.postZalo({}, { raw, signature: "mac=00" })).status).toBe(400);
    expect((await server.postMessenger({}, { raw })).status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("a large body is hashed off the event loop with the same result: signed right it is handled, forged it is refused", async () => {
    const body = Buffer.from(JSON.stringify({ pad: "ư".repeat(300_000) }));
    for (const [header, bytes] of [[signEvent("app", body, "1", "secret"), body], ["mac=00", body], [signEvent("app", body, "1", "secret"), Buffer.concat([body, Buffer.from(" ")])]] as const) {
      expect(await verifySignatureOffThread(header, bytes, "app", "1", "secret")).toBe(verifySignature(header, bytes, "app", "1", "secret"));
    }
    for (const [header, bytes] of [[messengerSignature(body, "s"), body], ["sha256=00", body], [messengerSignature(body, "other"), body]] as const) {
      expect(await verifyMessengerSignatureOffThread(header, bytes, "s")).toBe(verifyMessengerSignature(header, bytes, "s"));
    }
    // Over HTTP: a large body signed for other bytes gets 401 on both webhooks.
    const zalo = zaloText(bigText("xin chào"), "big-forged", "big-forged-1");
    expect((await server.postZalo(zalo, { signature: signEvent(String(zalo.app_id), "other", String(zalo.timestamp), server.config.ZALO_OA_SECRET_KEY!) })).status).toBe(401);
    expect((await server.postMessenger(messengerText(bigText("xin chào")), { signature: messengerSignature("other", server.config.FB_APP_SECRET!) })).status).toBe(401);
  });

  it("the worker parses in order, and a worker stopped meanwhile is replaced by the next parse", async () => {
    const worker = new JsonParseWorker();
    const bodies = Array.from({ length: 5 }, (_, i) => Buffer.from(JSON.stringify({ i, pad: "đ".repeat(100_000) })));
    expect((await Promise.all(bodies.map((body) => worker.parse(body)))).map((json) => (json as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
    await expect(worker.parse(Buffer.from("{nope"))).rejects.toThrow(SyntaxError);
    await worker.close();
    expect(await worker.parse(Buffer.from('{"again":true}'))).toEqual({ again: true });
    await worker.close();
  });
});
