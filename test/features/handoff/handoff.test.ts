import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { Handoff } from "../../../src/domain/handoff.js";
import type { Report } from "../../../src/domain/report.js";
import { startHandoffSweeper } from "../../../src/features/handoff/handoff-sweeper.js";
import { HandoffService } from "../../../src/features/handoff/handoff-service.js";
import { recordGraphSends, recordZaloSends, startTestServer, type TestServer } from "../../helpers/test-server.js";
import { callApi, handoffPath, STAFF_TOKEN } from "../../api/staff-api-client.js";
import { signIn } from "../../web/web-test-kit.js";
import {
  graphTextsTo,
  HOUR,
  MESSENGER_KEY,
  messengerAt,
  messengerChoice,
  OPEN_TIME,
  PSID,
  ZALO_KEY,
  zaloAt,
  zaloChoice,
  zaloTextsTo,
} from "./handoff-helpers.js";

const ENV = { STAFF_API_TOKEN: STAFF_TOKEN, STAFF_ZALO_USER_IDS: "staff-a,staff-b", PUBLIC_URL: "https://vanhoa.example.vn" };
const STARTED = "chuyển cuộc trò chuyện cho cán bộ";

let server: TestServer | undefined;
let clock = OPEN_TIME;

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  clock = OPEN_TIME;
  server = await startTestServer({ ...ENV, ...env }, { now: () => clock });
  return server;
}

async function say(s: TestServer, body: unknown, channel: "zalo" | "messenger" = "zalo"): Promise<void> {
  const response = channel === "zalo" ? await s.postZalo(body) : await s.postMessenger(body);
  expect(response.status).toBe(200);
  await s.settle();
}

const handoffOf = (s: TestServer, key: string) => s.store.collection<Handoff>("handoffs").get(key);

afterEach(async () => {
  await server?.stop();
  server = undefined;
  nock.cleanAll();
});

