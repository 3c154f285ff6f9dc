import { randomUUID } from "node:crypto";
import nock from "nock";
import { beforeEach, describe, expect, it } from "vitest";
import type { Handoff } from "../../../src/domain/handoff.js";
import { messengerProfile } from "../../../scripts/messenger-setup.js";
import { MessengerPerson, ZaloPerson } from "../../helpers/chat.js";
import { fixture, GRAPH_API, serverPerTest, type TestServer } from "../../helpers/test-server.js";

/**
 * The first touches people make (issue 14, item 1): Messenger's Get Started (twice), its ice breakers, m.me links
 * with ?ref= (in a Get Started postback and as a standalone referral), Zalo's "Nhắn tin" and follow, and every
 * query of the Zalo OA menu (docs/starting-points.md) — each through a signed webhook, asserting on what the
 * stubbed platform API was sent.
 */

const each = serverPerTest();
let server: TestServer;
beforeEach(() => {
  server = each.server;
  server.services.notifier = { notify: async () => undefined };
});

const PAGE_ID = "108512345678901";
const handoffs = () => server.store.collection<Handoff>("handoffs").find();

/** Posts one Messenger messaging item (postback, referral) from `psid` and waits until it is handled. */
async function messengerItem(person: MessengerPerson, item: Record<string, unknown>): Promise<string> {
  const before = person.count;
  const body = { object: "page", entry: [{ id: PAGE_ID, time: Date.now(), messaging: [{ sender: { id: person.psid }, recipient: { id: PAGE_ID }, timestamp: Date.now(), ...item }] }] };
  expect((await server.postMessenger(body)).status).toBe(200);
  await server.settle();
  return person.textSince(before);
}

const getStarted = (person: MessengerPerson, referral?: Record<string, unknown>) =>
  messengerItem(person, { postback: { mid: `m_${randomUUID()}`, title: "Bắt đầu", payload: "GET_STARTED", ...(referral ? { referral } : {}) } });

/** Graph's User Profile API answering the person's locale. */
function profileLocale(psid: string, locale: string) {
  return nock(GRAPH_API).get(`/v21.0/${psid}`).query((query) => query.fields === "locale").reply(200, { locale, id: psid });
}

describe("Messenger Get Started", () => {
  it("is answered with the welcome and the menu in Vietnamese, and tapping it twice never reaches staff", async () => {
    const person = new MessengerPerson(server, "ps-start-twice");
    const first = await getStarted(person);
    expect(first).toContain("Mình là trợ lý văn hóa");
    expect(first).not.toMatch(/chưa hiểu|tôi/i);
    // The menu, then the other languages the bot speaks (issue 17).
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toEqual(["menu:festivals", "menu:heritage", "menu:classes", "menu:report", "menu:handoff", "lang:en", "lang:zh", "lang:ko"]);
    const second = await getStarted(person);
    expect(second).toContain("Mình là trợ lý văn hóa");
    expect(second).not.toContain("chuyển cuộc trò chuyện cho cán bộ");
    expect(await handoffs()).toEqual([]);
  });

  it("greets in English when the person's Facebook locale is English", async () => {
    const person = new MessengerPerson(server, "ps-start-en");
    const profile = profileLocale(person.psid, "en_US");
    const text = await getStarted(person);
    expect(profile.isDone()).toBe(true);
    expect(text).toContain("I am the culture assistant");
    expect(person.received.at(-1)!.choices[0].title).toBe("Festivals");
  });

  it("a misunderstood message, Get Started, another misunderstood message: the welcome starts the count over", async () => {
    const person = new MessengerPerson(server, "ps-start-reset");
    await person.say("blorp flarg wibble");
    await getStarted(person);
    expect(await person.say("zzkx qwpf mmvb")).not.toContain("chuyển cuộc trò chuyện cho cán bộ");
    expect(await handoffs()).toEqual([]);
  });
});

