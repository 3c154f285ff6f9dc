/**
 * `npm run soak`: the long version of test/faults (issue 7, faults and bad input). Not part of `npm test`.
 *
 * Phase 1, kill -9: 1,000 people each file a violation report through signed Zalo webhooks to the bot running as a
 * child process on a temp DATA_DIR (lowdb), while the bot is killed with SIGKILL at random moments and restarted on
 * the same folder. At the end: every code a person was sent exists as that person's report, no code went to two
 * people, every stored field is the person's answer to that question (wrong fields: 0), every stored code reached
 * its person or waits in the outbox (0 lost), no code message twice, the code sequence is ahead of every stored code,
 * no data file was found broken, every start-up succeeded.
 *
 * Phase 2, flaky sends: people write in rounds to the real app whose Zalo and Graph send calls fail 20% of the time
 * (5xx, 429 / -32 / 613, never-answered calls): every reply is delivered exactly once or is a dead letter with a
 * staff alert; nothing reaches a person twice for one message.
 *
 * Options: --reports N (1000), --concurrency N (20), --kill-min MS (500), --kill-max MS (5000), --people N (200,
 * half on each channel), --rounds N (5), --fail-rate X (0.2), --attempts N (4, the default RETRY_ATTEMPTS),
 * --timeout MS (2000), --seed N, --startup-timeout MS (30000: how long a restart may take to answer /healthz),
 * --store lowdb|postgres (phase 1's deployment; postgres: PostgreSQL + Redis with the runner and the outbound queue,
 * at TEST_DATABASE_URL / TEST_REDIS_URL, default 127.0.0.1, in a throwaway schema and key prefix), --phase 1|2 (only
 * that phase). Prints the figures; exits 1 on any violation.
 */
import { runFlakySend } from "../test/faults/kit/flaky-run.js";
import { runKillRestart, type KillRunResult } from "../test/faults/kit/kill-run.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const word = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? String(args[i + 1]) : fallback;
};

async function main(): Promise<void> {
  const violations: string[] = [];
  const phase = word("phase", "both");
  const store = word("store", "lowdb");
  if (store !== "lowdb" && store !== "postgres") throw new Error(`--store lowdb|postgres, not ${store}`);
  const kill = phase === "2" ? undefined : await killPhase(store === "postgres" ? "postgres+redis" : "lowdb", violations);
  const flaky = phase === "1" ? undefined : await flakyPhase(violations);

  if (violations.length > 0) {
    console.log(`FAILED: ${violations.length} violation(s)`);
    for (const violation of violations.slice(0, 50)) console.log(`  - ${violation}`);
    process.exit(1);
  }
  const figures = [
    kill && `store=${store} kills=${kill.kills} reports=${kill.storedReports} wrong_fields=${kill.wrongFields} codes_lost=${kill.codesLost} duplicates=${kill.duplicates} codes_checked=${kill.codesSent}`,
    flaky && `dead_letters=${flaky.deadLetters}`,
    `seconds=${Math.round((kill?.seconds ?? 0) + (flaky?.seconds ?? 0))}`,
  ];
  console.log(`OK: ${figures.filter(Boolean).join(" ")}`);
  process.exit(0);
}

const log = (line: string) => console.log(`  ${line}`);

async function killPhase(store: "lowdb" | "postgres+redis", violations: string[]): Promise<KillRunResult> {
  console.log(`phase 1: ${option("reports", 1000)} reports with random kill -9s (${store === "lowdb" ? "lowdb" : "PostgreSQL + Redis, outbound queue"}, child process)`);
  const kill = await runKillRestart({
    reports: option("reports", 1000),
    concurrency: option("concurrency", 20),
    killAfterMs: [option("kill-min", 500), option("kill-max", 5000)],
    startupTimeoutMs: option("startup-timeout", 30_000),
    store,
    onProgress: log,
  });
  console.log(
    [
      `  reports with a code sent: ${kill.codesSent} (people ${kill.people}, stored reports ${kill.storedReports}: the rest were filed when the bot died before the code went out)`,
      `  kills: ${kill.kills}; start-ups: ${kill.startups} (mean ${kill.startupMs.mean} ms, max ${kill.startupMs.max} ms)`,
      `  kills ${kill.kills}; reports ${kill.storedReports}; wrong fields ${kill.wrongFields}; codes not delivered and not in the outbox ${kill.codesLost} (in the outbox: ${kill.codesInOutbox}); duplicates ${kill.duplicates} (code messages that reached their person twice, sent just before a kill: ${kill.resent})`,
      `  codes checked: ${kill.codesSent}; messages ${kill.messages}, silences ${kill.silences}`,
      `  time: ${kill.seconds} s; data folder ${kill.dataDir}, bot log ${kill.logFile}`,
    ].join("\n"),
  );
  violations.push(...kill.violations.map((v) => `kill: ${v}`));
  return kill;
}

async function flakyPhase(violations: string[]) {
  const people = option("people", 200);
  console.log(`phase 2: flaky sends, ${people} people × ${option("rounds", 5)} rounds, ${Math.round(option("fail-rate", 0.2) * 100)}% of calls failing`);
  const flaky = await runFlakySend({
    zaloPeople: Math.ceil(people / 2),
    messengerPeople: Math.floor(people / 2),
    rounds: option("rounds", 5),
    failRate: option("fail-rate", 0.2),
    attempts: option("attempts", 4),
    timeoutMs: option("timeout", 2000),
    seed: option("seed", Date.now() % 100_000),
    onProgress: log,
  });
  const faults = Object.entries(flaky.faults)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ");
  console.log(
    [
      `  messages: ${flaky.messages}; replies attempted: ${flaky.replies}; delivered messages: ${flaky.delivered}`,
      `  dead letters: ${flaky.deadLetters}; staff alerts: ${flaky.staffAlerts}; stub calls: ${faults}`,
      `  longest stall of the bot's thread: ${flaky.maxLoopStallMs} ms (send timeout ${option("timeout", 2000)} ms); time: ${flaky.seconds} s`,
    ].join("\n"),
  );
  violations.push(...flaky.violations.map((v) => `flaky: ${v}`));
  return flaky;
}

// Ctrl-C: exit (the "exit" hooks of bot-process.ts kill the child bot).
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

void main();
