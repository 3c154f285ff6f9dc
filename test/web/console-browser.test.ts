import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nock from "nock";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Knowledge } from "../../src/shared/knowledge.js";
import { loadContent } from "../../src/content/index.js";
import type { Handoff } from "../../src/domain/handoff.js";
import type { Report } from "../../src/domain/report.js";
import { MessengerPerson, quickReport, ZaloPerson } from "../helpers/chat.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { launchBrowser, type TestBrowser } from "./browser.js";

/**
 * The console and the web chat in a real browser (Debian's chromium through playwright-core): one server with a
 * copy of the content (edits must not touch content/), one browser for the whole file.
 */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let contentDir: string;

beforeAll(async () => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-content-"));
  fs.cpSync("content", contentDir, { recursive: true });
  server = await startTestServer({ ADMIN_PASSWORD }, { knowledge: new Knowledge(loadContent(contentDir), "vo-cuong") });
  browser = await launchBrowser({ width: 390, height: 844 }); // a ward officer's phone
  page = browser.page;
  page.on("dialog", (dialog) => void dialog.accept());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  nock.cleanAll();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

describe("staff console in a browser", () => {
  it("signs in with the first admin's password", async () => {
    await page.goto(`${server.url}/admin/reports`);
    expect(page.url()).toContain("/admin/login");
    await page.fill("#username", "admin");
    await page.fill("#password", "sai mật khẩu");
    await page.click("button[type=submit]");
    await expect.poll(() => page.textContent("body")).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    await page.fill("#username", "admin");
    await page.fill("#password", ADMIN_PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/admin\/reports$/);
    expect(await page.textContent("h1")).toContain("Phản ánh");
  });

  it("shows a report filed through a signed Zalo webhook; a status change reaches the reporter on Zalo", async () => {
    const reporter = new ZaloPerson(server);
    const code = await quickReport(reporter);
    await page.goto(`${server.url}/admin/reports`);
    await page.click(`a:text("${code}")`);
    expect(await page.textContent("main")).toContain("Có người vẽ bậy lên tường đình Đông Xá");

    const before = reporter.count;
    await page.selectOption("#status", "in_progress");
    await page.fill("#note", "Đã chuyển Công an phường kiểm tra.");
    await page.getByRole("button", { name: "Cập nhật và báo người phản ánh" }).click();
    await expect.poll(() => page.textContent(".flash")).toContain("Đang xử lý");
    await server.settle();
    const told = reporter.textSince(before);
    expect(told).toContain(code);
    expect(told).toContain("Đang xử lý");
    expect(told).toContain("Đã chuyển Công an phường kiểm tra.");
    const saved = await server.store.collection<Report>("reports").get(code);
    expect(saved?.status).toBe("in_progress");
    expect(saved?.history.at(-1)?.by).toBe("admin");
  });

  it("a new handoff appears in the open inbox without reloading; the staff reply reaches Messenger; release ends it", async () => {
    await page.goto(`${server.url}/admin/inbox`);
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    const person = new MessengerPerson(server);
    await person.say("cho tôi gặp cán bộ");
    await person.say("Đình Đông Xá mấy giờ mở cửa ạ?");
    // The page polls: the item shows up in the same page, marked new.
    const item = page.locator('li[data-key^="messenger:"]');
    await item.waitFor({ timeout: 12_000 });
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    expect(await item.getAttribute("class")).toContain("new");
    await item.locator("a").click();
    await expect.poll(() => page.textContent(".transcript")).toContain("Đình Đông Xá mấy giờ mở cửa ạ?");

    const before = person.count;
    await page.fill("#text", "Chào bạn, đình mở cửa 7:00–17:00 hằng ngày.");
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    await expect.poll(() => page.textContent(".flash")).toContain("Đã gửi");
    await server.settle();
    expect(person.textSince(before)).toContain("Chào bạn, đình mở cửa 7:00–17:00 hằng ngày.");

    await page.getByRole("button", { name: "Trả lại cho bot" }).click();
    await expect.poll(() => page.textContent(".flash")).toContain("Đã trả");
    const [handoff] = await server.store.collection<Handoff>("handoffs").find();
    expect(handoff.status).toBe("released");
    expect(handoff.firstStaffReplyAt).toBeDefined();
  }, 40_000);

  it("editing a festival's date in the form changes the bot's answer at once, in the preview and on /chat", async () => {
    const ask = async (question: string) => {
      await page.goto(`${server.url}/chat`);
      // The page shows the earlier questions and answers again (the same browser): the answer is the next bubble.
      await page.waitForSelector(".chat[data-restored=true]");
      const before = await page.locator("li.bot:not(.typing)").count();
      await page.fill("#text", question);
      await page.press("#text", "Enter");
      const reply = page.locator("li.bot:not(.typing)").nth(before);
      await reply.waitFor();
      return reply.textContent();
    };
    expect(await ask("Chợ Âm Dương năm nay ngày nào?")).toContain("từ ngày 4 đến ngày 5 tháng Giêng");

    await page.goto(`${server.url}/admin/content/vo-cuong/festivals/item/cho-am-duong`);
    await page.fill("#f-date-day", "31");
    await page.click("form.card button[type=submit]");
    // A lunar month has at most 30 days: the schema refuses, nothing is written.
    await expect.poll(() => page.textContent("[role=alert]")).toContain("30");
    expect(fs.readFileSync(path.join(contentDir, "vo-cuong", "festivals.yaml"), "utf8")).not.toContain("day: 31");

    await page.fill("#f-date-day", "6");
    await page.click("form.card button[type=submit]");
    await expect.poll(() => page.textContent("[data-testid=preview-reply]")).toContain("từ ngày 6 đến ngày 7 tháng Giêng");
    expect(await ask("Chợ Âm Dương năm nay ngày nào?")).toContain("từ ngày 6 đến ngày 7 tháng Giêng");
    // Saved to the pack file, so a restart keeps it.
    expect(loadContent(contentDir).pack("vo-cuong").festival("cho-am-duong")?.date.day).toBe(6);
  });

  it("chats on /chat: a typed question and a choice button go through the pipeline as channel web", async () => {
    await page.goto(`${server.url}/chat`);
    await page.waitForSelector(".chat[data-restored=true]");
    const before = await page.locator("li.bot:not(.typing)").count();
    await page.click('button[data-choice="menu:festivals"]');
    await expect.poll(() => page.locator("li.bot:not(.typing)").count()).toBeGreaterThan(before);
    await page.fill("#text", "Hội Lim năm nay ngày nào?");
    await page.click("#send");
    await expect.poll(() => page.textContent("#log")).toContain("Hội Lim năm 2026");
    // After the earlier tests' questions (shown again: same browser), these two.
    expect((await page.locator("li.me").allTextContents()).slice(-2)).toEqual(["Lễ hội", "Hội Lim năm nay ngày nào?"]);
    const events = await server.store.collection<{ channel: string }>("events").find();
    expect(events.filter((e) => e.channel === "web").length).toBeGreaterThanOrEqual(2);
  });
});
