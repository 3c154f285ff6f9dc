import { describe, expect, it } from "vitest";
import { runKillRestart } from "./kit/kill-run.js";

/**
 * Issue 7, "kill -9 the server at random moments while reports are being submitted": a child bot on a temp
 * DATA_DIR (lowdb) is killed with SIGKILL at random moments and restarted on the same folder while people file
 * reports through signed webhooks. `npm run soak` runs the same with 1,000 reports.
 */
describe("kill -9 during report submissions (lowdb)", () => {
  it("every code sent exists as that person's report, no code twice, every field the person's answer, every stored code sent or in the outbox", { timeout: 240_000 }, async () => {
    const result = await runKillRestart({ reports: 150, concurrency: 10, killAfterMs: [200, 1500], maxKills: 5 });
    // Kept for the report when it fails: the figures the soak prints.
    console.info(`kill test: kills ${result.kills}, reports ${result.storedReports}, wrong fields ${result.wrongFields}, codes lost ${result.codesLost}, in outbox ${result.codesInOutbox}, duplicates ${result.duplicates}, resent ${result.resent}`);

    expect(result.violations).toEqual([]);
    // The run did what it claims: killed, restarted each time, and every person got a code.
    expect(result.kills).toBeGreaterThanOrEqual(3);
    expect(result.startups).toBe(result.kills + 2);
    expect(result.codesSent).toBe(150);
    expect(result.storedReports).toBeGreaterThanOrEqual(result.codesSent);
    // Issue 15, durable before visible: no answer lands in another question's field, every stored code reached its
    // person or waits in the outbox, no code to two people. (A code message can reach its person twice when the bot
    // dies between the send and the outbox recording it: `resent`, at least once across a crash; docs/faults.md.)
    expect(result.wrongFields).toBe(0);
    expect(result.codesLost).toBe(0);
    expect(result.duplicates).toBe(0);
  });
});
