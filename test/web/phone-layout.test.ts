import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Report } from "../../src/domain/report.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { launchBrowser, type TestBrowser } from "./browser.js";
import { sampleReport } from "./web-test-kit.js";

/**
 * Issue 16 item 8: the console on a 390 px phone. No page scrolls sideways (a long link in a report, wide tables
 * scroll inside their own box), and every menu tab is on screen without scrolling the menu.
 * Screenshots go to $PHONE_SHOTS when set (to look at them).
 */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
const WIDTH = 390;
let server: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  const store = new MemoryStore();
  server = await startTestServer({ ADMIN_PASSWORD }, { store });
  const longUrl = `https://drive.google.com/file/d/${"1AbCdEfGhIjKlMnOpQrStUvWxYz".repeat(4)}/view?usp=sharing`;
  await store.collection<Report>("reports").set(
    "PA-2026-0001",
    sampleReport("PA-2026-0001", { description: `Xem ảnh ở ${longUrl} — tường đình bị vẽ bậy`, evidence: [{ kind: "image", url: longUrl }] as Report["evidence"] }),
  );
  browser = await launchBrowser({ width: WIDTH, height: 844 });
  page = browser.page;
  await page.goto(`${server.url}/admin/login`);
  await page.fill("#username", "admin");
  await page.fill("#password", ADMIN_PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/admin\//);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  nock.cleanAll();
});

const PAGES = ["/admin/inbox", "/admin/reports", "/admin/reports/PA-2026-0001", "/admin/classes", "/admin/analytics", "/admin/yearly", "/admin/accounts", "/admin/api-keys", "/admin/password", "/admin/content"];

describe("the console on a 390 px phone", () => {
  it.each(PAGES)("%s does not scroll sideways and shows every menu tab", async (path) => {
    await page.goto(`${server.url}${path}`);
    if (process.env.PHONE_SHOTS) await page.screenshot({ path: `${process.env.PHONE_SHOTS}/${path.replace(/\W+/g, "_")}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "page wider than the screen").toBeLessThanOrEqual(0);
    const hidden = await page.$$eval("header.top nav a", (links) =>
      links.filter((a) => {
        const box = a.getBoundingClientRect();
        return box.right > window.innerWidth || box.left < 0;
      }).map((a) => a.textContent),
    );
    expect(hidden, "menu tabs off screen").toEqual([]);
  });
});
