import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, handoffPath, STAFF_TOKEN } from "../api/staff-api-client.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { launchBrowser, type TestBrowser } from "./browser.js";

/** The web chat in a real browser (Debian's chromium): the conversation survives a reload, staff are marked. */

let server: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ STAFF_API_TOKEN: STAFF_TOKEN });
  browser = await launchBrowser({ width: 390, height: 844 });
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const bubbles = (selector: string) => page.locator(selector).allTextContents();

describe("web chat in a browser", () => {
  it("sends a message, reloads and still sees the question and the answer", async () => {
    await page.goto(`${server.url}/chat`);
    await page.fill("#text", "hội lim năm nay ngày nào");
    await page.click("#send");
    await expect.poll(() => bubbles(".log li.bot:not(.typing) p")).toEqual(expect.arrayContaining([expect.stringMatching(/Hội Lim/)]));
    const before = await bubbles(".log li p");

    await page.reload();
    await page.waitForSelector(".chat[data-restored=true]");
    expect(await bubbles(".log li.me p")).toEqual(["hội lim năm nay ngày nào"]);
    expect(await bubbles(".log li p")).toEqual(before);
  });

  it("sends a photo from the file input; it is kept and shown as the person's line after a reload", async () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
    const bots = (await bubbles(".log li.bot p")).length;
    await page.setInputFiles("#photo", { name: "vi-pham.png", mimeType: "image/png", buffer: png });
    await expect.poll(async () => (await bubbles(".log li.bot:not(.typing) p")).length).toBeGreaterThan(bots);
    expect((await bubbles(".log li.me p")).at(-1)).toBe("📷 Ảnh");
    expect(await server.services.evidence.records.find({ status: "kept", mime: "image/png" })).toHaveLength(1);
    await page.reload();
    await page.waitForSelector(".chat[data-restored=true]");
    expect((await bubbles(".log li.me p")).at(-1)).toBe("📷 Ảnh");
  });

  it("shows 'waiting for staff' during a handoff and labels the staff reply, before and after a reload", async () => {
    await page.fill("#text", "gặp cán bộ");
    await page.click("#send");
    await expect.poll(() => page.isVisible("#status")).toBe(true);
    expect(await page.textContent("#status")).toContain("Đang chờ cán bộ");

    const cookie = (await browser.context.cookies()).find((c) => c.name === "tlvh_chat")!;
    await callApi(server, "POST", `${handoffPath(`web:web:${cookie.value}`)}/reply`, { body: { text: "Chào bạn, mình là cán bộ trực." } });
    await expect.poll(() => bubbles(".log li.staff p"), { timeout: 15_000 }).toEqual(["Chào bạn, mình là cán bộ trực."]);
    expect(await bubbles(".log li.staff .who")).toEqual(["Cán bộ"]);

    await page.reload();
    await page.waitForSelector(".chat[data-restored=true]");
    expect(await bubbles(".log li.staff p")).toEqual(["Chào bạn, mình là cán bộ trực."]);
    expect(await page.isVisible("#status")).toBe(true);
  });
});
