import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSCRIPT_LIMIT, type Conversation } from "../../src/core/conversation.js";
import { TRANSCRIPT_PAGE_CHARS, TRANSCRIPT_PREVIEW_CHARS, TRANSCRIPT_TEXTS, type TranscriptPage } from "../../src/core/transcript-text.js";
import { MAX_UNDERSTOOD_CHARS } from "../../src/nlu/index.js";
import { callApi, createApiKey, handoffPath } from "../api/staff-api-client.js";
import { fixture, recordZaloSends, startTestServer, zaloText, type TestServer } from "../helpers/test-server.js";
import { signIn, type ConsoleClient } from "../web/web-test-kit.js";

/**
 * Issue 15 item 1 over HTTP: a text up to the body limit is answered like any other message; understanding reads a
 * cut text, the transcript keeps the message whole — its line shows the start, the whole is stored page by page
 * (src/core/transcript-text.ts) and staff read it a page at a time or download it (console, API).
 */
const OA = fixture<{ recipient: { id: string } }>("zalo/user_send_text.json").recipient.id;
let server: TestServer;
let admin: ConsoleClient;
beforeAll(async () => {
  server = await startTestServer({ ADMIN_PASSWORD: "mat-khau-quan-tri-1" });
  admin = await signIn(server, "admin", "mat-khau-quan-tri-1");
});
afterAll(async () => {
  await server.stop();
  nock.cleanAll();
});

const conversationOf = async (userId: string) => (await server.pipeline.conversations.get(`zalo:${OA}:${userId}`))!;
const pagesOf = async (textId: string) =>
  (await server.store.collection<TranscriptPage>(TRANSCRIPT_TEXTS).find({ textId })).sort((a, b) => a.page - b.page);

/** A text of `length` characters with emoji (surrogate pairs), numbered, no spaces: pages must not split a pair. */
const longText = (length: number, seed: string) => {
  let text = "";
  for (let i = 0; text.length < length; i++) text += `${seed}${i}🙏🏽PA-`;
  return text.slice(0, length).replace(/[\ud800-\udbff]$/, "x");
};

