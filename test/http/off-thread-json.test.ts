import { webcrypto } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readTranscriptPage } from "../../src/core/transcript-text.js";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { messengerSignature } from "../../src/channels/messenger/signature.js";
import { signEvent, verifySignature, verifySignatureOffThread } from "../../src/channels/zalo/sdk/signature.js";
import { LONG_TEXT_CHARS } from "../../src/core/message.js";
import { JsonParseWorker, longTextOf, OFF_THREAD_JSON_BYTES } from "../../src/http/off-thread-json.js";
import { fixture, messengerText, recordGraphSends, recordZaloSends, startTestServer, zaloText, type TestServer } from "../helpers/test-server.js";

/**
 * Issue 15 item 1: a large webhook body is decoded and parsed on a worker thread, so the main thread — /healthz,
 * every other person's messages — never spends the milliseconds of a megabyte's JSON.parse. Seen here by what the
 * main thread parses (JSON.parse watched), over HTTP with signed bodies, for both platforms. The same worker hashes
 * their signatures and gives back a long text as its start and its UTF-8 bytes, which the store keeps as they are: the
 * main thread neither holds the megabyte as a string, nor hashes, decodes or encodes it (last test).
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

  it("a large body is hashed off the event loop with the same result (the SDK's Web Crypto default; the app's worker below): signed right it is handled, forged it is refused", async () => {
    const body = Buffer.from(JSON.stringify({ pad: "ư".repeat(300_000) }));
    for (const [header, bytes] of [[signEvent("app", body, "1", "secret"), body], ["mac=00", body], [signEvent("app", body, "1", "secret"), Buffer.concat([body, Buffer.from(" ")])]] as const) {
      expect(await verifySignatureOffThread(header, bytes, "app", "1", "secret")).toBe(verifySignature(header, bytes, "app", "1", "secret"));
    }
    // Over HTTP: a large body signed for other bytes gets 401 on both webhooks.
    const zalo = zaloText(bigText("xin chào"), "big-forged", "big-forged-1");
    expect((await server.postZalo(zalo, { signature: signEvent(String(zalo.app_id), "other", String(zalo.timestamp), server.config.ZALO_OA_SECRET_KEY!) })).status).toBe(401);
    expect((await server.postMessenger(messengerText(bigText("xin chào")), { signature: messengerSignature("other", server.config.FB_APP_SECRET!) })).status).toBe(401);
  });

  it("the worker parses in order, and a worker stopped meanwhile is replaced by the next parse", async () => {
    const worker = new JsonParseWorker();
    const bodies = Array.from({ length: 5 }, (_, i) => Buffer.from(JSON.stringify({ i, pad: "đ".repeat(100_000) })));
    expect((await Promise.all(bodies.map((body) => worker.parse(body)))).map(({ json }) => (json as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
    await expect(worker.parse(Buffer.from("{nope"))).rejects.toThrow(SyntaxError);
    await worker.close();
    expect((await worker.parse(Buffer.from('{"again":true}'))).json).toEqual({ again: true });
    await worker.close();
  });

  it("the worker gives back the signature's digest, and each long string as its start, its length and its UTF-8 bytes, exact whether or not the body escapes anything", async () => {
    const worker = new JsonParseWorker();
    const zaloDigest = { fieldsBefore: ["app_id"], fieldsAfter: ["timestamp"], suffix: "secret" };
    // The start of a text: its first 4,000 units, 3,999 when the 4,000th is the first half of an emoji.
    const startOf = (text: string) => text.slice(0, /[\ud800-\udbff]/.test(text[LONG_TEXT_CHARS - 1]) ? LONG_TEXT_CHARS - 1 : LONG_TEXT_CHARS);
    const cases = {
      "nothing escaped": "hội lim 🙏🏽 ".repeat(30_000),
      "an emoji across the cut": `${"a".repeat(LONG_TEXT_CHARS - 1)}${"🙏".repeat(50_000)}`,
      "newlines and quotes escaped": 'dòng một\n"trích"\t'.repeat(20_000),
      "two literals long enough": "x".repeat(100_000),
      "a longer literal beside it": "ơ".repeat(60_000),
      "many bytes, few characters": "ư".repeat(LONG_TEXT_CHARS), // 8,000 bytes, 4,000 units: not long
    };
    for (const [name, text] of Object.entries(cases)) {
      const event = { app_id: "app", timestamp: 1764040000000, message: { text }, ...(name.startsWith("two") ? { pad: "y".repeat(100_000) } : {}), ...(name.startsWith("a longer") ? { pad: "ê".repeat(40_000) } : {}), filler: "z".repeat(70_000) };
      const body = Buffer.from(JSON.stringify(event));
      const copy = Buffer.from(body); // `body` is moved to the worker
      const { json, utf8, digest } = await worker.parse(body, zaloDigest, LONG_TEXT_CHARS);
      const parsed = json as typeof event & { pad?: string };
      expect(`mac=${digest}`, name).toBe(signEvent("app", copy, "1764040000000", "secret"));
      expect(utf8).toBe(true);
      expect({ ...parsed, message: { text: parsed.message.text } }, name).toEqual({ ...event, message: { text: text.length > LONG_TEXT_CHARS ? startOf(text) : text }, filler: startOf(event.filler), ...(event.pad ? { pad: startOf(event.pad) } : {}) });
      const long = longTextOf(parsed.message, "text");
      if (text.length <= LONG_TEXT_CHARS) expect(long, name).toBeUndefined();
      else {
        expect(long?.chars, name).toBe(text.length);
        expect(Buffer.from(long!.bytes).equals(Buffer.from(text)), name).toBe(true);
      }
      expect(longTextOf(parsed, "app_id")).toBeUndefined(); // short strings stay strings only
      expect(longTextOf(parsed, "filler")?.chars).toBe(70_000);
    }
    // Deep in arrays (Messenger: entry[0].messaging[0].message.text); a long key is parsed whole (kept as it is).
    const messenger = { object: "page", entry: [{ messaging: [{ message: { text: "đ".repeat(50_000) } }] }], ["k".repeat(70_000)]: 1 };
    const deep = (await worker.parse(Buffer.from(JSON.stringify(messenger)), undefined, LONG_TEXT_CHARS)).json as typeof messenger;
    expect(deep.entry[0].messaging[0].message.text).toBe("đ".repeat(LONG_TEXT_CHARS));
    expect(longTextOf(deep.entry[0].messaging[0].message, "text")?.chars).toBe(50_000);
    expect(Object.keys(deep)).toContain("k".repeat(70_000));
    // Not JSON: a raw control character inside a long literal, a cut-off body — whichever way the worker parses.
    await expect(worker.parse(Buffer.from(`{"a":"${"x".repeat(70_000)}\u0001"}`), undefined, LONG_TEXT_CHARS)).rejects.toThrow(SyntaxError);
    await expect(worker.parse(Buffer.from(`{"a":"${"x".repeat(70_000)}"`), undefined, LONG_TEXT_CHARS)).rejects.toThrow(SyntaxError);
    // Without longChars, nothing is cut.
    expect(((await worker.parse(Buffer.from(JSON.stringify({ a: "x".repeat(70_000) })))).json as { a: string }).a).toHaveLength(70_000);
    const body = Buffer.from(JSON.stringify({ object: "page", pad: "ư".repeat(100_000) }));
    expect(`sha256=${(await worker.parse(Buffer.from(body), { hmacKey: "k" })).digest}`).toBe(messengerSignature(body, "k"));
    // A field the digest names is missing: no digest (refused as unsigned); bytes that are not UTF-8 say so.
    expect((await worker.parse(Buffer.from(body), zaloDigest)).digest).toBeUndefined();
    const latin1 = Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(100_000, 0xe9), Buffer.from('"}')]);
    expect((await worker.parse(latin1, undefined, LONG_TEXT_CHARS)).utf8).toBe(false);
    await worker.close();
  });

  it("long strings with every kind of escape come back exactly as JSON.parse reads them (random bodies), and bad escapes are refused", async () => {
    const worker = new JsonParseWorker();
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Pieces a text is made of: plain letters, Vietnamese, emoji, quotes, backslashes, control characters, lone halves.
    const pieces = ["a", "ư", "🙏", "\"", "\\", "/", "\n", "\t", "\u0001", "\u001f", "\ud83d", "\ude4f", "\u2028", " ", "é"];
    for (let round = 0; round < 12; round++) {
      const length = LONG_TEXT_CHARS + Math.floor(next() * 20_000);
      let text = "";
      while (text.length < length) text += pieces[Math.floor(next() * pieces.length)];
      // JSON.stringify escapes quotes, backslashes, control characters and lone halves; some bodies also escape
      // everything that is not ASCII, as other senders do.
      let body = JSON.stringify({ app_id: "app", message: { text }, timestamp: 1 });
      if (round % 3 === 0) body = body.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      const { json } = await worker.parse(Buffer.from(body), undefined, LONG_TEXT_CHARS);
      const message = (json as { message: { text: string } }).message;
      const long = longTextOf(message, "text");
      const wellFormed = Buffer.from(text).toString("utf8"); // lone halves read as U+FFFD, as the store keeps them
      expect(long?.chars, `round ${round}`).toBe(text.length);
      expect(Buffer.from(long!.bytes).equals(Buffer.from(text)), `round ${round}`).toBe(true);
      expect(Buffer.from(message.text).toString("utf8"), `round ${round}`).toBe(wellFormed.slice(0, message.text.length));
      expect(message.text.length).toBeGreaterThanOrEqual(LONG_TEXT_CHARS - 1);
    }
    for (const bad of ["\\q", "\\u12", "\\u12g4", "\\x41"]) {
      await expect(worker.parse(Buffer.from(`{"a":"${"x".repeat(70_000)}${bad}"}`), undefined, LONG_TEXT_CHARS), bad).rejects.toThrow(SyntaxError);
    }
    await worker.close();
  });

  it("a signed 1 MB text through either webhook: the main thread never holds it as a string, nor hashes it, nor encodes it again to store it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "off-thread-"));
    const lowdb = await startTestServer({}, { store: new LowdbStore({ dir, fsync: false }) });
    try {
      // Long strings encoded and large buffers hashed by our code (src/), on this thread; the test's own client is not.
      const ours = () => (new Error().stack ?? "").split("\n").slice(2).some((frame) => frame.includes("/src/"));
      const encoded: number[] = [];
      const hashed: number[] = [];
      const from = Buffer.from.bind(Buffer) as (...args: unknown[]) => Buffer;
      vi.spyOn(Buffer, "from").mockImplementation(((...args: unknown[]) => {
        if (typeof args[0] === "string" && args[0].length > OFF_THREAD_JSON_BYTES && ours()) encoded.push(args[0].length);
        return from(...args);
      }) as typeof Buffer.from);
      // Bytes over 64 KB decoded into a string by our code on this thread (the store's lowdb files keep bytes).
      const decoded: number[] = [];
      const toString = Buffer.prototype.toString;
      vi.spyOn(Buffer.prototype, "toString").mockImplementation(function (this: Buffer, ...args: unknown[]) {
        if (this.byteLength > OFF_THREAD_JSON_BYTES && ours()) decoded.push(this.byteLength);
        return toString.apply(this, args as Parameters<typeof toString>);
      });
      // What the pipeline is given: the start of each text, its whole as bytes.
      const received: number[] = [];
      const receive = lowdb.pipeline.receive.bind(lowdb.pipeline);
      vi.spyOn(lowdb.pipeline, "receive").mockImplementation((message, options) => {
        received.push(message.text?.length ?? 0);
        return receive(message, options);
      });
      const subtle = webcrypto.subtle;
      for (const method of ["digest", "sign"] as const) {
        const original = subtle[method].bind(subtle) as (...args: unknown[]) => Promise<ArrayBuffer>;
        vi.spyOn(subtle, method).mockImplementation(((...args: unknown[]) => {
          const data = args.at(-1) as ArrayBufferView;
          if (data.byteLength > OFF_THREAD_JSON_BYTES) hashed.push(data.byteLength);
          return original(...args);
        }) as never);
      }
      nock.cleanAll();
      const sent = [recordZaloSends(10), recordGraphSends(10)];
      const zaloText_ = bigText("hội lim năm nay tổ chức ngày nào");
      const messengerText_ = bigText("cho em hỏi giờ mở cửa bảo tàng");
      const event = messengerText(messengerText_, "7012345678900002", "m_big_2");
      expect((await lowdb.postZalo(zaloText(zaloText_, "bytes-zalo", "bytes-zalo-1"))).status).toBe(200);
      expect((await lowdb.postMessenger(event)).status).toBe(200);
      await lowdb.settle();
      vi.restoreAllMocks();
      expect(sent.map((list) => list.length > 0)).toEqual([true, true]);
      const pageId = (event as { entry: { id: string }[] }).entry[0].id;
      for (const [key, text] of [[`zalo:${OA}:bytes-zalo`, zaloText_], [`messenger:${pageId}:7012345678900002`, messengerText_]]) {
        const line = (await lowdb.pipeline.conversations.get(key))!.transcript.find((l) => l.full)!;
        expect(await lowdb.store.longTexts!.get(key, line.full!.id)).toBe(text);
      }
      expect({ encoded, hashed, decoded }).toEqual({ encoded: [], hashed: [], decoded: [] });
      expect(received.length).toBe(2);
      expect(Math.max(...received)).toBeLessThanOrEqual(LONG_TEXT_CHARS);
    } finally {
      vi.restoreAllMocks();
      await lowdb.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
