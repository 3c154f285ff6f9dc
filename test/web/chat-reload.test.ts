import { describe, expect, it } from "vitest";
import { callApi, handoffPath, STAFF_TOKEN } from "../api/staff-api-client.js";
import type { TestServer } from "../helpers/test-server.js";
import { chatServers, openChat } from "./chat-kit.js";
import { loadContent } from "../../src/content/index.js";
import { mapLink } from "../../src/features/answers/nearby.js";
import { Knowledge } from "../../src/shared/knowledge.js";
import { locatedContent, TEST_PLACES } from "../content/temp-content.js";

/**
 * The web chat after a reload (issue 14 item 5): the page gets the conversation back from the server (who said each
 * line), sees staff replies marked as staff and "waiting for staff" while a handoff is open, and can share a location.
 */

type Line = { from: string; text: string };
type Transcript = { lines: Line[]; waitingForStaff: boolean };

const startWith = chatServers();
const start = () => startWith({ STAFF_API_TOKEN: STAFF_TOKEN });

let counter = 0;
const post = (server: TestServer, cookie: string, body: Record<string, unknown>) =>
  fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ id: `reload-${++counter}-abcdefgh`, ...body }) });
const transcript = async (server: TestServer, cookie: string) => (await (await fetch(`${server.url}/chat/api/transcript`, { headers: { cookie } })).json()) as Transcript;

describe("web chat after a reload", () => {
  it("returns the person's and the bot's lines in order, and nothing internal", async () => {
    const server = await start();
    const { cookie } = await openChat(server);
    const answer = (await (await post(server, cookie, { text: "hội lim năm nay ngày nào" })).json()) as { replies: { text: string }[]; waitingForStaff: boolean };
    expect(answer.waitingForStaff).toBe(false);
    const shown = await transcript(server, cookie);
    expect(shown.lines[0]).toMatchObject({ from: "person", text: "hội lim năm nay ngày nào" });
    expect(shown.lines.slice(1).map((line) => line.text)).toEqual(answer.replies.map((reply) => reply.text));
    expect(shown.lines.slice(1).every((line) => line.from === "bot")).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/\[choice\]|menu:/);
    expect(shown).toMatchObject({ waitingForStaff: false });
    // Another browser (no cookie, or another one) sees nothing of it.
    expect((await fetch(`${server.url}/chat/api/transcript`)).status).toBe(401);
    const other = await openChat(server);
    expect((await transcript(server, other.cookie)).lines).toEqual([]);
  });

  it("marks staff replies and says 'waiting for staff' while a handoff is open", async () => {
    const server = await start();
    const { cookie, userId } = await openChat(server);
    const asked = (await (await post(server, cookie, { text: "gặp cán bộ" })).json()) as { waitingForStaff: boolean };
    expect(asked.waitingForStaff).toBe(true);
    expect((await transcript(server, cookie)).waitingForStaff).toBe(true);

    const key = `web:web:${userId}`;
    const replied = await callApi(server, "POST", `${handoffPath(key)}/reply`, { body: { text: "Chào bạn, cán bộ phòng văn hóa đây." } });
    expect(replied.status).toBe(200);
    // The page's poll gets it marked as from staff …
    const polled = (await (await fetch(`${server.url}/chat/api/messages`, { headers: { cookie } })).json()) as { replies: { text: string; fromStaff?: boolean }[]; waitingForStaff: boolean };
    expect(polled.replies).toEqual([expect.objectContaining({ text: "Chào bạn, cán bộ phòng văn hóa đây.", fromStaff: true })]);
    expect(polled.waitingForStaff).toBe(true);
    // … and so does a reload.
    const shown = await transcript(server, cookie);
    expect(shown.lines.filter((line) => line.from === "staff").map((line) => line.text)).toEqual(["Chào bạn, cán bộ phòng văn hóa đây."]);

    expect((await callApi(server, "POST", `${handoffPath(key)}/release`)).status).toBe(200);
    expect((await transcript(server, cookie)).waitingForStaff).toBe(false);
  });

  it("a staff reply not yet taken by the page is shown once on reload", async () => {
    const server = await start();
    const { cookie, userId } = await openChat(server);
    await post(server, cookie, { text: "gặp cán bộ" });
    await callApi(server, "POST", `${handoffPath(`web:web:${userId}`)}/reply`, { body: { text: "Mình là cán bộ trực." } });
    const shown = await transcript(server, cookie);
    expect(shown.lines.filter((line) => line.text === "Mình là cán bộ trực.")).toEqual([expect.objectContaining({ from: "staff" })]);
    // Taken by the reload: the next poll does not show it again.
    const polled = (await (await fetch(`${server.url}/chat/api/messages`, { headers: { cookie } })).json()) as { replies: unknown[] };
    expect(polled.replies).toEqual([]);
  });

  it("a shared location reaches the pipeline as a location message", async () => {
    // The real packs carry no coordinates yet: a test pack with some (test/content/temp-content.ts).
    const server = await startWith({ STAFF_API_TOKEN: STAFF_TOKEN }, { knowledge: new Knowledge(loadContent(locatedContent()), "ward") });
    const { cookie } = await openChat(server);
    const response = await post(server, cookie, { location: { latitude: 21.195, longitude: 106.1 } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { replies: { text: string; links?: { url: string }[] }[] };
    // Outside a dialog the nearest places answer it, as for a Zalo or Messenger location.
    expect(body.replies.map((reply) => reply.text).join("\n")).toContain("Gần bạn nhất (theo đường chim bay):\n1. Đình Bắc Thử");
    expect(body.replies.flatMap((reply) => reply.links ?? []).map((link) => link.url)).toContain(mapLink(TEST_PLACES.north));
    const [conversation] = await server.services.conversations.collection.find({ channel: "web" });
    expect(conversation!.transcript.find((line) => line.from === "person")?.extra).toBe("[location] 21.195,106.1");
    expect((await transcript(server, cookie)).lines[0]).toMatchObject({ from: "person", text: "📍 Vị trí" });
    // Not a place on Earth: refused, nothing enters.
    expect((await post(server, cookie, { location: { latitude: 123, longitude: 0 } })).status).toBe(400);
    expect((await post(server, cookie, { location: "hà nội" })).status).toBe(400);
  });
});
