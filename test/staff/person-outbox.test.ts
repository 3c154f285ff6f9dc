import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Conversation } from "../../src/core/conversation.js";
import type { PersonRef } from "../../src/domain/person.js";
import type { PendingMessage } from "../../src/staff/person-outbox.js";
import { fixture, recordGraphSends, recordZaloSends, startTestServer, ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OA = "579745863508352884";
const PAGE = "108512345678901";
const zaloPerson = (userId: string): PersonRef => ({ key: `zalo:${OA}:${userId}`, channel: "zalo", accountId: OA, userId });
const messengerPerson = (psid: string): PersonRef => ({ key: `messenger:${PAGE}:${psid}`, channel: "messenger", accountId: PAGE, userId: psid });

// The Graph channel picks the HUMAN_AGENT tag from the wall clock, so the fixed clock is "now" at start-up.
let T = 0;
let server: TestServer;

/** A person who last wrote `age` ms before T. */
async function lastWrote(person: PersonRef, age: number): Promise<void> {
  const conversation: Conversation = { ...person, firstSeenAt: T - age, lastInboundAt: T - age, transcript: [], state: {} };
  await server.services.conversations.save(conversation);
}

beforeEach(async () => {
  T = Date.now();
  server = await startTestServer({}, { now: () => T });
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

describe("outbox windows on Zalo (48 h free, 7 days for staff)", () => {
  const cases: [string, number, "update" | "staff", "sent" | "kept"][] = [
    ["update 47 h after", 47 * HOUR, "update", "sent"],
    ["update 49 h after", 49 * HOUR, "update", "kept"],
    ["staff reply 49 h after", 49 * HOUR, "staff", "sent"],
    ["staff reply 6 days after", 6 * DAY, "staff", "sent"],
    ["staff reply 8 days after", 8 * DAY, "staff", "kept"],
  ];
  for (const [name, age, purpose, expected] of cases) {
    it(`${name} → ${expected}`, async () => {
      const sent = recordZaloSends();
      const person = zaloPerson(`z-${age}-${purpose}`);
      await lastWrote(person, age);
      expect(await server.services.outbox.send(person, { text: "Phản ánh PA-2026-0007: Đã xử lý" }, purpose)).toBe(expected);
      expect(sent.filter((s) => s.body.recipient.user_id === person.userId)).toHaveLength(expected === "sent" ? 1 : 0);
      const pending = await server.store.collection<PendingMessage>("pending").find({ personKey: person.key });
      expect(pending).toHaveLength(expected === "kept" ? 1 : 0);
    });
  }

  it("someone who never wrote gets nothing now: kept", async () => {
    const sent = recordZaloSends();
    expect(await server.services.outbox.send(zaloPerson("stranger"), { text: "Nhắc lịch" }, "update")).toBe("kept");
    expect(sent).toHaveLength(0);
  });

  it("a refusal by Zalo (-230) keeps the message instead of losing it", async () => {
    nock(ZALO_API).post("/v3.0/oa/message/cs").reply(200, fixture("zalo/api-send-error-not-interacted.json"));
    const person = zaloPerson("refused");
    await lastWrote(person, HOUR);
    expect(await server.services.outbox.send(person, { text: "Nhắc lịch" }, "update")).toBe("kept");
  });
});

describe("outbox windows on Messenger (24 h, then 7 days with HUMAN_AGENT for staff)", () => {
  it("an update within 24 h goes as UPDATE", async () => {
    const sent = recordGraphSends();
    const person = messengerPerson("m-23h");
    await lastWrote(person, 23 * HOUR);
    expect(await server.services.outbox.send(person, { text: "Cập nhật" }, "update")).toBe("sent");
    expect(sent[0].body).toMatchObject({ recipient: { id: "m-23h" }, messaging_type: "UPDATE", message: { text: "Cập nhật" } });
  });

  it("an update after 24 h is kept", async () => {
    const sent = recordGraphSends();
    const person = messengerPerson("m-25h");
    await lastWrote(person, 25 * HOUR);
    expect(await server.services.outbox.send(person, { text: "Cập nhật" }, "update")).toBe("kept");
    expect(sent).toHaveLength(0);
  });

  it("a staff reply after 24 h goes with the HUMAN_AGENT tag; after 7 days it is kept", async () => {
    const sent = recordGraphSends();
    const late = messengerPerson("m-3d");
    await lastWrote(late, 3 * DAY);
    expect(await server.services.outbox.send(late, { text: "Cán bộ trả lời" }, "staff")).toBe("sent");
    expect(sent[0].body).toMatchObject({ recipient: { id: "m-3d" }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
    const gone = messengerPerson("m-8d");
    await lastWrote(gone, 8 * DAY);
    expect(await server.services.outbox.send(gone, { text: "Cán bộ trả lời" }, "staff")).toBe("kept");
    expect(sent).toHaveLength(1);
  });
});

describe("kept messages", () => {
  it("are delivered, oldest first, before the answer when the person next writes, and only once", async () => {
    const person = zaloPerson("comes-back");
    await lastWrote(person, 3 * DAY);
    await server.services.outbox.send(person, { text: "Phản ánh PA-2026-0007: Đang xử lý" }, "update");
    T += 1000;
    await server.services.outbox.send(person, { text: "Phản ánh PA-2026-0007: Đã xử lý" }, "update");
    const sent = recordZaloSends();
    await server.postZalo(zaloText("xin chào", "comes-back"));
    await server.settle();
    const texts = sent.filter((s) => s.body.recipient.user_id === "comes-back").map((s) => s.body.message.text);
    expect(texts.slice(0, 2)).toEqual(["Phản ánh PA-2026-0007: Đang xử lý", "Phản ánh PA-2026-0007: Đã xử lý"]);
    expect(texts.length).toBeGreaterThan(2); // then the answer to "xin chào"
    expect(await server.store.collection<PendingMessage>("pending").find({ personKey: person.key })).toHaveLength(0);

    const count = texts.length;
    await server.postZalo(zaloText("cảm ơn", "comes-back"));
    await server.settle();
    const again = sent.filter((s) => s.body.recipient.user_id === "comes-back").map((s) => s.body.message.text).slice(count);
    expect(again).not.toContain("Phản ánh PA-2026-0007: Đang xử lý");
  });

  it("a kept staff reply shows in the transcript for staff, marked as waiting", async () => {
    const person = zaloPerson("far-away");
    await lastWrote(person, 8 * DAY);
    await server.services.outbox.send(person, { text: "Cán bộ: chào bạn" }, "staff");
    const transcript = (await server.services.conversations.get(person.key))!.transcript;
    expect(transcript.at(-1)).toMatchObject({ from: "staff", text: "Cán bộ: chào bạn" });
    expect(transcript.at(-1)!.extra).toContain("chờ gửi");
  });
});
