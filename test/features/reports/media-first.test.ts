import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Handoff } from "../../../src/domain/handoff.js";
import type { Report } from "../../../src/domain/report.js";
import { MessengerPerson, ZaloPerson } from "../../helpers/chat.js";
import { fixture, serverPerTest, type TestServer } from "../../helpers/test-server.js";

/**
 * What people send first that is not words (issue 14, item 2): a photo or a file (→ "Gửi phản ánh kèm ảnh này?"),
 * a sticker, a like, an emoji, a voice note, a video; on both platforms, through signed webhooks. (A shared location:
 * test/features/answers/nearby-places.test.ts.)
 */

const each = serverPerTest();
let server: TestServer;
beforeEach(() => {
  server = each.server;
  server.services.notifier = { notify: async () => undefined };
});

const PHOTO = "https://photo-stal.zadn.vn/abc/vi-pham.jpg";
const handoffs = () => server.store.collection<Handoff>("handoffs").find();
const reports = () => server.store.collection<Report>("reports").find();

/** Posts one Zalo message event of `event_name` with `attachments` from the person. */
async function zaloSends(person: ZaloPerson, event_name: string, attachments: unknown[], text = ""): Promise<string> {
  const before = person.count;
  const base = fixture<Record<string, unknown>>("zalo/user_send_text.json");
  const body = { ...base, event_name, timestamp: String(Date.now()), sender: { id: person.userId }, message: { msg_id: randomUUID(), text, attachments } };
  expect((await server.postZalo(body)).status).toBe(200);
  await server.settle();
  return person.textSince(before);
}

/** Posts one Messenger message with `message` fields from the person. */
async function messengerSends(person: MessengerPerson, message: Record<string, unknown>): Promise<string> {
  const before = person.count;
  const body = {
    object: "page",
    entry: [{ id: "108512345678901", time: Date.now(), messaging: [{ sender: { id: person.psid }, recipient: { id: "108512345678901" }, timestamp: Date.now(), message: { mid: `m_${randomUUID()}`, ...message } }] }],
  };
  expect((await server.postMessenger(body)).status).toBe(200);
  await server.settle();
  return person.textSince(before);
}

describe("a photo first", () => {
  it("asks whether to send a report with it; yes starts the report with the photo as its first evidence", async () => {
    const person = new ZaloPerson(server, "photo-yes");
    expect(await person.image(PHOTO)).toContain("Bạn muốn gửi phản ánh kèm ảnh này?");
    expect(person.received.at(-1)!.choices.map((c) => c.title)).toEqual(["Gửi phản ánh", "Không"]);
    const started = await person.tap("report:photo:yes");
    expect(started).toMatch(/phản ánh/i);
    // The rest of the report, then the summary shows the photo and the filed report keeps it.
    await person.say("Có người vẽ bậy lên tường đình Đông Xá");
    await person.say("đình Đông Xá");
    await person.tap("dialog:skip");
    const evidenceStep = person.textSince(0);
    expect(evidenceStep).toContain("1 ảnh");
    await person.tap("report:evidence:done");
    await person.tap("report:anonymous");
    const done = await person.tap("report:submit");
    expect(done).toMatch(/PA-\d{4}-\d{4}/);
    const [report] = await reports();
    expect(report.evidence.map((e) => e.url)).toEqual([PHOTO]);
  });

  it("no gets a friendly line and the menu, and nothing is filed", async () => {
    const person = new ZaloPerson(server, "photo-no");
    await person.image(PHOTO);
    const text = await person.tap("report:photo:no");
    expect(text).toContain("cảm ơn bạn đã chia sẻ");
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toContain("menu:report");
    expect(await reports()).toEqual([]);
    expect(await handoffs()).toEqual([]);
  });

  it("a file first on Messenger is asked about too", async () => {
    const person = new MessengerPerson(server, "file-first");
    const text = await messengerSends(person, { attachments: [{ type: "file", payload: { url: "https://cdn.fbsbx.com/v/bien-ban.pdf" } }] });
    expect(text).toContain("Bạn muốn gửi phản ánh kèm tệp này?");
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toEqual(["report:photo:yes", "report:photo:no"]);
  });

  it("a shared link alone (Zalo user_send_link, a Messenger fallback attachment) is asked about too", async () => {
    const person = new ZaloPerson(server, "link-first");
    const link = "https://www.facebook.com/share/p/abc123";
    expect(await zaloSends(person, "user_send_link", [{ type: "link", payload: { url: link, title: "Bài đăng" } }], link)).toContain("kèm liên kết này?");
    const fb = new MessengerPerson(server, "link-first-fb");
    expect(await messengerSends(fb, { attachments: [{ type: "fallback", title: "Bài đăng", url: link, payload: { url: link } }] })).toContain("kèm liên kết này?");
  });

  it("a sticker right after the photo gets a short friendly reply and never hands the person to staff", async () => {
    const person = new ZaloPerson(server, "photo-sticker");
    await person.image(PHOTO);
    const sticker = await zaloSends(person, "user_send_sticker", [{ type: "sticker", payload: { id: "bfe1d6c5d1803ade6391", url: "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=1234" } }]);
    expect(sticker).toContain("Cảm ơn bạn");
    expect(sticker).not.toContain("chưa hiểu");
    await zaloSends(person, "user_send_gif", [{ type: "gif", payload: { url: "https://media.giphy.com/x.gif", thumbnail: "https://media.giphy.com/x.jpg" } }]);
    await person.say("👍");
    expect(person.textSince(0)).not.toContain("chưa hiểu");
    expect(await handoffs()).toEqual([]);
  });
});

