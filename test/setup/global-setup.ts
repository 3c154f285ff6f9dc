import type { TestProject } from "vitest/node";
import { ensureChromium } from "./find-chromium.js";

/**
 * Runs once before any test file (vitest.config.ts `globalSetup`): makes sure the browser tests have a chromium,
 * installing Debian's package when it can (see find-chromium.ts), and hands its path to every worker.
 */
export default function setup(project: TestProject): void {
  const chromium = ensureChromium();
  project.provide("chromiumPath", chromium);
}

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}