describe("handoff on Zalo", () => {
  it("starts when asked, tells staff, stays silent while handed off, and a staff reply through the API reaches the person", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloAt("cho tôi gặp cán bộ", clock));

    const toPerson = zaloTextsTo(sent);
    expect(toPerson).toHaveLength(1);
    expect(toPerson[0]).toContain(STARTED);
    expect(toPerson[0]).toContain("kết thúc");
    expect(toPerson[0]).not.toContain("ngoài giờ"); // Wednesday 10:00: the office is open
    const handoff = await handoffOf(s, ZALO_KEY);
    expect(handoff).toMatchObject({ status: "open", reason: "asked", openedAt: OPEN_TIME, person: { channel: "zalo", userId: "2512523625412515000" } });
    for (const staff of ["staff-a", "staff-b"]) {
      const notice = zaloTextsTo(sent, staff);
      expect(notice).toHaveLength(1);
      expect(notice[0]).toContain("[Cần cán bộ]");
      expect(notice[0]).toContain("cho tôi gặp cán bộ");
      expect(notice[0]).toContain(`https://vanhoa.example.vn/admin/inbox/${encodeURIComponent(ZALO_KEY)}`);
    }

    // While handed off, questions the bot could answer get no answer; they stay in the transcript.
    await say(s, zaloAt("hội lim năm nay ngày nào", clock + 60_000));
    await say(s, zaloAt("xin chào", clock + 120_000));
    expect(zaloTextsTo(sent)).toHaveLength(1);
    const conversation = await s.services.conversations.get(ZALO_KEY);
    expect(conversation!.transcript.filter((line) => line.from === "person").map((line) => line.text)).toEqual([
      "cho tôi gặp cán bộ",
      "hội lim năm nay ngày nào",
      "xin chào",
    ]);

    clock += 10 * 60_000;
    const reply = await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/reply`, { body: { text: "Chào bạn, tôi là cán bộ Phòng Văn hóa. Hội Lim năm nay diễn ra từ 12 đến 14 tháng Giêng." } });
    expect(reply.status).toBe(200);
    expect(reply.body.delivery).toBe("sent");
    expect(reply.body.handoff.firstStaffReplyAt).toBe(clock);
    expect(zaloTextsTo(sent).at(-1)).toBe("Chào bạn, tôi là cán bộ Phòng Văn hóa. Hội Lim năm nay diễn ra từ 12 đến 14 tháng Giêng.");

    clock += 5 * 60_000;
    await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/reply`, { body: { text: "Bạn cần gì thêm không?" } });
    const read = await callApi(s, "GET", handoffPath(ZALO_KEY));
    expect(read.status).toBe(200);
    expect(read.body.handoff.firstStaffReplyAt).toBe(OPEN_TIME + 10 * 60_000);
    expect(read.body.handoff.lastStaffReplyAt).toBe(clock);
    const staffLines = read.body.transcript.filter((line: { from: string }) => line.from === "staff").map((line: { text: string }) => line.text);
    expect(staffLines).toEqual(["Chào bạn, tôi là cán bộ Phòng Văn hóa. Hội Lim năm nay diễn ra từ 12 đến 14 tháng Giêng.", "Bạn cần gì thêm không?"]);
  });

  it("release tells the person and the bot answers again", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloAt("tôi muốn nói chuyện với người thật", clock));
    const release = await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/release`);
    expect(release.status).toBe(200);
    expect(release.body.handoff.status).toBe("released");
    expect(zaloTextsTo(sent).at(-1)).toContain("Cán bộ đã kết thúc cuộc trò chuyện");
    expect((await s.services.conversations.get(ZALO_KEY))!.state.handoff).toBeUndefined();

    const before = zaloTextsTo(sent).length;
    await say(s, zaloAt("hội lim năm nay ngày nào", clock + 60_000));
    expect(zaloTextsTo(sent).length).toBeGreaterThan(before);
    // Released: replying or releasing again is refused (409), the person must ask again.
    expect((await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/reply`, { body: { text: "còn đó không?" } })).status).toBe(409);
    expect((await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/release`)).status).toBe(409);
  });

  it("a marker left without its record (a crash while opening) is cleared by the next message, which the bot answers", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloAt("xin chào", clock));
    // start() saves the marker first, then the record: as if the process died between the two.
    await s.services.conversations.update(ZALO_KEY, (c) => void (c.state.handoff = { openedAt: clock, reason: "asked" }));
    expect(await handoffOf(s, ZALO_KEY)).toBeUndefined();

    const before = zaloTextsTo(sent).length;
    await say(s, zaloAt("hội lim năm nay ngày nào", clock + 60_000));
    expect(zaloTextsTo(sent).slice(before).join("\n")).toMatch(/Hội Lim/i);
    expect((await s.services.conversations.get(ZALO_KEY))!.state.handoff).toBeUndefined();
  });

  it("starts from the “Gặp cán bộ” button", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloChoice("menu:handoff", clock));
    expect(zaloTextsTo(sent)[0]).toContain(STARTED);
    expect((await handoffOf(s, ZALO_KEY))?.reason).toBe("menu");
  });

  it("starts after two misunderstood messages in a row, not after one", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloAt("asdf qwer zxcv", clock));
    await say(s, zaloAt("hội lim năm nay ngày nào", clock + 1000)); // understood: the count starts again
    await say(s, zaloAt("blorp flarg wibble", clock + 2000));
    expect(await handoffOf(s, ZALO_KEY)).toBeUndefined();
    expect(zaloTextsTo(sent).some((text) => text.includes(STARTED))).toBe(false);

    await say(s, zaloAt("zzz qqq xxx", clock + 3000));
    const handoff = await handoffOf(s, ZALO_KEY);
    expect(handoff).toMatchObject({ status: "open", reason: "misunderstood" });
    const last = zaloTextsTo(sent).at(-1)!;
    expect(last).toContain("Có vẻ mình chưa giúp được bạn");
    expect((await s.services.conversations.get(ZALO_KEY))!.state.misunderstoodInARow).toBe(0);
  });

  it("“kết thúc” ends it: the person is told and the bot answers the next message", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloAt("gặp cán bộ", clock));
    await say(s, zaloAt("Kết thúc ạ", clock + 1000));
    expect(zaloTextsTo(sent).at(-1)).toContain("Đã kết thúc trò chuyện với cán bộ");
    expect((await handoffOf(s, ZALO_KEY))?.status).toBe("ended_by_person");
    const count = zaloTextsTo(sent).length;
    await say(s, zaloAt("xin chào", clock + 2000));
    expect(zaloTextsTo(sent).length).toBeGreaterThan(count);
    // "kết thúc" is no misunderstanding: one more unknown message does not hand off again.
    await say(s, zaloAt("asdf qwer zxcv", clock + 3000));
    expect((await handoffOf(s, ZALO_KEY))?.status).toBe("ended_by_person");
  });

  it("routes the staff notice to the unit of the person's open report", async () => {
    const s = await start({ STAFF_ROUTES: "cong-an-phuong=unit-staff-9" });
    const sent = recordZaloSends(100);
    const report = { code: "PA-2026-0042", unitId: "cong-an-phuong", status: "in_progress", createdAt: OPEN_TIME - HOUR, reporter: { key: ZALO_KEY, channel: "zalo", accountId: "579745863508352884", userId: "2512523625412515000" } };
    await s.store.collection<Partial<Report>>("reports").set(report.code, report as Partial<Report>);
    await say(s, zaloAt("cho tôi gặp cán bộ", clock));
    expect((await handoffOf(s, ZALO_KEY))?.unitId).toBe("cong-an-phuong");
    expect(zaloTextsTo(sent, "unit-staff-9")[0]).toContain("PA-2026-0042");
    expect(zaloTextsTo(sent, "staff-a")).toHaveLength(0);
  });
});

describe("handoff on Messenger", () => {
  it("menu quick reply, silence, staff reply as a RESPONSE inside 24 h, “end” in English", async () => {
    const s = await start();
    const sent = recordGraphSends(100);
    await say(s, messengerChoice("menu:handoff", "Gặp cán bộ", clock), "messenger");
    expect(graphTextsTo(sent)[0]).toContain(STARTED);
    expect((await handoffOf(s, MESSENGER_KEY))?.reason).toBe("menu");
    await say(s, messengerAt("lớp quan họ học ở đâu", clock + 1000), "messenger");
    expect(graphTextsTo(sent)).toHaveLength(1);

    const reply = await callApi(s, "POST", `${handoffPath(MESSENGER_KEY)}/reply`, { body: { text: "Chào bạn, lớp học ở nhà văn hóa." } });
    expect(reply.body.delivery).toBe("sent");
    const staffSend = sent.filter((call) => call.body.message?.text === "Chào bạn, lớp học ở nhà văn hóa.");
    expect(staffSend).toHaveLength(1);
    expect(staffSend[0].body.messaging_type).toBe("RESPONSE");
    expect(staffSend[0].body.tag).toBeUndefined();

    await say(s, messengerAt("end", clock + 2000), "messenger");
    expect((await handoffOf(s, MESSENGER_KEY))?.status).toBe("ended_by_person");
  });

  it("a staff reply more than 24 h after the person's last message carries the HUMAN_AGENT tag", async () => {
    // The Graph channel reads the wall clock for the tag, so this test's clock is the real one.
    const s = await start();
    clock = Date.now();
    const sent = recordGraphSends(100);
    await say(s, messengerAt("cho tôi gặp cán bộ", clock - 30 * HOUR), "messenger");
    expect((await handoffOf(s, MESSENGER_KEY))?.status).toBe("open");

    const reply = await callApi(s, "POST", `${handoffPath(MESSENGER_KEY)}/reply`, { body: { text: "Xin lỗi đã để bạn chờ." } });
    expect(reply.body.delivery).toBe("sent");
    const staffSend = sent.find((call) => call.body.message?.text === "Xin lỗi đã để bạn chờ.");
    expect(staffSend?.body).toMatchObject({ recipient: { id: PSID }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
  });

  it("after 7 days the staff reply is kept and delivered when the person next writes", async () => {
    const s = await start();
    clock = Date.now();
    const sent = recordGraphSends(100);
    await say(s, messengerAt("cho tôi gặp cán bộ", clock - 8 * 24 * HOUR), "messenger");
    const reply = await callApi(s, "POST", `${handoffPath(MESSENGER_KEY)}/reply`, { body: { text: "Cán bộ đây, bạn cần gì?" } });
    expect(reply.body.delivery).toBe("kept");
    expect(graphTextsTo(sent)).not.toContain("Cán bộ đây, bạn cần gì?");
    const transcript = (await callApi(s, "GET", handoffPath(MESSENGER_KEY))).body.transcript;
    expect(transcript.at(-1)).toMatchObject({ from: "staff", text: "Cán bộ đây, bạn cần gì?" });

    await say(s, messengerAt("còn ai không", clock), "messenger");
    expect(graphTextsTo(sent).filter((text) => text === "Cán bộ đây, bạn cần gì?")).toHaveLength(1);
    expect(graphTextsTo(sent).at(-1)).toBe("Cán bộ đây, bạn cần gì?"); // still handed off: nothing else
  });
});

describe("handoff expiry (24 h without a staff reply)", () => {
  it("the sweeper closes it and tells the person they can ask again", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    const sweeper = startHandoffSweeper(s.services);
    try {
      await say(s, zaloAt("cho tôi gặp cán bộ", clock));
      expect(await sweeper.tick(OPEN_TIME + 23 * HOUR)).toBe(0);
      expect(await sweeper.tick(OPEN_TIME + 24 * HOUR)).toBe(1);
      expect(await sweeper.tick(OPEN_TIME + 25 * HOUR)).toBe(0);
    } finally {
      sweeper.stop();
    }
    const handoff = await handoffOf(s, ZALO_KEY);
    expect(handoff).toMatchObject({ status: "expired" });
    expect(zaloTextsTo(sent).at(-1)).toContain("chưa có cán bộ trả lời");
    expect(zaloTextsTo(sent).at(-1)).toContain("hỏi lại");
  });

  it("a staff reply restarts the 24 h", async () => {
    const s = await start();
    recordZaloSends(100);
    const sweeper = startHandoffSweeper(s.services);
    try {
      await say(s, zaloAt("cho tôi gặp cán bộ", clock));
      clock = OPEN_TIME + 20 * HOUR;
      expect((await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/reply`, { body: { text: "Chào bạn" } })).status).toBe(200);
      expect(await sweeper.tick(OPEN_TIME + 30 * HOUR)).toBe(0);
      expect(await sweeper.tick(OPEN_TIME + 44 * HOUR)).toBe(1);
    } finally {
      sweeper.stop();
    }
  });

  it("checked when the person next writes: told, and the bot answers that message", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloAt("cho tôi gặp cán bộ", clock));
    clock = OPEN_TIME + 25 * HOUR;
    await say(s, zaloAt("hội lim năm nay ngày nào", clock));
    const texts = zaloTextsTo(sent);
    expect(texts.at(-2)).toContain("chưa có cán bộ trả lời");
    expect(texts.length).toBe(3); // started, expired, the answer
    expect((await handoffOf(s, ZALO_KEY))?.status).toBe("expired");
    // Staff arriving late cannot reply into a closed handoff.
    expect((await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/reply`, { body: { text: "Chào bạn" } })).status).toBe(409);
  });

  it("a staff reply after 24 h is refused (409) and closes the handoff", async () => {
    const s = await start();
    const sent = recordZaloSends(100);
    await say(s, zaloAt("cho tôi gặp cán bộ", clock));
    clock = OPEN_TIME + 24 * HOUR + 1;
    const reply = await callApi(s, "POST", `${handoffPath(ZALO_KEY)}/reply`, { body: { text: "Chào bạn" } });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toContain("expired");
    expect(zaloTextsTo(sent)).not.toContain("Chào bạn");
    expect(zaloTextsTo(sent).at(-1)).toContain("chưa có cán bộ trả lời");
  });
});

describe("handoff expiry counts office hours (issue 16 item 8)", () => {
  const FRIDAY_16 = Date.parse("2026-11-27T09:00:00Z"); // Friday 27/11/2026 16:00 in Hà Nội

  it("opened on Friday 16:00, it survives the weekend and ends on Monday 16:00, one working day of office time later", async () => {
    const s = await start();
    clock = FRIDAY_16;
    const sent = recordZaloSends(100);
    const sweeper = startHandoffSweeper(s.services);
    try {
      await say(s, zaloAt("cho tôi gặp cán bộ", clock));
      expect(await sweeper.tick(FRIDAY_16 + 24 * HOUR)).toBe(0); // Saturday 16:00: 24 h, but one office hour
      expect(await sweeper.tick(FRIDAY_16 + 71 * HOUR)).toBe(0); // Monday 15:00
      expect((await handoffOf(s, ZALO_KEY))?.status).toBe("open");
      expect(await sweeper.tick(FRIDAY_16 + 72 * HOUR)).toBe(1); // Monday 16:00
    } finally {
      sweeper.stop();
    }
    expect((await handoffOf(s, ZALO_KEY))?.status).toBe("expired");
    expect(zaloTextsTo(sent).at(-1)).toContain("một ngày làm việc");
  });

  it("a person writing on Sunday is still with staff (no expiry notice, the bot stays quiet)", async () => {
    const s = await start();
    clock = FRIDAY_16;
    const sent = recordZaloSends(100);
    await say(s, zaloAt("cho tôi gặp cán bộ", clock));
    clock = FRIDAY_16 + 48 * HOUR;
    await say(s, zaloAt("hội lim năm nay ngày nào", clock));
    expect(zaloTextsTo(sent)).toHaveLength(1);
    expect((await handoffOf(s, ZALO_KEY))?.status).toBe("open");
  });

  it("HANDOFF_TIMEOUT_OFFICE_HOURS sets the budget: 2 office hours from Wednesday 10:00 end at 14:00 (lunch does not count)", async () => {
    const s = await start({ HANDOFF_TIMEOUT_OFFICE_HOURS: "2" });
    recordZaloSends(100);
    await say(s, zaloAt("cho tôi gặp cán bộ", clock));
    const handoff = (await handoffOf(s, ZALO_KEY))!;
    expect(new Date(new HandoffService(s.services).dueAt(handoff)).toISOString()).toBe("2026-11-25T07:00:00.000Z");
  });
});

describe("handoffs the person ended are listed in the console", () => {
  it("“kết thúc” moves the conversation from “Đang chờ” to the “Người dân đã kết thúc” list", async () => {
    const s = await start({ ADMIN_PASSWORD: "mat-khau-quan-tri-1" });
    recordZaloSends(100);
    await say(s, zaloAt("cho tôi gặp cán bộ", clock));
    await say(s, zaloAt("gặp cán bộ", clock + 1000, "other-person"));
    const admin = await signIn(s, "admin", "mat-khau-quan-tri-1");
    /** The conversation keys in one list of the inbox (data-list="open" | "ended" | "closed"). */
    const keysIn = (page: string, list: string) => {
      const block = new RegExp(`<ul class="list" data-list="${list}">[\\s\\S]*?</ul>`).exec(page)?.[0] ?? "";
      return [...block.matchAll(/data-key="([^"]+)"/g)].map((match) => match[1]);
    };
    let page = await (await admin.get("/admin/inbox")).text();
    expect(keysIn(page, "open").sort()).toEqual([ZALO_KEY, `zalo:579745863508352884:other-person`].sort());
    expect(keysIn(page, "ended")).toEqual([]);

    await say(s, zaloAt("kết thúc", clock + 2000));
    page = await (await admin.get("/admin/inbox")).text();
    expect(keysIn(page, "open")).toEqual([`zalo:579745863508352884:other-person`]);
    expect(keysIn(page, "ended")).toEqual([ZALO_KEY]);
    expect(page).toContain("Người dân đã kết thúc (1)");
  });
});

describe("office hours in the handoff reply (fixed clock)", () => {
  const startedAt = async (at: number, text = "cho tôi gặp cán bộ") => {
    const s = await start();
    clock = at;
    const sent = recordZaloSends(100);
    await say(s, zaloAt(text, at));
    return zaloTextsTo(sent)[0];
  };

  it("on a Saturday: from 7:30 on Monday", async () => {
    expect(await startedAt(Date.parse("2026-11-28T03:00:00Z"))).toContain("Hiện ngoài giờ làm việc; cán bộ sẽ trả lời từ 7:30 thứ Hai 30/11/2026.");
  });

  it("on the third day of Tết (a Monday): from 7:30 on the first working day after", async () => {
    expect(await startedAt(Date.parse("2027-02-08T03:00:00Z"))).toContain("cán bộ sẽ trả lời từ 7:30 thứ Tư 10/02/2027.");
  });

  it("at lunch: from 13:30 today", async () => {
    expect(await startedAt(Date.parse("2026-11-25T05:00:00Z"))).toContain("cán bộ sẽ trả lời từ 13:30 hôm nay.");
  });

  it("in English for an English speaker", async () => {
    const text = await startedAt(Date.parse("2026-11-28T03:00:00Z"), "I want to talk to a staff member");
    expect(text).toContain("It is outside office hours now; staff will answer from 7:30 on Monday 30 Nov 2026.");
    expect(text).toContain("“end”");
  });
});
