import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { Handoff } from "../../../src/domain/handoff.js";
import { BOT_METADATA } from "../../../src/channels/messenger/to-message.js";
import { startHandoffSweeper } from "../../../src/features/handoff/handoff-sweeper.js";
import { readTranscriptPage } from "../../../src/core/transcript-text.js";
import { fixture, GRAPH_API, startTestServer, ZALO_API, type TestServer } from "../../helpers/test-server.js";
import { callApi, handoffPath, STAFF_TOKEN } from "../../api/staff-api-client.js";
import { signIn } from "../../web/web-test-kit.js";
import { HOUR, MESSENGER_KEY, messengerAt, OPEN_TIME, PAGE, PSID, ZALO_KEY, ZALO_OA, ZALO_USER, zaloAt } from "./handoff-helpers.js";

/**
 * Issue 16 item 7: a staff member answering from the platform's own inbox (the Zalo OA chat, the Page inbox) pauses the
 * bot for that person; the echoes of the bot's own messages do not. Everything goes through signed webhooks; the
 * platforms' send APIs are stubbed and give each message its own id, as they do.
 */

const MINUTE = 60_000;
let server: TestServer | undefined;
let clock = OPEN_TIME;

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  clock = OPEN_TIME;
  server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN, STAFF_ZALO_USER_IDS: "staff-a", ...env }, { now: () => clock });
  return server;
}

afterEach(async () => {
  await server?.stop();
  server = undefined;
  nock.cleanAll();
});

/** Zalo's send API, answering each message with a new message_id (kept in `ids`, in order). */
function zaloSends() {
  const sent: { userId: string; text: string; id: string }[] = [];
  const success = fixture<any>("zalo/api-send-success.json");
  nock(ZALO_API)
    .post("/v3.0/oa/message/cs")
    .times(200)
    .reply((_uri, body: any) => {
      const id = `bot-msg-${sent.length + 1}`;
      sent.push({ userId: body.recipient.user_id, text: String(body.message?.text ?? ""), id });
      return [200, { ...success, data: { ...success.data, message_id: id } }];
    });
  return sent;
}

/** The Send API, answering each message with a new message_id. */
function graphSends() {
  const sent: { psid: string; text: string; metadata?: string; id: string }[] = [];
  nock(GRAPH_API)
    .post("/v21.0/me/messages")
    .query(true)
    .times(200)
    .reply((_uri, body: any) => {
      const id = `m_bot_${sent.length + 1}`;
      if (body.message) sent.push({ psid: body.recipient.id, text: String(body.message.text ?? ""), metadata: body.message.metadata, id });
      return [200, { recipient_id: body.recipient.id, message_id: id }];
    });
  return sent;
}

/** oa_send_text: the OA sent `text` to the person (from the API or the OA chat screen). */
function zaloEcho(text: string, msgId: string, at: number) {
  return { app_id: "3605738391474520000", event_name: "oa_send_text", timestamp: String(at), sender: { id: ZALO_OA }, recipient: { id: ZALO_USER }, message: { msg_id: msgId, text } };
}

/** A Messenger echo of a page message; `message` adds app_id / metadata. */
function messengerEcho(text: string, mid: string, at: number, message: Record<string, unknown> = {}) {
  return { object: "page", entry: [{ id: PAGE, time: at, messaging: [{ sender: { id: PAGE }, recipient: { id: PSID }, timestamp: at, message: { mid, is_echo: true, text, ...message } }] }] };
}

async function zalo(s: TestServer, body: unknown): Promise<void> {
  expect((await s.postZalo(body)).status).toBe(200);
  await s.settle();
}

async function messenger(s: TestServer, body: unknown): Promise<void> {
  expect((await s.postMessenger(body)).status).toBe(200);
  await s.settle();
}

const handoffOf = (s: TestServer, key: string) => s.store.collection<Handoff>("handoffs").get(key);
const toPerson = <T extends { userId: string }>(sent: T[]) => sent.filter((m) => m.userId === ZALO_USER);

