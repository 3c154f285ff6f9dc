import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("scripts/classify.ts", () => {
  it("writes one JSON object per input line, in order, and nothing else on stdout", () => {
    const input = ["hoi lim nam nay ngay nao", "PA-2026-0012 sao roi", "", "asdfgh"].join("\n") + "\n";
    const run = spawnSync("npx", ["tsx", "scripts/classify.ts", "--today=2026-01-10"], { input, encoding: "utf8", cwd: process.cwd(), timeout: 60_000 });
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(4);
    const rows = lines.map((l) => JSON.parse(l));
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(["confidence", "entities", "intent", "text"]);
      expect(row.confidence).toBeGreaterThanOrEqual(0);
      expect(row.confidence).toBeLessThanOrEqual(1);
    }
    expect(rows.map((r) => r.text)).toEqual(["hoi lim nam nay ngay nao", "PA-2026-0012 sao roi", "", "asdfgh"]);
    expect(rows[0]).toMatchObject({ intent: "festival_dates", entities: { year: 2026 } });
    expect(rows[1]).toMatchObject({ intent: "report_status", entities: { ticketCodes: ["PA-2026-0012"] } });
    expect(rows[3].intent).toBe("out_of_scope");
  }, 60_000);
});
