import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation } from "../../src/core/conversation.js";
import type { Handoff } from "../../src/domain/handoff.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { signIn, type ConsoleClient } from "./web-test-kit.js";

/** Issue 16 item 8: the inbox badge tells whether the person waits for staff, not only whether the handoff is open. */

const OA = "579745863508352884";
const T = Date.parse("2026-11-25T02:00:00Z");
let server: TestServer;
let store: MemoryStore;
let admin: ConsoleClient;

function handoff(userId: string, fields: Partial<Handoff> = {}): Handoff {
  return { key: `zalo:${OA}:${userId}`, person: { key: `zalo:${OA}:${userId}`, channel: "zalo", accountId: OA, userId }, packId: "vo-cuong", reason: "asked", status: "open", openedAt: T, ...fields };
}
function conversation(userId: string, lines: Conversation["transcript"]): Conversation {
  return { key: `zalo:${OA}:${userId}`, channel: "zalo", accountId: OA, userId, firstSeenAt: T, transcript: lines, state: {} } as Conversation;
}

beforeAll(async () => {
  store = new MemoryStore();
  server = await startTestServer({ ADMIN_PASSWORD: "mat-khau-quan-tri-1" }, { store });
  const handoffs = store.collection<Handoff>("handoffs");
  const conversations = store.collection<Conversation>("conversations");
  // Staff answered after the person's last message: nobody waits.
  await handoffs.set(`zalo:${OA}:answered`, handoff("answered", { firstStaffReplyAt: T + 60_000, lastStaffReplyAt: T + 60_000 }));
  await conversations.set(`zalo:${OA}:answered`, conversation("answered", [{ at: T, from: "person", text: "cho gặp cán bộ" }, { at: T + 60_000, from: "staff", text: "Chào bạn" }]));
  // The person wrote again after the staff reply: waiting again.
  await handoffs.set(`zalo:${OA}:again`, handoff("again", { firstStaffReplyAt: T + 60_000, lastStaffReplyAt: T + 60_000 }));
  await conversations.set(`zalo:${OA}:again`, conversation("again", [{ at: T, from: "person", text: "cho gặp cán bộ" }, { at: T + 60_000, from: "staff", text: "Chào bạn" }, { at: T + 120_000, from: "person", text: "còn một việc nữa" }]));
  // Never answered.
  await handoffs.set(`zalo:${OA}:new`, handoff("new"));
  await conversations.set(`zalo:${OA}:new`, conversation("new", [{ at: T, from: "person", text: "gặp cán bộ" }]));
  admin = await signIn(server, "admin", "mat-khau-quan-tri-1");
});
afterAll(async () => {
  await server.stop();
  nock.cleanAll();
});

const badgeOf = (page: string, userId: string) => new RegExp(`data-key="zalo:${OA}:${userId}"[\\s\\S]*?<span class="badge[^"]*">([^<]+)</span>`).exec(page)?.[1];

describe("inbox badges", () => {
  it('says "staff replied" once staff answered, and "waiting" again when the person writes', async () => {
    const page = await (await admin.get("/admin/inbox")).text();
    expect(badgeOf(page, "answered")).toBe("Cán bộ đã trả lời");
    expect(badgeOf(page, "again")).toBe("Đang chờ cán bộ");
    expect(badgeOf(page, "new")).toBe("Đang chờ cán bộ");
  });
});
