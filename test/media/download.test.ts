import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadMedia } from "../../src/media/download.js";
import { sniffType } from "../../src/media/sniff-type.js";
import { jpegBytes, startStub, type StubHttp } from "../helpers/stub-http.js";

const LIMITS = { maxBytes: 64 * 1024, timeoutMs: 2000 };
const ascii = (text: string, size = 64) => Buffer.concat([Buffer.from(text, "latin1"), Buffer.alloc(size)]);

describe("type from the bytes", () => {
  it("knows jpeg, png, gif, webp, mp4 and pdf by their magic numbers, and nothing else", () => {
    expect(sniffType(jpegBytes())?.mime).toBe("image/jpeg");
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))?.mime).toBe("image/png");
    expect(sniffType(ascii("GIF89a"))?.mime).toBe("image/gif");
    expect(sniffType(ascii("RIFF\x10\x00\x00\x00WEBPVP8 "))?.mime).toBe("image/webp");
    expect(sniffType(ascii("\x00\x00\x00\x18ftypmp42"))?.mime).toBe("video/mp4");
    expect(sniffType(ascii("%PDF-1.7"))?.mime).toBe("application/pdf");
    expect(sniffType(ascii("<!doctype html><html>"))).toBeUndefined();
    expect(sniffType(ascii("RIFF\x10\x00\x00\x00WAVEfmt "))).toBeUndefined();
    expect(sniffType(ascii("PK\x03\x04"))).toBeUndefined();
    expect(sniffType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe("downloading one file", () => {
  let cdn: StubHttp;
  const photo = jpegBytes(4000);
  beforeAll(async () => {
    cdn = await startStub((req, res) => {
      switch (req.url) {
        case "/photo.png": // named .png, is a jpeg: the bytes decide
          res.setHeader("content-type", "image/png");
          return res.end(photo);
        case "/big-declared":
          res.setHeader("content-length", String(LIMITS.maxBytes + 1));
          return res.end();
        case "/big-chunked": // no Content-Length: stopped while reading
          res.write(jpegBytes(LIMITS.maxBytes / 2));
          res.write(jpegBytes(LIMITS.maxBytes / 2));
          return res.end(jpegBytes(1024));
        case "/page.jpg":
          res.setHeader("content-type", "image/jpeg");
          return res.end(ascii("<!doctype html><title>Not found</title>", 500));
        case "/slow":
          return setTimeout(() => res.end(photo), 3000);
        default:
          res.statusCode = 404;
          return res.end("gone");
      }
    });
  });
  afterAll(() => cdn.close());

  it("returns the bytes and the type read from them, whatever the URL or Content-Type says", async () => {
    const result = await downloadMedia(`${cdn.url}/photo.png`, LIMITS);
    expect(result.outcome).toBe("ok");
    if (result.outcome !== "ok") return;
    expect(result.type.mime).toBe("image/jpeg");
    expect(result.bytes.equals(photo)).toBe(true);
  });

  it("refuses a file over the limit, from Content-Length or while reading", async () => {
    expect(await downloadMedia(`${cdn.url}/big-declared`, LIMITS)).toMatchObject({ outcome: "refused", reason: "too_large" });
    expect(await downloadMedia(`${cdn.url}/big-chunked`, LIMITS)).toMatchObject({ outcome: "refused", reason: "too_large" });
  });

  it("refuses what is not an accepted type (an HTML page named .jpg), and a non-web URL", async () => {
    expect(await downloadMedia(`${cdn.url}/page.jpg`, LIMITS)).toMatchObject({ outcome: "refused", reason: "wrong_type" });
    expect(await downloadMedia("file:///etc/passwd", LIMITS)).toMatchObject({ outcome: "refused", reason: "wrong_type" });
  });

  it("reports a 404 or a timeout as a failure worth retrying", async () => {
    expect(await downloadMedia(`${cdn.url}/expired`, LIMITS)).toEqual({ outcome: "failed", detail: "HTTP 404" });
    expect(await downloadMedia(`${cdn.url}/slow`, { ...LIMITS, timeoutMs: 200 })).toEqual({ outcome: "failed", detail: "timed out" });
  });
});