describe("stickers, likes and emoji", () => {
  it("a Messenger like (a sticker) and an emoji-only text are answered briefly, never as misunderstood", async () => {
    const person = new MessengerPerson(server, "like");
    const like = await messengerSends(person, { sticker_id: 369239263222822, attachments: [{ type: "image", payload: { url: "https://scontent.xx.fbcdn.net/like.png", sticker_id: 369239263222822 } }] });
    expect(like).toContain("Cảm ơn bạn");
    expect(await person.say("❤️❤️")).toContain("Cảm ơn bạn");
    expect(await person.say(":)")).toContain("Cảm ơn bạn");
    expect(await handoffs()).toEqual([]);
  });
});

describe("voice notes and videos", () => {
  it("a Zalo voice note: says the bot cannot listen, what to do instead, and offers staff", async () => {
    const person = new ZaloPerson(server, "voice");
    const text = await zaloSends(person, "user_send_audio", [{ type: "audio", payload: { url: "https://voice-aac-dl.zdn.vn/x.aac" } }]);
    expect(text).toContain("chưa nghe được tin nhắn thoại");
    expect(text).toMatch(/gõ/);
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toContain("menu:handoff");
  });

  it("a Chinese speaker's voice note and sticker are answered in Chinese", async () => {
    const person = new ZaloPerson(server, "voice-zh");
    await person.say("你好");
    const text = await zaloSends(person, "user_send_audio", [{ type: "audio", payload: { url: "https://voice-aac-dl.zdn.vn/y.aac" } }]);
    expect(text).toContain("我还听不了语音消息");
    expect(person.received.at(-1)!.choices.map((c) => c.title)).toEqual(["人工客服", "举报"]);
    const sticker = await zaloSends(person, "user_send_sticker", [{ type: "sticker", payload: { id: "bfe1d6c5d1803ade6391", url: "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=1234" } }]);
    expect(sticker).toContain("😊 谢谢！");
  });

  it("a photo from a Korean speaker: asked in Korean, told the report form is in Vietnamese/English, offered staff", async () => {
    const person = new ZaloPerson(server, "photo-ko");
    await person.say("안녕하세요");
    const text = await zaloSends(person, "user_send_image", [{ type: "image", payload: { url: "https://photo-stal.zadn.vn/ko.jpg", thumbnail: "https://photo-stal.zadn.vn/ko-t.jpg" } }]);
    expect(text).toContain("이 사진으로 신고하시겠어요? 신고 양식은 현재 베트남어와 영어로만 제공되어 영어로 진행됩니다.");
    expect(person.received.at(-1)!.choices.map((c) => [c.title, c.payload])).toEqual([["영어로 신고하기", "report:photo:yes"], ["아니요", "report:photo:no"], ["직원 연결", "menu:handoff"]]);
  });

  it("a Messenger audio attachment gets the same answer", async () => {
    const person = new MessengerPerson(server, "voice-fb");
    const text = await messengerSends(person, { attachments: [{ type: "audio", payload: { url: "https://cdn.fbsbx.com/v/audioclip.mp4" } }] });
    expect(text).toContain("chưa nghe được tin nhắn thoại");
  });

  it("a video: says the bot cannot watch it, offers to send it with a report (evidence) or staff", async () => {
    const person = new ZaloPerson(server, "video");
    const video = "https://video.zadn.vn/clip.mp4";
    const text = await zaloSends(person, "user_send_video", [{ type: "video", payload: { url: video, thumbnail: "https://video.zadn.vn/clip.jpg" } }]);
    expect(text).toContain("chưa xem được video");
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toEqual(["report:photo:yes", "report:photo:no", "menu:handoff"]);
    await person.tap("report:photo:yes");
    await person.say("Quay cảnh đốt vàng mã sai quy định trong sân đình");
    await person.say("sân đình Xuân Ổ");
    await person.tap("dialog:skip");
    expect(person.textSince(0)).toMatch(/1 tệp|1 file/);
  });
});