describe("long texts", () => {
  it('a signed 1 MB run of "PA-" gets an answer; its line shows the start, the whole is stored page by page', async () => {
    const sent = recordZaloSends();
    const text = "PA-".repeat(340_000);
    expect((await server.postZalo(zaloText(text, "long-1", "long-1-m1"))).status).toBe(200);
    await server.settle();
    expect(sent.length).toBeGreaterThan(0);
    const conversation = await conversationOf("long-1");
    const line = conversation.transcript.find((l) => l.from === "person")!;
    expect(line.text).toBe(text.slice(0, TRANSCRIPT_PREVIEW_CHARS));
    expect(line.full).toEqual({ id: `zalo:${OA}:long-1:long-1-m1`, chars: text.length, pages: Math.ceil(text.length / TRANSCRIPT_PAGE_CHARS) });
    const pages = await pagesOf(line.full!.id);
    expect(pages.map((page) => page.text).join("")).toBe(text);
    // The conversation every later message reads and rewrites stays small.
    expect(JSON.stringify(conversation).length).toBeLessThan(10_000);
  });

  it("a text longer than understanding reads is kept whole and still understood from its start", async () => {
    nock.cleanAll();
    const sent = recordZaloSends();
    const text = "hội lim năm nay ngày nào? ".repeat(Math.ceil((MAX_UNDERSTOOD_CHARS * 1.5) / 26));
    expect(text.length).toBeGreaterThan(MAX_UNDERSTOOD_CHARS);
    await server.postZalo(zaloText(text, "long-2"));
    await server.settle();
    const line = (await conversationOf("long-2")).transcript.find((l) => l.from === "person")!;
    expect(line.text + (await pagesOf(line.full!.id)).map((page) => page.text).join("").slice(line.text.length)).toBe(text);
    expect(JSON.stringify(sent.map((s) => s.body))).toMatch(/Hội Lim/);
  });

  it("a long conversation: every long message stays whole while its line is kept, and its pages go with the line", async () => {
    nock.cleanAll();
    recordZaloSends(1000);
    const user = "long-3";
    const first = longText(95_000, "đầu");
    const late = longText(45_001, "cuối");
    const send = async (text: string, id: string) => {
      expect((await server.postZalo(zaloText(text, user, `${user}-${id}`))).status).toBe(200);
      await server.settle();
    };
    await send(first, "first");
    const firstId = `zalo:${OA}:${user}:${user}-first`;
    expect((await pagesOf(firstId)).length).toBe(5);
    // Short messages (some of them slowed or unanswered by the flood limit) until the first line leaves the transcript.
    for (let i = 0; (await conversationOf(user)).transcript.some((line) => line.full?.id === firstId); i++) {
      expect(i).toBeLessThan(400);
      await send(`xin chào lần ${i}`, `m${i}`);
    }
    await send(late, "late");
    const conversation = await conversationOf(user);
    expect(conversation.transcript).toHaveLength(TRANSCRIPT_LIMIT);
    // The first message's line left the transcript: its pages are gone too.
    expect(await pagesOf(firstId)).toEqual([]);
    // The later one is whole, its pages split where no emoji is cut in half.
    const line = conversation.transcript.find((l) => l.full?.id === `zalo:${OA}:${user}:${user}-late`)!;
    expect(line.full).toMatchObject({ chars: late.length, pages: 3 });
    const pages = await pagesOf(line.full!.id);
    expect(pages.map((page) => page.text).join("")).toBe(late);
    for (const page of pages) expect(page.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it("staff read a long message a page (one screen) at a time in the console, download it whole, and the API gives it whole", async () => {
    nock.cleanAll();
    recordZaloSends();
    const user = "long-4";
    const key = `zalo:${OA}:${user}`;
    const text = longText(50_000, "cán bộ");
    await server.postZalo(zaloText("cho tôi gặp cán bộ", user, `${user}-m1`));
    await server.settle();
    await server.postZalo(zaloText(text, user, `${user}-m2`));
    await server.settle();
    const textId = `${key}:${user}-m2`;

    const thread = await (await admin.get(`/admin/inbox/${encodeURIComponent(key)}/part`)).text();
    expect(thread).toContain("Xem toàn văn (50.000 ký tự, 3 trang)");
    expect(thread).not.toContain(text.slice(0, TRANSCRIPT_PREVIEW_CHARS + 10));

    const second = await admin.get(`/admin/inbox/${encodeURIComponent(key)}/text?id=${encodeURIComponent(textId)}&page=2`);
    expect(second.status).toBe(200);
    const screen = await second.text();
    expect(screen).toContain("trang 2/3");
    const pages = await pagesOf(textId);
    expect(screen).toContain(pages[1]!.text.slice(0, 200).replaceAll("&", "&amp;"));
    expect(screen).not.toContain(pages[0]!.text.slice(0, 200));

    const download = await admin.get(`/admin/inbox/${encodeURIComponent(key)}/text.txt?id=${encodeURIComponent(textId)}`);
    expect(download.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await download.text()).toBe(text);

    // Another conversation's text is not found through this one.
    const other = await admin.get(`/admin/inbox/${encodeURIComponent(key)}/text?id=${encodeURIComponent(`zalo:${OA}:long-1:long-1-m1`)}`);
    expect(other.status).toBe(404);

    const { secret } = await createApiKey(admin, "long texts");
    const read = await callApi(server, "GET", handoffPath(key), { token: secret });
    const line = (read.body.transcript as Conversation["transcript"]).find((l) => l.full)!;
    expect(line.full).toMatchObject({ id: textId, chars: text.length });
    const whole = await fetch(`${server.url}${handoffPath(key)}/texts/${encodeURIComponent(textId)}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe(text);
  });
});
