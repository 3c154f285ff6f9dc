import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../src/core/outbound.js";
import type { Report } from "../../src/domain/report.js";
import { recordZaloSends, ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";
import { deleteKeys, requireRedis } from "../store/services.js";
import { startOn, type BackendServer } from "./backends.js";

/**
 * Issue 15, durable before visible, on PostgreSQL + Redis: a dialog step's new state, the report it files and its
 * replies (the outbox) are one transaction, committed before any reply is sent; a redelivered message whose step
 * was stored sends its stored replies (through the outbound queue) and is not applied again. The lowdb version is
 * test/core/outbox-replay.test.ts.
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
});