describe("Zalo: a reply from the OA chat pauses the bot", () => {
  it("the echo of the bot's own answer changes nothing; a staff member's reply pauses the bot, silently and without a staff notice", async () => {
    const s = await start();
    const sent = zaloSends();
    await zalo(s, zaloAt("hội lim năm nay ngày nào", clock));
    const answers = toPerson(sent);
    expect(answers.length).toBeGreaterThan(0);
    // Zalo echoes every message the bot sent: each is recognised by its id.
    for (const answer of answers) await zalo(s, zaloEcho(answer.text, answer.id, clock + 1000));
    expect(await handoffOf(s, ZALO_KEY)).toBeUndefined();
    await zalo(s, zaloAt("lớp quan họ học ở đâu", clock + 2 * MINUTE));
    expect(toPerson(sent).length).toBeGreaterThan(answers.length);

    // A staff member writes from the OA chat: an echo whose id the bot never got back from a send.
    const before = sent.length;
    clock += 5 * MINUTE;
    await zalo(s, zaloEcho("Chào bạn, mình là cán bộ phòng Văn hóa, mình hỗ trợ bạn nhé.", "oa-chat-1", clock));
    const handoff = await handoffOf(s, ZALO_KEY);
    expect(handoff).toMatchObject({ status: "open", reason: "platform_inbox", openedAt: clock, firstStaffReplyAt: clock, lastStaffReplyAt: clock });
    expect(sent.length).toBe(before); // nothing to the person, nothing to staff
    const transcript = (await s.services.conversations.get(ZALO_KEY))!.transcript;
    expect(transcript.at(-1)).toMatchObject({ from: "staff", text: "Chào bạn, mình là cán bộ phòng Văn hóa, mình hỗ trợ bạn nhé." });
    // The echo is not the person writing: the reply window is not moved by it.
    expect((await s.services.conversations.get(ZALO_KEY))!.lastInboundAt).toBe(OPEN_TIME + 2 * MINUTE);

    // The person answers the staff member: the bot keeps quiet.
    clock += MINUTE;
    await zalo(s, zaloAt("hội lim năm nay ngày nào", clock));
    expect(sent.length).toBe(before);
  });

  it("is not counted in the analytics as a person asking for staff (nor as a zero wait for a reply)", async () => {
    const s = await start({ ADMIN_PASSWORD: "mat-khau-quan-tri-1" });
    zaloSends();
    await zalo(s, zaloEcho("Chào bạn, cán bộ đây.", "oa-chat-1", clock));
    await zalo(s, zaloAt("cho tôi gặp cán bộ", clock + MINUTE, "someone-else"));
    const admin = await signIn(s, "admin", "mat-khau-quan-tri-1");
    const page = await (await admin.get("/admin/analytics")).text();
    expect(/Phản ánh · gặp cán bộ<\/div><div class="big">0 · 1</.test(page)).toBe(true);
  });

  it("the pause ends after HANDOFF_INBOX_QUIET_MINUTES without a staff reply; each reply restarts it; the bot then answers without an expiry notice", async () => {
    const s = await start({ HANDOFF_INBOX_QUIET_MINUTES: "20" });
    const sent = zaloSends();
    await zalo(s, zaloAt("xin chào", clock));
    await zalo(s, zaloEcho("Cán bộ đây.", "oa-chat-1", clock + MINUTE));
    clock += 15 * MINUTE;
    await zalo(s, zaloEcho("Bạn cần gì thêm?", "oa-chat-2", clock));
    expect((await handoffOf(s, ZALO_KEY))?.lastStaffReplyAt).toBe(clock);

    const sweeper = startHandoffSweeper(s.services);
    try {
      expect(await sweeper.tick(clock + 19 * MINUTE)).toBe(0); // 34 minutes after the first reply, 19 after the last
      expect(await sweeper.tick(clock + 20 * MINUTE)).toBe(1);
    } finally {
      sweeper.stop();
    }
    expect((await handoffOf(s, ZALO_KEY))?.status).toBe("expired");
    const before = toPerson(sent).length;
    expect(toPerson(sent).map((m) => m.text).join("\n")).not.toContain("chưa có cán bộ trả lời");

    clock += 30 * MINUTE;
    await zalo(s, zaloAt("hội lim năm nay ngày nào", clock));
    const after = toPerson(sent).slice(before).map((m) => m.text);
    expect(after.join("\n")).toMatch(/Hội Lim/i);
    expect(after.join("\n")).not.toContain("chưa có cán bộ trả lời");
  });

  it("a picture sent from the OA chat (oa_send_image) pauses the bot too; the transcript shows it", async () => {
    const s = await start();
    zaloSends();
    const image = { ...zaloEcho("", "oa-chat-img", clock), event_name: "oa_send_image", message: { msg_id: "oa-chat-img", attachments: [{ type: "image", payload: { url: "https://zalo.example/anh.jpg", thumbnail: "https://zalo.example/t.jpg" } }] } };
    await zalo(s, image);
    expect(await handoffOf(s, ZALO_KEY)).toMatchObject({ status: "open", reason: "platform_inbox" });
    expect((await s.services.conversations.get(ZALO_KEY))!.transcript.at(-1)).toMatchObject({ from: "staff", extra: "[image] https://zalo.example/anh.jpg" });
  });

  it("found quiet when the person writes: the bot answers at once, without an expiry notice", async () => {
    const s = await start();
    const sent = zaloSends();
    await zalo(s, zaloEcho("Chào bạn, cán bộ đây.", "oa-chat-1", clock));
    clock += 31 * MINUTE;
    await zalo(s, zaloAt("hội lim năm nay ngày nào", clock));
    const texts = toPerson(sent).map((m) => m.text).join("\n");
    expect(texts).toMatch(/Hội Lim/i);
    expect(texts).not.toContain("chưa có cán bộ trả lời");
    expect((await handoffOf(s, ZALO_KEY))?.status).toBe("expired");
  });

  it("a reply from the OA chat while the person waits for staff counts as the staff reply (badge, expiry), not a new handoff", async () => {
    const s = await start();
    const sent = zaloSends();
    await zalo(s, zaloAt("cho tôi gặp cán bộ", clock));
    expect(sent.filter((m) => m.userId === "staff-a")).toHaveLength(1);
    clock += 10 * MINUTE;
    await zalo(s, zaloEcho("Chào bạn, tôi là cán bộ phòng Văn hóa.", "oa-chat-1", clock));
    const handoff = await handoffOf(s, ZALO_KEY);
    expect(handoff).toMatchObject({ status: "open", reason: "asked", openedAt: OPEN_TIME, firstStaffReplyAt: clock, lastStaffReplyAt: clock });
    const read = await callApi(s, "GET", handoffPath(ZALO_KEY));
    expect(read.body.transcript.at(-1)).toMatchObject({ from: "staff", text: "Chào bạn, tôi là cán bộ phòng Văn hóa." });
    // The working day counts from the reply: not due 23 h later, due 24 h later (a Thursday, all working hours).
    expect(handoff!.reason).toBe("asked");
    const sweeper = startHandoffSweeper(s.services);
    try {
      expect(await sweeper.tick(clock + 23 * HOUR)).toBe(0);
      expect(await sweeper.tick(clock + 24 * HOUR)).toBe(1);
    } finally {
      sweeper.stop();
    }
  });
});

