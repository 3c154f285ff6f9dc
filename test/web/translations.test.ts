import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Knowledge } from "../../src/shared/knowledge.js";
import { loadContent } from "../../src/content/index.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { signIn, type ConsoleClient } from "./web-test-kit.js";

/** The console's content editor and Chinese / Korean translations: listed while not reviewed, edited and ticked. */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
let server: TestServer;
let admin: ConsoleClient;
let contentDir: string;

beforeAll(async () => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "translations-content-"));
  fs.cpSync("content", contentDir, { recursive: true });
  server = await startTestServer({ ADMIN_PASSWORD }, { knowledge: new Knowledge(loadContent(contentDir), "vo-cuong") });
  admin = await signIn(server, "admin", ADMIN_PASSWORD);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

/** The form fields of an edit page as the browser would post them (inputs, textareas, ticked boxes, selects). */
function formOf(page: string): Record<string, string> {
  const form: Record<string, string> = {};
  const body = page.slice(page.indexOf('<form method="post"'));
  for (const m of body.matchAll(/<input type="(?:text|number|url|date)" id="[^"]*" name="([^"]+)" value="([^"]*)"/g)) form[m[1]] = decode(m[2]);
  for (const m of body.matchAll(/<input type="checkbox" id="[^"]*" name="([^"]+)" value="1" checked/g)) form[m[1]] = "1";
  for (const m of body.matchAll(/<textarea id="[^"]*" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) form[m[1]] = decode(m[2]);
  for (const m of body.matchAll(/<select id="[^"]*" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) form[m[1]] = /<option value="([^"]*)" selected/.exec(m[2])?.[1] ?? "";
  return form;
}
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("translations on the console", () => {
  it("counts and lists the Chinese and Korean texts not reviewed yet", async () => {
    const page = await (await admin.get("/admin/content?pack=vo-cuong")).text();
    expect(page).toContain("Bản dịch tiếng Trung, tiếng Hàn");
    const zh = Number(/data-testid="unreviewed-zh">(\d+)</.exec(page)![1]);
    expect(zh).toBeGreaterThan(5);
    expect(page).toMatch(/Chợ Âm Dương \(làng Ó\)<\/a>[^<]*<span class="badge" data-testid="unreviewed">bản dịch chưa duyệt: Tiếng Trung, Tiếng Hàn/);
  });

  it("lets staff correct a Chinese name and mark it reviewed; the bot answers with it and the count drops", async () => {
    const before = Number(/data-testid="unreviewed-zh">(\d+)</.exec(await (await admin.get("/admin/content?pack=vo-cuong")).text())![1]);
    const edit = await (await admin.get("/admin/content/vo-cuong/festivals/item/cho-am-duong")).text();
    expect(edit).toContain('name="f.names.zh" value="阴阳集市（澳村）"');
    const form = formOf(edit);
    form["f.names.zh"] = "阴阳集市（澳村，武强坊）";
    form["f.names.reviewed.zh"] = "1";
    const saved = await admin.post("/admin/content/vo-cuong/festivals/item/cho-am-duong", form);
    expect(saved.status).toBe(303);

    const stored = loadContent(contentDir).pack("vo-cuong").festival("cho-am-duong")!;
    expect(stored.names).toMatchObject({ zh: "阴阳集市（澳村，武强坊）", ko: "음양 시장(오 마을)", reviewed: { zh: true, ko: false } });
    expect(stored.description.reviewed).toEqual({ zh: false, ko: false }); // untouched fields keep their flags
    const after = Number(/data-testid="unreviewed-zh">(\d+)</.exec(await (await admin.get("/admin/content?pack=vo-cuong")).text())![1]);
    expect(after).toBe(before - 1);
    const preview = await (await admin.get(`/admin/content/vo-cuong/preview?q=${encodeURIComponent("阴阳集市什么时候")}`)).text();
    expect(preview).toContain("阴阳集市（澳村，武强坊）");
  });

  it("refuses a translation without the Vietnamese text", async () => {
    const edit = await (await admin.get("/admin/content/vo-cuong/festivals/item/le-hoi-lang-o")).text();
    const form = { ...formOf(edit), "f.visitors.vi": "", "f.visitors.zh": "只有中文" };
    const response = await admin.post("/admin/content/vo-cuong/festivals/item/le-hoi-lang-o", form);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Có bản dịch thì cần có cả tiếng Việt.");
  });
});
