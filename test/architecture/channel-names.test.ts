import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * Nothing outside src/channels names a channel (scripts/check-channel-names.ts, part of `npm run check:deps`): src/
 * keeps the rule, and a fixture tree whose feature names a channel as a key, a label and a setting is refused at
 * those lines (its sentence for people, its comment and its composition root are not).
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const script = path.join(root, "scripts/check-channel-names.ts");

async function check(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(tsx, [script, dir], { cwd: root });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe("channel names", () => {
  it("src/ names no channel outside src/channels and the composition root", async () => {
    const result = await check(root);
    expect(result.output).toContain("no channel named outside src/channels");
    expect(result.code).toBe(0);
  }, 60_000);

  it("refuse a channel's name as a key, its label and its setting written in a feature", async () => {
    const result = await check(path.join(import.meta.dirname, "fixtures/channel-names"));
    expect(result.code).toBe(1);
    expect(result.output).toContain("src/features/inbox/inbox-page.ts:2:");
    expect(result.output).toContain("src/features/inbox/inbox-page.ts:3:");
    expect(result.output).not.toMatch(/inbox-page\.ts:[45]:/);
    expect(result.output).not.toContain("src/app/");
  }, 60_000);
});
