import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { EvidenceKeeper } from "../../src/media/evidence-keeper.js";
import type { MediaRecord } from "../../src/media/media-record.js";
import { MemoryMediaStore } from "../../src/media/memory-media-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { jpegBytes, startStub, type StubHttp } from "../helpers/stub-http.js";

let cdn: StubHttp | undefined;
afterEach(() => cdn?.close());

function keeper(store = new MemoryStore(), attempts = 3) {
  const media = new MemoryMediaStore();
  const settled: MediaRecord[] = [];
  const made = new EvidenceKeeper({ store, media, limits: { maxBytes: 10_000, timeoutMs: 1000 }, attempts, baseDelayMs: 5, now: Date.now, logger: pino({ level: "silent" }) });
  made.onSettled(async (record) => void settled.push(record));
  return { keeper: made, media, settled, store };
}

describe("keeping evidence in the background", () => {
  it("returns at once with a pending record, then keeps the bytes with the original URL beside them", async () => {
    const photo = jpegBytes(3000);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    cdn = await startStub(async (_req, res) => {
      await released; // the CDN is slow: keep() must not wait for it
      res.end(photo);
    });
    const { keeper: k, settled } = keeper();
    const record = await k.keep({ url: `${cdn.url}/p.jpg`, kind: "image", reportCode: "PA-2026-0001", evidenceIndex: 0, ownerKey: "zalo:1:2" });
    expect(record.status).toBe("pending");
    release();
    await k.idle();
    const read = await k.read(record.id);
    expect(read?.record).toMatchObject({ status: "kept", url: `${cdn.url}/p.jpg`, mime: "image/jpeg", size: 3000, attempts: 1 });
    expect(read?.object?.bytes.equals(photo)).toBe(true);
    expect(settled.map((r) => r.status)).toEqual(["kept"]);
  });

  it("retries a failing download with backoff, and keeps it when the CDN comes back", async () => {
    let calls = 0;
    cdn = await startStub((_req, res) => {
      calls += 1;
      if (calls < 3) {
        res.statusCode = 503;
        return res.end();
      }
      res.end(jpegBytes(100));
    });
    const { keeper: k } = keeper();
    const record = await k.keep({ url: `${cdn.url}/p.jpg`, kind: "image" });
    await k.idle();
    expect((await k.read(record.id))?.record).toMatchObject({ status: "kept", attempts: 3 });
  });

  it("marks it failed after the last attempt, and refused (no retry) when too large or of another type", async () => {
    cdn = await startStub((req, res) => {
      if (req.url === "/big") return res.end(jpegBytes(20_000));
      if (req.url === "/html") return res.end("<!doctype html><html><body>hello</body></html>");
      res.statusCode = 404;
      res.end();
    });
    const { keeper: k, settled } = keeper();
    const gone = await k.keep({ url: `${cdn.url}/gone`, kind: "image" });
    const big = await k.keep({ url: `${cdn.url}/big`, kind: "image" });
    const html = await k.keep({ url: `${cdn.url}/html`, kind: "file" });
    await k.idle();
    expect((await k.read(gone.id))?.record).toMatchObject({ status: "failed", attempts: 3, lastError: "HTTP 404" });
    expect((await k.read(big.id))?.record).toMatchObject({ status: "refused", reason: "too_large", attempts: 1 });
    expect((await k.read(html.id))?.record).toMatchObject({ status: "refused", reason: "wrong_type", attempts: 1 });
    expect(settled).toHaveLength(3);
    expect(cdn.requests.filter((r) => r.path === "/gone")).toHaveLength(3);
  });

  it("picks up what was pending after a restart", async () => {
    cdn = await startStub((_req, res) => res.end(jpegBytes(100)));
    const store = new MemoryStore();
    const first = keeper(store);
    await first.keeper.close(); // stopped before anything ran
    const record = await first.keeper.keep({ url: `${cdn.url}/p.jpg`, kind: "image" });
    expect((await first.keeper.read(record.id))?.record.status).toBe("pending");
    const second = keeper(store);
    expect(await second.keeper.resume()).toBe(1);
    await second.keeper.idle();
    expect((await store.collection<MediaRecord>("media").get(record.id))?.status).toBe("kept");
  });

  it("keeps an upload at once when it is a photo under the limit, and refuses others", async () => {
    const { keeper: k } = keeper();
    const photo = jpegBytes(5000);
    const kept = await k.keepUpload({ bytes: photo, ownerKey: "web:web:w-1", url: (id) => `/chat/media/${id}` });
    expect(kept.outcome).toBe("kept");
    if (kept.outcome !== "kept") return;
    expect(kept.record).toMatchObject({ status: "kept", kind: "image", mime: "image/jpeg", size: 5000, url: `/chat/media/${kept.record.id}` });
    expect((await k.read(kept.record.id))?.object?.bytes.equals(photo)).toBe(true);
    expect(await k.keepUpload({ bytes: jpegBytes(20_000), url: (id) => id })).toEqual({ outcome: "refused", reason: "too_large" });
    expect(await k.keepUpload({ bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), url: (id) => id })).toEqual({ outcome: "refused", reason: "wrong_type" });
    await k.attach(kept.record.id, "PA-2026-0009", 0);
    expect((await k.read(kept.record.id))?.record).toMatchObject({ reportCode: "PA-2026-0009", evidenceIndex: 0 });
  });

  it("downloads at most 4 files at once; the rest wait their turn", async () => {
    let open = 0;
    let most = 0;
    cdn = await startStub((_req, res) => {
      open += 1;
      most = Math.max(most, open);
      setTimeout(() => {
        open -= 1;
        res.end(jpegBytes(100));
      }, 30);
    });
    const { keeper: k } = keeper();
    const records = await Promise.all(Array.from({ length: 10 }, (_, i) => k.keep({ url: `${cdn!.url}/p${i}.jpg`, kind: "image" })));
    await k.idle();
    expect(most).toBe(4);
    for (const record of records) expect((await k.read(record.id))?.record.status).toBe("kept");
  });
});
