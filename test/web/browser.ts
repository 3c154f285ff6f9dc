import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

/** Debian's chromium, found or installed by the global setup (test/setup/find-chromium.ts); no browser is ever downloaded. */
export const CHROMIUM = inject("chromiumPath");
export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** A headless chromium with a fresh profile; `close()` removes the profile. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts chromium with the project's flags and a fresh user data dir.
 *
 * @example const browser = await launchBrowser({ width: 390, height: 844 });
 */
export async function launchBrowser(viewport = { width: 1280, height: 900 }): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "tlvh-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