describe("Messenger: a reply from the Page inbox pauses the bot", () => {
  it("the bot's messages carry its metadata; echoes with it, with FB_APP_ID or with a recorded id are its own", async () => {
    const s = await start({ FB_APP_ID: "1234567890" });
    const sent = graphSends();
    await messenger(s, messengerAt("hội lim năm nay ngày nào", clock));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.metadata === BOT_METADATA)).toBe(true);

    await messenger(s, messengerEcho(sent[0].text, sent[0].id, clock + 1000, { app_id: 1234567890, metadata: BOT_METADATA }));
    await messenger(s, messengerEcho("no metadata, our app", "m_x1", clock + 1100, { app_id: 1234567890 }));
    // Without metadata nor app id (a utility template, say): known by the id the Send API returned.
    await messenger(s, messengerEcho(sent[0].text, sent[0].id, clock + 1200));
    expect(await handoffOf(s, MESSENGER_KEY)).toBeUndefined();
  });

  it("an echo from the Page inbox (another app id, or none) pauses the bot for that person", async () => {
    const s = await start({ FB_APP_ID: "1234567890" });
    const sent = graphSends();
    await messenger(s, messengerAt("xin chào", clock));
    const before = sent.length;
    clock += MINUTE;
    // Meta's own Page inbox sends with its app id, not ours.
    await messenger(s, messengerEcho("Chào bạn, trang Phòng Văn hóa đây.", "m_inbox_1", clock, { app_id: 263902037430900 }));
    expect(await handoffOf(s, MESSENGER_KEY)).toMatchObject({ status: "open", reason: "platform_inbox", lastStaffReplyAt: clock });
    await messenger(s, messengerAt("lớp quan họ học ở đâu", clock + MINUTE));
    expect(sent.length).toBe(before);
    const transcript = (await s.services.conversations.get(MESSENGER_KEY))!.transcript;
    expect(transcript.filter((line) => line.from === "staff").map((line) => line.text)).toEqual(["Chào bạn, trang Phòng Văn hóa đây."]);
    expect(transcript.at(-1)).toMatchObject({ from: "person", text: "lớp quan họ học ở đâu" });

    // With no app id at all, too (FB_APP_ID unset, no metadata: a human).
    await messenger(s, messengerEcho("Bạn chờ chút nhé.", "m_inbox_2", clock + 2 * MINUTE));
    expect((await handoffOf(s, MESSENGER_KEY))?.lastStaffReplyAt).toBe(clock + 2 * MINUTE);
  });
});

