import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { recordZaloSends, startTestServer, ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";

/**
 * Issue 15, durable before visible: a dialog step, what it saves and its replies are one commit, written before any
 * reply is sent. A message redelivered after its step was stored (its id forgotten by the seen list, as a crash
 * forgets the last second of it) sends the stored replies and does not apply the step again.
 */

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
  nock.cleanAll();
});

async function start(dir: string): Promise<TestServer> {
  const server = await startTestServer({}, { store: new LowdbStore({ dir }) });
  servers.push(server);
  return server;
}

const textsOf = (sent: { body: { message?: { text?: string } } }[]) => sent.map((call) => call.body.message?.text ?? "");

/** The Zalo send API, stubbed: 503 while `down`, else the text is kept in `sent` (in order) and success returned. */
function zaloThatCanBeDown(): { down: boolean; sent: string[] } {
  const zalo = { down: false, sent: [] as string[] };
  nock(ZALO_API)
    .post("/v3.0/oa/message/cs")
    .times(200)
    .reply((_uri, body) => {
      if (zalo.down) return [503, "unavailable"];
      zalo.sent.push((body as { message?: { text?: string } }).message?.text ?? "");
      return [200, { error: 0, message: "Success", data: { message_id: "m" } }];
    });
  return zalo;
}

describe("outbox replay", () => {
  it("a redelivered message whose step was stored sends its stored replies once and does not apply the step again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "outbox-replay-"));
    const first = await start(dir);
    recordZaloSends(10);
    await first.postZalo(zaloText("tôi muốn phản ánh", "u-replay", "m-1"));
    await first.settle();
    nock.cleanAll();
    // Zalo is down while the person picks the category: the step is stored, its reply waits in the outbox.
    let tries = 0;
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(20)
      .reply(() => (tries++, [503, "unavailable"]));
    await first.postZalo(zaloText("1", "u-replay", "m-2"));
    await first.settle();
    expect(tries).toBe(4);
    const [kept] = await first.store.collection<{ replies: { text: string }[] }>("outbox").find();
    expect(kept!.replies.map((reply) => reply.text).join("\n")).toMatch(/mô tả/i);
    await first.stop();
    servers.splice(0);
    // The seen ids are written lazily (not with the step): a crash can lose them. Here they are removed.
    for (const file of readdirSync(dir).filter((name) => name.startsWith("_seen"))) rmSync(join(dir, file));

    nock.cleanAll();
    const sent = recordZaloSends(10);
    const second = await start(dir);
    // Zalo redelivers the category answer.
    expect((await second.postZalo(zaloText("1", "u-replay", "m-2"))).status).toBe(200);
    await second.settle();
    await second.outboxSweeper.sweep();
    expect(textsOf(sent)).toHaveLength(1);
    expect(textsOf(sent)[0]).toMatch(/mô tả/i);
    const conversation = await second.services.conversations.get("zalo:579745863508352884:u-replay");
    expect((conversation!.state.dialog as { step: string }).step).toBe("description");
    expect(conversation!.transcript.filter((line) => line.from === "person").map((line) => line.text)).toEqual(["tôi muốn phản ánh", "1"]);
    expect(await second.store.collection("outbox").find()).toEqual([]);
  });

  it("a person who says the same again while the reply to their last message is unsent gets that reply; the repeat is not the next answer", async () => {
    const server = await start(mkdtempSync(join(tmpdir(), "outbox-repeat-")));
    recordZaloSends(10);
    await server.postZalo(zaloText("tôi muốn phản ánh", "u-repeat", "r-1"));
    await server.settle();
    nock.cleanAll();
    nock(ZALO_API).post("/v3.0/oa/message/cs").times(4).reply(503, "unavailable");
    await server.postZalo(zaloText("1", "u-repeat", "r-2"));
    await server.settle();
    // Zalo is back; the person, who never got the next question, says "1" again.
    const sent = recordZaloSends(10);
    await server.postZalo(zaloText("1", "u-repeat", "r-3"));
    await server.settle();
    expect(textsOf(sent)).toHaveLength(1);
    expect(textsOf(sent)[0]).toMatch(/mô tả/i);
    const conversation = await server.services.conversations.get("zalo:579745863508352884:u-repeat");
    expect((conversation!.state.dialog as { step: string }).step).toBe("description");
    expect(conversation!.applied).toEqual(["r-1", "r-2", "r-3"]);
  });

  it("a person who says the same a third time, their second repeat also unanswered, still gets the question once; no repeat is the next answer", async () => {
    // The soak's last wrong fields: after a repeat (which has no replies of its own), the check for unsent replies
    // looked at the repeat's, found none, and took the next repeat as the answer to the question never received.
    const server = await start(mkdtempSync(join(tmpdir(), "outbox-repeat-twice-")));
    const zalo = zaloThatCanBeDown();
    const sent = zalo.sent;
    const say = async (text: string, id: string) => {
      expect((await server.postZalo(zaloText(text, "u-twice", id))).status).toBe(200);
      await server.settle();
    };
    await say("tôi muốn phản ánh", "t-1");
    await say("1", "t-2");
    await say("Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ", "t-3");
    // The place is stored; the time question does not reach them (Zalo down), nor when they say the place again.
    zalo.down = true;
    await say("số 12 ngõ 5 thôn Đông", "t-4");
    await say("số 12 ngõ 5 thôn Đông", "t-5");
    zalo.down = false;
    sent.length = 0;
    await say("số 12 ngõ 5 thôn Đông", "t-6");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/khi nào/i);
    await say("tối qua", "t-7");
    expect(sent[1]).toMatch(/ảnh, video/i);
    const conversation = await server.services.conversations.get("zalo:579745863508352884:u-twice");
    const dialog = conversation!.state.dialog as { data?: { place?: { text?: string }; happened?: { text?: string } } };
    expect(JSON.stringify(dialog)).toContain("tối qua");
    expect(JSON.stringify(dialog).match(/số 12 ngõ 5 thôn Đông/g)).toHaveLength(1);
  });

  it("a message written before the question reached the person, handled after another delivery sent it, is not an answer to it", async () => {
    // The soak's last wrong fields: after a restart the sweeper sent the unsent question while the person's next
    // message (written before it arrived) waited in line; that message was then taken as the answer.
    const server = await start(mkdtempSync(join(tmpdir(), "outbox-written-before-")));
    const zalo = zaloThatCanBeDown();
    const sent = zalo.sent;
    const say = async (text: string, id: string, writtenAt = Date.now()) => {
      expect((await server.postZalo({ ...zaloText(text, "u-before", id), timestamp: String(writtenAt) })).status).toBe(200);
      await server.settle();
    };
    const sweptOut = async () => {
      await expect.poll(async () => (await server.outboxSweeper.sweep(), (await server.store.collection("outbox").find()).length), { timeout: 5_000 }).toBe(0);
    };
    await say("tôi muốn phản ánh", "b-1");
    zalo.down = true;
    await say("1", "b-2");
    // They write again (starting over) without the description question; it goes out before that message is handled.
    const startedOver = Date.now();
    zalo.down = false;
    sent.length = 0;
    await sweptOut();
    expect(sent.join("\n")).toMatch(/mô tả ngắn gọn/i);
    sent.length = 0;
    await say("tôi muốn phản ánh", "b-3", startedOver);
    expect(sent).toEqual([]); // not "Phần mô tả là bắt buộc…" and the question a second time
    await say("Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ", "b-4");
    expect(sent.join("\n")).toMatch(/ở đâu/i);

    // The same with a repeat: the place is stored, the time question is held by an outage, then sent while the person's
    // repeat of the place (written before it arrived) waits: the repeat is not the time.
    zalo.down = true;
    await say("số 12 ngõ 5 thôn Đông", "b-5");
    const repeatedAt = Date.now();
    zalo.down = false;
    sent.length = 0;
    await sweptOut();
    expect(sent.join("\n")).toMatch(/khi nào/i);
    sent.length = 0;
    await say("số 12 ngõ 5 thôn Đông", "b-6", repeatedAt);
    expect(sent).toEqual([]);
    await say("tối qua", "b-7");
    expect(sent.join("\n")).toMatch(/ảnh, video/i);
    const dialog = JSON.stringify((await server.services.conversations.get("zalo:579745863508352884:u-before"))!.state.dialog);
    expect(dialog).toContain("tối qua");
    expect(dialog.match(/số 12 ngõ 5 thôn Đông/g)).toHaveLength(1);
    expect(dialog).not.toContain("tôi muốn phản ánh");
  });

  it("a message written before the question reached the person is not an answer to it after a restart either: when it went is stored", async () => {
    // The time the question went was kept in one process's memory: the process after a restart (or another instance)
    // took the person's repeat, written before the question arrived, as the answer to it.
    const dir = mkdtempSync(join(tmpdir(), "outbox-sent-restart-"));
    let server = await start(dir);
    const zalo = zaloThatCanBeDown();
    const sent = zalo.sent;
    const say = async (text: string, id: string, writtenAt = Date.now()) => {
      expect((await server.postZalo({ ...zaloText(text, "u-restart", id), timestamp: String(writtenAt) })).status).toBe(200);
      await server.settle();
    };
    await say("tôi muốn phản ánh", "r-1");
    await say("1", "r-2");
    await say("Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ", "r-3");
    // The place is stored; the time question is held by an outage, then the sweeper sends it.
    zalo.down = true;
    await say("số 12 ngõ 5 thôn Đông", "r-4");
    const repeatedAt = Date.now();
    zalo.down = false;
    sent.length = 0;
    await expect.poll(async () => (await server.outboxSweeper.sweep(), (await server.store.collection("outbox").find()).length), { timeout: 5_000 }).toBe(0);
    expect(sent.join("\n")).toMatch(/khi nào/i);
    // A restart; the person's repeat of the place, written before the time question arrived, comes in now.
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
    server = await start(dir);
    sent.length = 0;
    await say("số 12 ngõ 5 thôn Đông", "r-5", repeatedAt);
    expect(sent).toEqual([]); // not the next question: the repeat is not the time
    await say("tối qua", "r-6");
    expect(sent.join("\n")).toMatch(/ảnh, video/i);
    const dialog = JSON.stringify((await server.services.conversations.get("zalo:579745863508352884:u-restart"))!.state.dialog);
    expect(dialog).toContain("tối qua");
    expect(dialog.match(/số 12 ngõ 5 thôn Đông/g)).toHaveLength(1);
    // The mark is dropped once the next step is stored (the time question's, by the commit of "tối qua").
    expect((await server.store.collection("outbox_sent").find()).map((mark) => (mark as { id: string }).id)).not.toContain("zalo:579745863508352884:r-4");
  });

  it("replies to the previous message still unsent go out before the next message's, never after it", async () => {
    const server = await start(mkdtempSync(join(tmpdir(), "outbox-order-")));
    recordZaloSends(10);
    await server.postZalo(zaloText("tôi muốn phản ánh", "u-order", "o-1"));
    await server.settle();
    nock.cleanAll();
    nock(ZALO_API).post("/v3.0/oa/message/cs").times(4).reply(503, "unavailable");
    await server.postZalo(zaloText("1", "u-order", "o-2"));
    await server.settle();
    // Zalo is back before the sweeper's next pass; the person writes something else (not the same again).
    const sent = recordZaloSends(10);
    await server.postZalo(zaloText("Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ", "u-order", "o-3"));
    await server.settle();
    // The description question first (the reply to "1"), then the reply to the description (where did it happen?).
    expect(textsOf(sent)).toHaveLength(2);
    expect(textsOf(sent)[0]).toMatch(/mô tả/i);
    expect(textsOf(sent)[1]).toMatch(/ở đâu/i);
    expect(await server.store.collection("outbox").find()).toEqual([]);
    await server.outboxSweeper.sweep();
    expect(textsOf(sent)).toHaveLength(2);
  });

  it("a message that does not fit the step, written before its question arrived: the question goes out once, not asked again", async () => {
    const server = await start(mkdtempSync(join(tmpdir(), "outbox-unseen-")));
    recordZaloSends(10);
    await server.postZalo(zaloText("tôi muốn phản ánh", "u-unseen", "n-1"));
    await server.settle();
    nock.cleanAll();
    nock(ZALO_API).post("/v3.0/oa/message/cs").times(4).reply(503, "unavailable");
    await server.postZalo(zaloText("1", "u-unseen", "n-2"));
    await server.settle();
    // Hearing nothing, the person starts over (not the same words as before): the description question they never
    // got goes out, and "Phần mô tả là bắt buộc…" does not follow it (they would answer both copies).
    const sent = recordZaloSends(10);
    await server.postZalo(zaloText("tôi muốn phản ánh", "u-unseen", "n-3"));
    await server.settle();
    expect(textsOf(sent)).toHaveLength(1);
    expect(textsOf(sent)[0]).toMatch(/mô tả ngắn gọn/i);
    const conversation = await server.services.conversations.get("zalo:579745863508352884:u-unseen");
    expect((conversation!.state.dialog as { step: string }).step).toBe("description");
    // Their next message is the description.
    await server.postZalo(zaloText("Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ", "u-unseen", "n-4"));
    await server.settle();
    expect(textsOf(sent)[1]).toMatch(/ở đâu/i);
  });

  it("the step, the report it files and the reply with its code are stored together before the code is sent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "outbox-commit-"));
    const server = await start(dir);
    let storedWhenSent: unknown[] | undefined;
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(40)
      .reply(async (_uri, body) => {
        const text = (body as { message?: { text?: string } }).message?.text ?? "";
        // What a crash at the moment the code leaves would find on disk: a second store opened on the same folder.
        if (/Mã phản ánh/.test(text)) {
          const copy = mkdtempSync(join(tmpdir(), "outbox-commit-copy-"));
          cpSync(dir, copy, { recursive: true });
          const reader = new LowdbStore({ dir: copy });
          storedWhenSent = [await reader.collection("reports").find(), (await reader.collection<{ state: { dialog?: unknown } }>("conversations").find())[0]?.state.dialog];
        }
        return [200, { error: 0, message: "Success", data: { message_id: "m" } }];
      });
    const say = async (text: string, id: string) => {
      await server.postZalo(zaloText(text, "u-commit", id));
      await server.settle();
    };
    await say("tôi muốn phản ánh", "c-1");
    await say("1", "c-2");
    await say("Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ", "c-3");
    await say("số 12 ngõ 5 thôn Đông", "c-4");
    await say("tối qua", "c-5");
    await say("xong", "c-6");
    await say("ẩn danh", "c-7");
    await say("Gửi", "c-8");
    expect(storedWhenSent).toBeDefined();
    const [reports, dialog] = storedWhenSent as [{ code: string }[], unknown];
    expect(reports).toHaveLength(1);
    // The dialog's state was already the step after the summary (closed), not the summary still waiting for "Gửi".
    expect(dialog).toBeUndefined();
  });
});
