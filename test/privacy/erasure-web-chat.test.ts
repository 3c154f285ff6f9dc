import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/domain/report.js";
import { LowdbStore } from "../../src/store/lowdb/lowdb-store.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { openChat } from "../web/chat-kit.js";

/**
 * Erasure asked in the web chat, through the page's own receive path (POST /chat/api/messages, /chat/api/photo): the
 * person sees the confirmation in the answer to their tap, and afterwards the store holds nothing of them — not their
 * chat id, name or phone, transcript, photo, a notice waiting for the page, nor the confirmation once the page took it —
 * while their report is kept, anonymised; once lowdb compacts, no file under DATA_DIR names them. A reload shows an
 * empty conversation.
 */

const NAME = "Phạm Thu Hương";
const PHONE = "0971234567";
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "erasure-web-"));
  server = await startTestServer({ STORE: "lowdb", DATA_DIR: dir, MEDIA_STORE: "files" }, { store: new LowdbStore({ dir }) });
  server.services.notifier = { notify: async () => undefined };
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Answer = { replies: { text: string }[] };
let counter = 0;
async function post(cookie: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ id: `erase-${++counter}-abcdefgh`, ...body }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as Answer).replies.map((reply) => reply.text).join("\n");
}
const say = (cookie: string, text: string) => post(cookie, { text });
const tap = (cookie: string, choice: string) => post(cookie, { choice });

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}
const onDisk = () => filesUnder(dir).map((file) => ({ file, text: readFileSync(file, "utf8") }));

describe("erasure asked in the web chat", () => {
  it("answers with the confirmation, then nothing of the person is stored; their report stays, anonymised", async () => {
    const { cookie, userId } = await openChat(server);
    const other = await openChat(server);
    await say(other.cookie, "hội lim năm nay ngày nào");

    // A photo first, declined: kept by the bot, never evidence.
    const photo = await fetch(`${server.url}/chat/api/photo?id=erase-photo-abcdefgh`, { method: "POST", headers: { "content-type": "application/octet-stream", cookie }, body: new Uint8Array(PNG) });
    expect(((await photo.json()) as Answer).replies.map((reply) => reply.text).join("\n")).toContain("Bạn muốn gửi phản ánh kèm ảnh này?");
    await tap(cookie, "report:photo:no");

    // A report under their name and phone.
    await say(cookie, "Có người vẽ bậy lên tường đình Đông Xá");
    await say(cookie, "đình Đông Xá");
    await tap(cookie, "dialog:skip");
    const asked = await tap(cookie, "dialog:skip");
    expect(asked).toContain("Về dữ liệu cá nhân");
    await say(cookie, `${NAME} ${PHONE}`);
    const code = /PA-\d{4}-\d{4,}/.exec(await tap(cookie, "report:submit"))![0];
    expect(await say(cookie, "xóa dữ liệu của tôi")).toContain("Bạn muốn mình xóa dữ liệu của bạn?");
    // A status notice written to them meanwhile, not yet taken by the page: it waits in their inbox.
    await server.services.outbox.send({ key: `web:web:${userId}`, channel: "web", accountId: "web", userId }, { text: `Chào ${NAME}, phản ánh ${code} đã được tiếp nhận.` }, "update");
    expect(onDisk().some(({ text }) => text.includes(userId) && text.includes("đã được tiếp nhận"))).toBe(true); // the check below can fail

    const response = await fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ id: "erase-confirm-abcdefgh", choice: "privacy:erase" }) });
    const answer = (await response.json()) as Answer & { waitingForStaff: boolean };
    // The page shows the confirmation (and only it: the notice that waited was the person's data, erased with the rest).
    expect(answer.replies.map((reply) => reply.text)).toEqual([expect.stringContaining("Mình đã xóa dữ liệu của bạn")]);
    await server.settle();

    // A reload: nothing of the old conversation; the next poll has nothing either.
    const reload = (await (await fetch(`${server.url}/chat/api/transcript`, { headers: { cookie } })).json()) as { lines: unknown[] };
    expect(reload.lines).toEqual([]);
    expect(((await (await fetch(`${server.url}/chat/api/messages`, { headers: { cookie } })).json()) as Answer).replies).toEqual([]);

    const report = (await server.services.store.collection<Report>("reports").get(code))!;
    expect(report.contact).toEqual({ anonymous: true });
    expect(report.reporter.channel).toBe("erased");
    expect(report.description).toContain("vẽ bậy lên tường đình Đông Xá");
    expect(await server.services.conversations.get(`web:web:${other.userId}`)).toBeDefined();

    // On disk. lowdb rewrote its append-only files once the confirmation was handed to the page's inbox; the page then
    // took it (a delete), so the inbox's superseded line is the one place still naming the chat id, until that file's
    // next compaction (the retention sweep compacts every file; lowdb also does when superseded lines pile up).
    await server.services.store.flush();
    const traces = [userId, NAME, PHONE, PHONE.slice(1), "đã được tiếp nhận"];
    const naming = (files: { file: string; text: string }[]) => files.filter(({ text }) => traces.some((trace) => text.includes(trace))).map(({ file }) => path.basename(file));
    expect(naming(onDisk())).toEqual(["local_inbox.jsonl"]);
    expect(await server.services.store.collection("local_inbox").get(`web:${userId}`)).toBeUndefined();
    await server.services.store.compact!();
    const files = onDisk();
    expect(files.some(({ file }) => file.includes(`${path.sep}media${path.sep}`))).toBe(false); // the declined photo: bytes gone too
    for (const { file, text } of files) {
      for (const trace of [...traces, "Mình đã xóa dữ liệu của bạn"]) {
        expect(text.includes(trace), `${trace} in ${file}: ${text.split("\n").find((line) => line.includes(trace))?.slice(0, 400)}`).toBe(false);
      }
    }
    expect(files.some(({ text }) => text.includes(other.userId))).toBe(true);
  });
});