describe("a long reply from the platform's inbox is kept whole", () => {
  // A large body (over 64 kB) is parsed off the main thread and its long text arrives as its start and its bytes:
  // a staff member's echo must keep its whole text in the transcript, as a person's message does.
  const wholeOf = async (s: TestServer, key: string) => {
    const line = [...(await s.services.conversations.get(key))!.transcript].reverse().find((l) => l.from === "staff")!;
    let whole = "";
    for (let page = 1; page <= line.full!.pages; page++) whole += (await readTranscriptPage(s.store, key, line.full!.id, page))!.text;
    return { line, whole };
  };
  const longReply = "Chào bạn, mình gửi toàn văn quy định về lễ hội để bạn tham khảo. ".repeat(1_500); // ~100,000 characters

  it("Zalo: the OA chat's long reply", async () => {
    const s = await start();
    zaloSends();
    await zalo(s, zaloAt("hội lim năm nay ngày nào", clock));
    clock += MINUTE;
    await zalo(s, zaloEcho(longReply, "oa-chat-long", clock));
    const { line, whole } = await wholeOf(s, ZALO_KEY);
    expect(line.full!.chars).toBe(longReply.length);
    expect(whole).toBe(longReply);
  });

  it("Messenger: the Page inbox's long reply", async () => {
    const s = await start();
    graphSends();
    await messenger(s, messengerAt("giờ mở cửa bảo tàng", clock));
    clock += MINUTE;
    await messenger(s, messengerEcho(longReply, "m_inbox_long", clock));
    const { line, whole } = await wholeOf(s, MESSENGER_KEY);
    expect(line.full!.chars).toBe(longReply.length);
    expect(whole).toBe(longReply);
  });
});
