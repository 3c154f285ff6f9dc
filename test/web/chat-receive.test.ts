import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

/**
 * The web chat enters through the pipeline's one receive path (issue 13: it used to call the handler directly and
 * skip dedupe, the person's order and the concurrency limit), and its notices are stored (issue 15: they were kept in
 * memory and lost on restart).
 */

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function start(store?: LowdbStore): Promise<TestServer> {
  const server = await startTestServer({}, store ? { store } : {});
  servers.push(server);
  return server;
}

async function openChat(server: TestServer): Promise<{ cookie: string; userId: string }> {
  const cookie = (await fetch(`${server.url}/chat`)).headers.getSetCookie()[0]!.split(";")[0]!;
  return { cookie, userId: cookie.split("=")[1]! };
}

const post = (server: TestServer, cookie: string, body: unknown) =>
  fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });

describe("web chat through the receive path", () => {
  it("the same message id twice is answered once (a POST the page repeats after a dropped connection)", async () => {
    const server = await start();
    const { cookie } = await openChat(server);
    const first = (await (await post(server, cookie, { text: "hội lim năm nay ngày nào", id: "msg-0001-abcd" })).json()) as { replies: { text: string }[] };
    expect(first.replies.length).toBeGreaterThan(0);
    expect(first.replies.map((reply) => reply.text).join("\n")).toMatch(/Hội Lim/);

    const again = (await (await post(server, cookie, { text: "hội lim năm nay ngày nào", id: "msg-0001-abcd" })).json()) as { replies: unknown[]; duplicate?: boolean };
    expect(again).toEqual({ replies: [], duplicate: true });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/bot_duplicates_total\{channel="web"\} 1/);
    expect(metrics).toMatch(/bot_messages_in_total\{channel="web"\} 1/);
    // The transcript holds the question once.
    const [conversation] = await server.services.conversations.collection.find({ channel: "web" });
    expect(conversation!.transcript.filter((line) => line.from === "person")).toHaveLength(1);
  });

  it("one person's messages sent at once are answered in the order sent", async () => {
    const server = await start();
    const { cookie } = await openChat(server);
    const texts = ["xin chào", "hội lim năm nay ngày nào", "cảm ơn"];
    await Promise.all(texts.map((text, i) => post(server, cookie, { text, id: `order-${i}-abcdefgh` })));
    const [conversation] = await server.services.conversations.collection.find({ channel: "web" });
    expect(conversation!.transcript.filter((line) => line.from === "person").map((line) => line.text)).toEqual(texts);
  });

  it("a notice for a web-chat person is stored: it survives a restart and waits for the page's poll", async () => {
    const dir = mkdtempSync(join(tmpdir(), "web-notice-"));
    const first = await start(new LowdbStore({ dir }));
    const { cookie, userId } = await openChat(first);
    await (await post(first, cookie, { text: "xin chào", id: "hello-0001-abcd" })).json();
    const person = { key: `web:web:${userId}`, channel: "web", accountId: "web", userId };
    expect(await first.services.outbox.send(person, { text: "Phản ánh PA-2026-0009: Đang xử lý" }, "update")).toBe("sent");
    await first.stop();
    servers.splice(servers.indexOf(first), 1);

    const second = await start(new LowdbStore({ dir }));
    const polled = (await (await fetch(`${second.url}/chat/api/messages`, { headers: { cookie } })).json()) as { replies: { text: string }[] };
    expect(polled.replies.map((reply) => reply.text)).toEqual(["Phản ánh PA-2026-0009: Đang xử lý"]);
    // Taken once.
    const again = (await (await fetch(`${second.url}/chat/api/messages`, { headers: { cookie } })).json()) as { replies: unknown[] };
    expect(again.replies).toEqual([]);
  });
});
