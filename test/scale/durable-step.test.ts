import nock from "nock";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { OutboxEntry } from "../../src/core/outbound.js";
import type { Report } from "../../src/domain/report.js";
import { createPostgresStore } from "../../src/store/postgres/postgres-store.js";
import { recordZaloSends, startTestServer, TEST_ENV, ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";
import { deleteKeys, dropSchema, requirePostgres, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "../store/services.js";
import { startOn, type BackendServer } from "./backends.js";

/**
 * Issue 15, durable before visible, on PostgreSQL + Redis: a dialog step's new state, the report it files and its
 * replies (the outbox) are one transaction, committed before any reply is sent; a redelivered message whose step
 * was stored sends its stored replies (through the outbound queue) and is not applied again; a web-chat notice is
 * stored, not kept in one instance's memory. The lowdb versions are test/core/outbox-replay.test.ts and
 * test/web/chat-receive.test.ts.
 */

const PERSON = "u-durable";
const KEY = `zalo:579745863508352884:${PERSON}`;
const textOf = (body: unknown) => (body as { message?: { text?: string } }).message?.text ?? "";

let running: BackendServer | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  nock.cleanAll();
});

async function start(): Promise<{ server: TestServer; prefix: string }> {
  running = await startOn("postgres+redis", { OUTBOUND_RETRY_MAX_MS: "50" });
  return { server: running.server, prefix: running.redisPrefix! };
}

async function forgetSeenIds(prefix: string): Promise<void> {
  const redis = await requireRedis();
  await deleteKeys(redis, `${prefix}seen:`);
  redis.disconnect();
}

async function say(server: TestServer, text: string, id: string): Promise<void> {
  expect((await server.postZalo(zaloText(text, PERSON, id))).status).toBe(200);
  await server.settle();
}

describe("durable before visible on PostgreSQL + Redis", () => {
  it("the step, the report it files and the reply with its code are committed together before the code is sent", async () => {
    const { server } = await start();
    let committedWhenSent: { reports: Report[]; dialog: unknown; outbox: OutboxEntry[] } | undefined;
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(40)
      .reply(async (_uri, body) => {
        // Read through the pool, outside any transaction: only what is committed shows.
        if (/Mã phản ánh/.test(textOf(body))) {
          committedWhenSent = {
            reports: await server.store.collection<Report>("reports").find(),
            dialog: (await server.services.conversations.get(KEY))?.state.dialog,
            outbox: await server.store.collection<OutboxEntry>("outbox").find(),
          };
        }
        return [200, { error: 0, message: "Success", data: { message_id: "m" } }];
      });
    const steps = ["tôi muốn phản ánh", "1", "Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ", "số 12 ngõ 5 thôn Đông", "tối qua", "xong", "ẩn danh", "Gửi"];
    for (const [i, text] of steps.entries()) await say(server, text, `d-${i + 1}`);
    expect(committedWhenSent).toBeDefined();
    const { reports, dialog, outbox } = committedWhenSent!;
    expect(reports).toHaveLength(1);
    expect(reports[0]!.description).toMatch(/karaoke/);
    // The dialog had already moved past the summary (closed), not still waiting for "Gửi".
    expect(dialog).toBeUndefined();
    // The reply carrying the code was in the outbox, written with them.
    const codeEntry = outbox.find((entry) => entry.replies.some((reply) => reply.text.includes(reports[0]!.code)));
    expect(codeEntry).toBeDefined();
    expect(codeEntry!.messageId).toBe("d-8");
    await expect.poll(async () => server.store.collection("outbox").find()).toEqual([]);
  });

  it("a redelivered message whose step was stored sends its stored reply once and is not applied again", async () => {
    const { server, prefix } = await start();
    recordZaloSends(10);
    await say(server, "tôi muốn phản ánh", "r-1");
    nock.cleanAll();
    // Zalo is down while the person picks the category: the step is stored, its reply waits in the outbox (and queue).
    let down = true;
    let tries = 0;
    const delivered: string[] = [];
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(500)
      .reply((_uri, body) => {
        tries++;
        if (down) return [503, "unavailable"];
        delivered.push(textOf(body));
        return [200, { error: 0, message: "Success", data: { message_id: `m${tries}` } }];
      });
    await say(server, "1", "r-2");
    await expect.poll(() => tries).toBeGreaterThanOrEqual(4);
    const [kept] = await server.store.collection<OutboxEntry>("outbox").find();
    expect(kept!.replies.map((reply) => reply.text).join("\n")).toMatch(/mô tả/i);

    // Redis forgets the seen ids (a Redis restart without persistence): Zalo's redelivery of "1" gets through.
    await forgetSeenIds(prefix);
    down = false;
    await say(server, "1", "r-2");
    await expect.poll(async () => server.store.collection("outbox").find(), { timeout: 10_000 }).toEqual([]);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatch(/mô tả/i);
    const conversation = await server.services.conversations.get(KEY);
    expect((conversation!.state.dialog as { step: string }).step).toBe("description");
    expect(conversation!.transcript.filter((line) => line.from === "person").map((line) => line.text)).toEqual(["tôi muốn phản ánh", "1"]);
    expect(conversation!.applied).toEqual(["r-1", "r-2"]);

    // Redelivered once more after its reply went: nothing is sent again.
    await forgetSeenIds(prefix);
    await say(server, "1", "r-2");
    expect(delivered).toHaveLength(1);
    expect((await server.services.conversations.get(KEY))!.applied).toEqual(["r-1", "r-2"]);
  });

  it("a web-chat notice is stored in PostgreSQL: another instance (or the next start) gives it to the page's poll, once", async () => {
    const admin = await requirePostgres();
    const redis = await requireRedis();
    const schema = uniqueName("test_webnotice");
    const prefix = `${uniqueName("test-webnotice")}:`;
    const env = { ...TEST_ENV, STORE: "postgres", DATABASE_URL: TEST_DATABASE_URL, PG_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
    const instances: TestServer[] = [];
    const instance = async () => {
      const logger = pino({ level: "silent" });
      const server = await startTestServer(env, { store: await createPostgresStore(loadConfig(env), logger), logger });
      instances.push(server);
      return server;
    };
    try {
      const first = await instance();
      const cookie = (await fetch(`${first.url}/chat`)).headers.getSetCookie()[0]!.split(";")[0]!;
      const userId = cookie.split("=")[1]!;
      const post = await fetch(`${first.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ text: "xin chào", id: "hello-0001-abcd" }) });
      await post.json();
      const person = { key: `web:web:${userId}`, channel: "web", accountId: "web", userId };
      expect(await first.services.outbox.send(person, { text: "Phản ánh PA-2026-0009: Đang xử lý" }, "update")).toBe("sent");
      await first.stop();
      instances.splice(0);

      const second = await instance();
      const poll = async () => ((await (await fetch(`${second.url}/chat/api/messages`, { headers: { cookie } })).json()) as { replies: { text: string }[] }).replies.map((reply) => reply.text);
      expect(await poll()).toEqual(["Phản ánh PA-2026-0009: Đang xử lý"]);
      expect(await poll()).toEqual([]);
    } finally {
      for (const server of instances) await server.stop().catch(() => undefined);
      await dropSchema(admin, schema).catch(() => undefined);
      await deleteKeys(redis, prefix).catch(() => undefined);
      await admin.end();
      redis.disconnect();
    }
  });
});
