import nock from "nock";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZaloPerson } from "../helpers/chat.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { launchBrowser, type TestBrowser } from "./browser.js";

/**
 * Staff write, preview and send an announcement in a real browser (phone-sized), and find the copy kept for a
 * subscriber outside the Zalo window in the report and on "Chưa gửi được". The server's clock is moved, not the browser's.
 */

const ADMIN_PASSWORD = "mat-khau-quan-tri-2";
const HOUR = 3_600_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let clock = Date.now();

beforeAll(async () => {
  server = await startTestServer({ ADMIN_PASSWORD }, { now: () => clock });
  browser = await launchBrowser({ width: 390, height: 844 });
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  nock.cleanAll();
});

describe("announcements in the console", () => {
  it("compose → preview → send → report; the kept copy is listed under Chưa gửi được", async () => {
    const silent = new ZaloPerson(server, "701");
    await silent.say("nhắc tôi trước hội Lim");
    await silent.tap("remind:yes");
    clock += 72 * HOUR; // past Zalo's 48 h for the silent one
    const active = new ZaloPerson(server, "702");
    await active.say("nhắc tôi trước hội Lim");
    await active.tap("remind:yes");
    const before = active.count;

    await page.goto(`${server.url}/admin/login`);
    await page.fill("#username", "admin");
    await page.fill("#password", ADMIN_PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL((url) => !url.pathname.endsWith("/login"));
    await page.goto(`${server.url}/admin/announcements/new`);
    await page.selectOption("#pack", "vo-cuong");
    await page.selectOption("#kind", "festival");
    await page.fill("#title", "Hội Lim 2027");
    await page.fill("#text", "Khai hội ngày 17/02/2027 tại xã Tiên Du.");
    await page.selectOption("#audience", "topic:festival:hoi-lim");
    await page.click("form.card button[type=submit]");
    await page.waitForURL(/\/admin\/announcements\/TB-/);
    expect(await page.textContent("#preview-count")).toContain("2 người; 1 người đang trong thời hạn nhắn tin (gửi ngay), 1 người nhận khi họ nhắn lại");
    await page.click('form[action$="/send"] button');
    await page.waitForSelector("#report-totals");
    await server.reach.delivery.idle();
    await page.reload();
    expect(await page.textContent("[data-result=sent]")).toBe("1");
    expect(await page.textContent("[data-result=kept]")).toBe("1");
    expect(await page.textContent("main")).toContain("quá thời hạn nhắn tin miễn phí của kênh");
    expect(active.textSince(before)).toBe("Hội Lim 2027\nKhai hội ngày 17/02/2027 tại xã Tiên Du.");

    await page.click("nav >> text=Chưa gửi được");
    await page.waitForURL(/\/admin\/kept$/);
    const row = page.locator("#kept-list tr[data-status=waiting]");
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("Hội Lim 2027");
    // No sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
});
