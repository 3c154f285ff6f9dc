import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The dependency rules (.dependency-cruiser.cjs, `npm run check:deps`) hold for src/, and they do fail: a tiny
 * fixture tree with a folder cycle (a → b → a, through different files: no file cycle) and one feature importing
 * another is refused with those rules' names.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const depcruise = path.join(root, "node_modules/.bin/depcruise");
const config = path.join(root, ".dependency-cruiser.cjs");

async function cruise(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(depcruise, ["src", "--config", config, "--output-type", "err"], { cwd });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe("dependency rules", () => {
  it("src/ keeps them", async () => {
    const result = await cruise(root);
    expect(result.output).toContain("no dependency violations found");
    expect(result.code).toBe(0);
  }, 60_000);

  it("fail on a folder cycle and on a feature importing another", async () => {
    const result = await cruise(path.join(import.meta.dirname, "fixtures/cycle"));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/no-folder-cycles: src\/(a|b) →/);
    expect(result.output).toContain("features-stand-alone: src/features/one/one.ts → src/features/two/two.ts");
    expect(result.output).not.toContain("no-module-cycles");
  }, 60_000);
});
