import { describe, expect, it } from "vitest";
import type { Report } from "../../src/domain/report.js";
import type { TestServer } from "../helpers/test-server.js";
import { chatServers, openChat } from "./chat-kit.js";

/**
 * Photos from the web chat (issue 14 item 5): the bytes are checked (size, type from the bytes) and kept at once, the
 * message enters the pipeline as an image attachment like a Zalo photo, and a report's evidence step takes it.
 */

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

const start = chatServers();

let counter = 0;
const upload = (server: TestServer, cookie: string, bytes: Buffer) =>
  fetch(`${server.url}/chat/api/photo?id=photo-${++counter}-abcdefgh`, { method: "POST", headers: { "content-type": "application/octet-stream", cookie }, body: new Uint8Array(bytes) });
const say = async (server: TestServer, cookie: string, body: Record<string, unknown>) =>
  (await (await fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ id: `say-${++counter}-abcdefgh`, ...body }) })).json()) as { replies: { text: string }[] };

/** Ends a report's evidence step, files it anonymously and returns its code and stored report. */
async function submitAnonymously(server: TestServer, cookie: string): Promise<{ code: string; report: Report }> {
  await say(server, cookie, { choice: "report:evidence:done" });
  await say(server, cookie, { choice: "report:anonymous" });
  const done = await say(server, cookie, { choice: "report:submit" });
  const code = /PA-\d{4}-\d{4,}/.exec(done.replies.map((reply) => reply.text).join("\n"))?.[0];
  expect(code).toBeDefined();
  return { code: code!, report: (await server.services.store.collection<Report>("reports").get(code!))! };
}

describe("web chat photos", () => {
  it("keeps an uploaded photo and hands it to the pipeline as an image attachment; only its sender can open it", async () => {
    const server = await start();
    const { cookie, userId } = await openChat(server);
    const response = await upload(server, cookie, PNG);
    expect(response.status).toBe(200);
    // The photo-first prompt takes it as it takes a Zalo photo.
    expect(((await response.json()) as { replies: { text: string }[] }).replies.map((reply) => reply.text).join("\n")).toContain("Bạn muốn gửi phản ánh kèm ảnh này?");

    const [conversation] = await server.services.conversations.collection.find({ channel: "web" });
    const extra = conversation!.transcript.find((line) => line.from === "person")!.extra!;
    const url = /\[image\] (\S+)/.exec(extra)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/chat\/media\/media-[0-9a-f-]{36}$/);
    const [record] = await server.services.evidence.records.find({ ownerKey: `web:web:${userId}` });
    expect(record).toMatchObject({ status: "kept", mime: "image/png", size: PNG.length, kind: "image" });

    const mine = await fetch(url, { headers: { cookie } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(PNG);
    const other = await openChat(server);
    expect((await fetch(url, { headers: { cookie: other.cookie } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
  });

  it("refuses what is not a photo (type read from the bytes) and what is too large, with a reply the person can read", async () => {
    const server = await start({ MEDIA_MAX_BYTES: "2048" });
    const { cookie } = await openChat(server);
    const notImage = await upload(server, cookie, Buffer.from("<html>này không phải ảnh</html>"));
    expect(notImage.status).toBe(415);
    expect(((await notImage.json()) as { error: string }).error).toContain("Mình chỉ nhận ảnh");
    const big = await upload(server, cookie, Buffer.concat([PNG, Buffer.alloc(4096)]));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toBe("Ảnh lớn hơn 2 KB, mình chưa nhận được. Bạn gửi ảnh nhỏ hơn nhé.");
    expect((await upload(server, cookie, Buffer.alloc(0))).status).toBe(400);
    // Nothing entered the pipeline, nothing kept.
    expect(await server.services.conversations.collection.find({ channel: "web" })).toEqual([]);
    expect(await server.services.evidence.records.find({})).toEqual([]);
    // No chat cookie: refused.
    expect((await fetch(`${server.url}/chat/api/photo`, { method: "POST", body: new Uint8Array(PNG) })).status).toBe(401);
  });

  it("a photo sent at a report's evidence step is the report's kept evidence, linked to it without a download", async () => {
    const server = await start();
    const { cookie } = await openChat(server);
    await say(server, cookie, { text: "Có người vẽ bậy lên tường đình Đông Xá" });
    await say(server, cookie, { text: "đình Đông Xá" });
    await say(server, cookie, { choice: "dialog:skip" });
    const afterPhoto = (await (await upload(server, cookie, PNG)).json()) as { replies: { text: string }[] };
    expect(afterPhoto.replies.map((reply) => reply.text).join("\n")).toMatch(/ảnh/i);
    const { code, report } = await submitAnonymously(server, cookie);
    expect(report.evidence).toHaveLength(1);
    expect(report.evidence[0]).toMatchObject({ kind: "image", media: { status: "kept" } });
    await server.services.evidence.idle();
    await expect.poll(async () => (await server.services.evidence.read(report.evidence[0]!.media!.id))?.record).toMatchObject({ status: "kept", reportCode: code, evidenceIndex: 0 });
    expect(await server.services.evidence.records.find({})).toHaveLength(1);
  });

  it("a photo sent first: 'Gửi phản ánh' starts a report whose first evidence is the kept upload", async () => {
    const server = await start();
    const { cookie } = await openChat(server);
    await upload(server, cookie, PNG);
    await say(server, cookie, { choice: "report:photo:yes" });
    await say(server, cookie, { text: "Có người vẽ bậy lên tường đình Đông Xá" });
    await say(server, cookie, { text: "đình Đông Xá" });
    await say(server, cookie, { choice: "dialog:skip" });
    const { code, report } = await submitAnonymously(server, cookie);
    expect(report.evidence).toEqual([expect.objectContaining({ kind: "image", media: { id: expect.stringMatching(/^media-/), status: "kept" } })]);
    await expect.poll(async () => (await server.services.evidence.read(report.evidence[0]!.media!.id))?.record).toMatchObject({ status: "kept", reportCode: code, evidenceIndex: 0 });
  });
});