describe("Messenger ice breakers", () => {
  const breakers = messengerProfile().ice_breakers;

  it("are set in Vietnamese, English, Chinese and Korean, and every payload is answered (not the fallback)", async () => {
    expect(breakers.map((b) => b.locale)).toEqual(["default", "en_US", "zh_CN", "ko_KR"]);
    const person = new MessengerPerson(server, "ps-ice-vi");
    for (const { question, payload } of breakers[0].call_to_actions) {
      const text = await messengerItem(person, { postback: { mid: `m_${randomUUID()}`, title: question, payload } });
      expect(text, payload).not.toContain("chưa hiểu");
      expect(text.length, payload).toBeGreaterThan(20);
    }
  });

  it("an English ice breaker is answered in English", async () => {
    const person = new MessengerPerson(server, "ps-ice-en");
    const { question, payload } = breakers[1].call_to_actions[0];
    const text = await messengerItem(person, { postback: { mid: `m_${randomUUID()}`, title: question, payload } });
    // English entries carry the language, so even the first tap is answered in English.
    expect(payload).toBe("lang:en:menu:festivals");
    expect(text).toMatch(/festival/i);
    expect(text).not.toMatch(/Lễ hội sắp/);
  });
});

describe("m.me links with ?ref= (QR codes at a relic or on a poster)", () => {
  it("Get Started from a link naming a festival opens that festival's card", async () => {
    const person = new MessengerPerson(server, "ps-ref-festival");
    const text = await getStarted(person, { ref: "festival:le-hoi-lang-o", source: "SHORTLINK", type: "OPEN_THREAD" });
    expect(text).toContain("Lễ hội làng Ó");
    expect(text).not.toContain("Mình là trợ lý văn hóa");
  });

  it("a standalone referral (the conversation existed) naming a heritage item opens its card", async () => {
    const person = new MessengerPerson(server, "ps-ref-heritage");
    const text = await messengerItem(person, { referral: { ref: "heritage:lang-quan-ho-xuan-o", source: "SHORTLINK", type: "OPEN_THREAD" } });
    expect(text).toContain("Xuân Ổ");
  });

  it("an unknown ref gets the welcome, saying the item was not found", async () => {
    const person = new MessengerPerson(server, "ps-ref-unknown");
    const text = await messengerItem(person, { referral: { ref: "heritage:khong-co-muc-nay", source: "SHORTLINK", type: "OPEN_THREAD" } });
    expect(text).toContain("Mình chưa tìm thấy mục");
    expect(text).toContain("Mình là trợ lý văn hóa");
    const other = await messengerItem(new MessengerPerson(server, "ps-ref-campaign"), { referral: { ref: "poster-2026", source: "SHORTLINK" } });
    expect(other).toContain("Mình là trợ lý văn hóa");
    expect(other).not.toContain("chưa tìm thấy");
  });
});

describe("Zalo", () => {
  it("user_click_chatnow is answered with the welcome and the menu as buttons", async () => {
    const person = new ZaloPerson(server, "zalo-chatnow");
    const event = { app_id: "3605738391474520000", event_name: "user_click_chatnow", timestamp: String(Date.now()), oa_id: "579745863508352884", user_id: person.userId };
    expect((await server.postZalo(event)).status).toBe(200);
    await server.settle();
    expect(person.textSince(0)).toContain("Mình là trợ lý văn hóa");
    expect(person.received.flatMap((r) => r.choices.map((c) => c.payload))).toContain("menu:report");
    expect(await handoffs()).toEqual([]);
  });

  it("follow is answered with the welcome", async () => {
    const person = new ZaloPerson(server, "zalo-follow");
    const follow = { ...fixture<Record<string, unknown>>("zalo/follow.json"), follower: { id: person.userId }, timestamp: String(Date.now()) };
    expect((await server.postZalo(follow)).status).toBe(200);
    await server.settle();
    expect(person.textSince(0)).toContain("Cảm ơn bạn đã quan tâm");
  });

  // docs/starting-points.md lists these as the OA menu's queries; each must get its own answer.
  const OA_MENU: [string, RegExp][] = [
    ["#menu:festivals", /lễ hội/i],
    ["#menu:heritage", /di sản/i],
    ["#menu:classes", /lớp/i],
    ["#menu:report", /phản ánh/i],
    ["#menu:handoff", /cán bộ/i],
  ];
  for (const [query, expected] of OA_MENU) {
    it(`the OA menu's query ${query} is answered`, async () => {
      const person = new ZaloPerson(server, `zalo-menu-${query.slice(6)}`);
      const text = await person.say(query);
      expect(text).toMatch(expected);
      expect(text).not.toContain("chưa hiểu");
    });
  }
});
