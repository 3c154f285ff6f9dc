import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileMediaStore } from "../../src/media/file-media-store.js";
import type { MediaStore } from "../../src/media/media-store.js";
import { MemoryMediaStore } from "../../src/media/memory-media-store.js";
import { PostgresMediaStore } from "../../src/media/postgres-media-store.js";
import { S3MediaStore } from "../../src/media/s3-media-store.js";
import { migrate } from "../../src/store/postgres/migrate.js";
import { jpegBytes, startStub, type StubHttp } from "../helpers/stub-http.js";
import { dropSchema, requirePostgres, uniqueName } from "../store/services.js";

/** What every evidence store must do: the same bytes and type back, nothing for an unknown id, gone after delete. */
function mediaStoreContract(name: string, open: () => Promise<MediaStore>) {
  describe(`${name} media store`, () => {
    let store: MediaStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store.close());

    it("gives back the same bytes and type, overwrites by id, forgets on delete", async () => {
      const photo = jpegBytes(300_000);
      await store.put("media-0000aaaa-1", { bytes: photo, mime: "image/jpeg" });
      const got = await store.get("media-0000aaaa-1");
      expect(got?.mime).toBe("image/jpeg");
      expect(got?.bytes.equals(photo)).toBe(true);
      expect(await store.get("media-0000aaaa-2")).toBeUndefined();
      await store.put("media-0000aaaa-1", { bytes: Buffer.from("%PDF-1.4 x"), mime: "application/pdf" });
      expect((await store.get("media-0000aaaa-1"))?.mime).toBe("application/pdf");
      await store.delete("media-0000aaaa-1");
      expect(await store.get("media-0000aaaa-1")).toBeUndefined();
      await store.delete("media-0000aaaa-1"); // deleting twice is fine
    });

    it("refuses an id it did not make (no path or key tricks)", async () => {
      await expect(store.get("../../etc/passwd")).rejects.toThrow(/Not a media id/);
      await expect(store.put("media-../x", { bytes: Buffer.alloc(1), mime: "image/jpeg" })).rejects.toThrow(/Not a media id/);
    });
  });
}

mediaStoreContract("memory", async () => new MemoryMediaStore());

let dataDir: string;
mediaStoreContract("files", async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "media-files-"));
  return new FileMediaStore(dataDir);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

let admin: pg.Pool;
let schema: string;
mediaStoreContract("PostgreSQL", async () => {
  admin = await requirePostgres();
  schema = uniqueName("test_media");
  await migrate(admin, schema);
  return new PostgresMediaStore(admin, { schema });
});
afterAll(async () => {
  if (!admin) return;
  await dropSchema(admin, schema);
  await admin.end();
});

/** A stand-in for an S3-compatible service (path-style, as MinIO): PUT, GET (404 NoSuchKey), DELETE. */
let s3: StubHttp;
const objects = new Map<string, { body: Buffer; type: string }>();
const authorizations: string[] = [];
mediaStoreContract("S3-compatible (local stub service)", async () => {
  s3 = await startStub((req, res, body) => {
    authorizations.push(String(req.headers.authorization));
    const key = decodeURIComponent((req.url ?? "").split("?")[0]);
    if (req.method === "PUT") {
      objects.set(key, { body, type: String(req.headers["content-type"]) });
      res.setHeader("etag", '"1"');
      return res.end();
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      res.statusCode = 204;
      return res.end();
    }
    const found = objects.get(key);
    if (!found) {
      res.statusCode = 404;
      res.setHeader("content-type", "application/xml");
      return res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key}</Key></Error>`);
    }
    res.setHeader("content-type", found.type);
    res.setHeader("content-length", String(found.body.length));
    res.end(found.body);
  });
  return new S3MediaStore({ bucket: "bang-chung", endpoint: s3.url, region: "us-east-1", accessKeyId: "AKIATEST", secretAccessKey: "secret", forcePathStyle: true });
});

describe("the S3-compatible store's requests", () => {
  it("are signed (SigV4) and address bucket/evidence/<id> path-style", () => {
    expect(s3.requests.some((request) => request.method === "PUT" && request.path.startsWith("/bang-chung/evidence/media-0000aaaa-1"))).toBe(true);
    expect(authorizations.every((header) => header.startsWith("AWS4-HMAC-SHA256 Credential=AKIATEST/"))).toBe(true);
  });
});
afterAll(() => s3?.close());

describe("MEDIA_STORE picks the backend", () => {
  it("follows STORE when auto, builds the S3 store from S3_*, and refuses s3 without a bucket", async () => {
    const { loadConfig } = await import("../../src/config.js");
    const { createMediaStore, mediaBackend } = await import("../../src/media/create-media-store.js");
    const pino = (await import("pino")).default;
    expect(mediaBackend(loadConfig({}))).toBe("files");
    expect(mediaBackend(loadConfig({ STORE: "memory" }))).toBe("memory");
    expect(mediaBackend(loadConfig({ STORE: "postgres", DATABASE_URL: "postgres://x@127.0.0.1/y" }))).toBe("postgres");
    expect(mediaBackend(loadConfig({ STORE: "postgres", DATABASE_URL: "postgres://x@127.0.0.1/y", MEDIA_STORE: "s3", S3_BUCKET: "b" }))).toBe("s3");
    expect(() => loadConfig({ MEDIA_STORE: "s3" })).toThrow(/S3_BUCKET: required when MEDIA_STORE=s3/);
    expect(() => loadConfig({ MEDIA_MAX_BYTES: "lots" })).toThrow(/MEDIA_MAX_BYTES/);
    const store = await createMediaStore(
      loadConfig({ MEDIA_STORE: "s3", S3_BUCKET: "bang-chung", S3_ENDPOINT: s3.url, S3_ACCESS_KEY_ID: "AKIATEST", S3_SECRET_ACCESS_KEY: "secret" }),
      pino({ level: "silent" }),
    );
    await store.put("media-0000bbbb-1", { bytes: jpegBytes(500), mime: "image/jpeg" });
    expect((await store.get("media-0000bbbb-1"))?.bytes.equals(jpegBytes(500))).toBe(true);
    await store.close();
  });
});
