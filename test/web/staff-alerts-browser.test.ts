import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { MemoryStore } from "../../src/store/memory-store.js";
import { fixture, startTestServer, ZALO_API, zaloText, type TestServer } from "../helpers/test-server.js";
import { launchBrowser, type TestBrowser } from "./browser.js";

/**
 * Issue 16 item 6 in the browser, on a 390 px phone: a handoff whose staff alert reached no one (Zalo -230, no webhook,
 * no e-mail) shows as a banner on the inbox; the alerts page says why, fits the screen, and "Gửi lại ngay" sends it
 * once Zalo takes it.
 */

const ADMIN_PASSWORD = "mat-khau-quan-tri-1";
const T = Date.parse("2026-11-25T03:00:00Z");
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let zaloAccepts = false;
const staffTexts: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ ADMIN_PASSWORD, STAFF_ZALO_USER_IDS: "staff-1" }, { store: new MemoryStore(), now: () => T });
  nock(ZALO_API)
    .post("/v3.0/oa/message/cs")
    .times(50)
    .reply((_uri, body: any) => {
      if (body.recipient.user_id !== "staff-1") return [200, fixture("zalo/api-send-success.json")];
      if (!zaloAccepts) return [200, fixture("zalo/api-send-error-not-interacted.json")];
      staffTexts.push(String(body.message?.text ?? ""));
      return [200, fixture("zalo/api-send-success.json")];
    });
  await server.postZalo({ ...zaloText("cho tôi gặp cán bộ", "person-9"), timestamp: String(T) });
  await server.settle();
  browser = await launchBrowser({ width: 390, height: 844 });
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

describe("an alert that reached no one, in the console", () => {
  it("the inbox's banner leads to the alerts page, which fits a phone and sends the alert again", async () => {
    await page.goto(`${server.url}/admin/inbox`);
    const banner = page.locator("#alerts-banner a");
    expect(await banner.textContent()).toContain("1 cảnh báo chưa đến được cán bộ nào");
    await banner.click();
    await page.waitForURL(/\/admin\/alerts$/);
    expect(await page.locator("h2").first().textContent()).toBe("Chưa đến được ai (1)");
    expect(await page.locator("#alerts-unreached").textContent()).toContain("kênh từ chối: quá thời hạn nhắn tin");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "page wider than the screen").toBeLessThanOrEqual(0);

    zaloAccepts = true;
    await page.click("#alerts-unreached button[type=submit]");
    await page.waitForURL(/\/admin\/alerts$/);
    expect(await page.locator(".flash").textContent()).toContain("Đã gửi được (qua Tin nhắn)");
    expect(await page.locator("h2").first().textContent()).toBe("Chưa đến được ai (0)");
    expect(staffTexts).toHaveLength(1);
    expect(staffTexts[0]).toContain("[Cần cán bộ]");
    await page.goto(`${server.url}/admin/inbox`);
    expect(await page.locator("#alerts-banner").count()).toBe(0);
  });
});
