import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../../../src/domain/report.js";
import { freePort, startBot, StartupFailed, type BotProcess } from "./bot-process.js";
import { killRunStore, type KillStore } from "./kill-store.js";
import { startPlatformStub } from "./platform-stub.js";
import { CODE_PATTERN, fileOneReport, PLACE_ANSWER, WHEN_ANSWER, ZALO_TEST, type PersonRecord } from "./report-person.js";

/**
 * The kill -9 scenario of issue 7, shared by test/faults/kill-restart.test.ts (short) and `npm run soak` (long):
 * many people file reports through signed webhooks to a child bot while the bot is killed with SIGKILL at random
 * moments and restarted on the same data: the embedded store's DATA_DIR, or (`store: "postgres+redis"`) a PostgreSQL
 * schema and a Redis prefix, with the Redis runner and the outbound queue. At the end (after a clean stop and one
 * more start) the data is opened and checked against what the people were actually sent.
 */

/** Options of {@link runKillRestart}. */
export interface KillRunOptions {
  /** Reports to get codes for (one per person). */
  reports: number;
  /** People filing at the same time. */
  concurrency: number;
  /** Uptime before each kill, picked at random in [min, max] ms (from /healthz answering). */
  killAfterMs: [number, number];
  /** Kill at most this many times. */
  maxKills?: number;
  /** Where the child's output goes (default: in the data folder). */
  logFile?: string;
  /** Told of progress (the soak prints it). */
  onProgress?: (line: string) => void;
  /** How long a start-up may take to answer /healthz (default 30 s; a loaded machine needs more). */
  startupTimeoutMs?: number;
  /** The deployment killed (default lowdb). */
  store?: KillStore;
}

/** Figures and violations of one run. */
export interface KillRunResult {
  dataDir: string;
  logFile: string;
  people: number;
  /** Codes the people received (distinct). */
  codesSent: number;
  /** Reports in the store at the end (includes reports whose code reply died with the bot). */
  storedReports: number;
  kills: number;
  /** Start-ups that reached /healthz (the first, one per kill, the final clean one). */
  startups: number;
  startupMs: { max: number; mean: number };
  messages: number;
  silences: number;
  /** People whose message budget ran out without a code. */
  stuck: number;
  /** Stored report fields that are not the person's answer to that question (issue 15: target 0). */
  wrongFields: number;
  /** Stored reports whose code never reached the person and is not waiting in the outbox (target 0). */
  codesLost: number;
  /** Codes sent to two people (target 0). */
  duplicates: number;
  /** Code messages that reached their person twice: sent, then the bot killed before the outbox recorded it (at least once across a crash). */
  resent: number;
  /** Reports stored whose code is still in the outbox at the end (sent at the next start). */
  codesInOutbox: number;
  seconds: number;
  /** Every broken promise, in words; empty when all held. */
  violations: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the scenario and checks it.
 *
 * @example const result = await runKillRestart({ reports: 150, concurrency: 20, killAfterMs: [300, 2500], maxKills: 5 });
 */
export async function runKillRestart(options: KillRunOptions): Promise<KillRunResult> {
  const started = performance.now();
  const violations: string[] = [];
  const stub = await startPlatformStub();
  const data = await killRunStore(options.store ?? "lowdb");
  const { dataDir } = data;
  const logFile = options.logFile ?? join(dataDir, "..", `${dataDir.split("/").pop()}.log`);
  const port = await freePort();
  const env = killRunEnv(stub.url, data.env);
  const startups: number[] = [];
  const start = async (): Promise<BotProcess | undefined> => {
    try {
      const bot = await startBot(env, port, logFile, options.startupTimeoutMs);
      startups.push(bot.startupMs);
      return bot;
    } catch (error) {
      if (!(error instanceof StartupFailed)) throw error;
      violations.push(`start-up failed after ${startups.length - 1} kills: ${error.message}`);
      return undefined;
    }
  };

  let bot = await start();
  if (!bot) throw new Error(`the bot did not start at all (see ${logFile})`);
  let done = false;
  let kills = 0;
  let broken = false;

  // The killer: random uptime, SIGKILL, restart on the same folder.
  const killer = (async () => {
    while (!done && !broken && kills < (options.maxKills ?? Infinity)) {
      const [min, max] = options.killAfterMs;
      const wait = min + Math.random() * (max - min);
      const until = performance.now() + wait;
      while (!done && performance.now() < until) await sleep(Math.min(50, until - performance.now()));
      if (done) break;
      await bot!.kill9();
      kills++;
      const next = await start();
      if (!next) {
        broken = true;
        break;
      }
      bot = next;
      options.onProgress?.(`kill ${kills}: restarted in ${Math.round(next.startupMs)} ms`);
    }
  })();

  // The people: one report each, `concurrency` at a time.
  const records: PersonRecord[] = [];
  let nextPerson = 0;
  let withCode = 0;
  const worker = async () => {
    while (!broken && nextPerson < options.reports) {
      const userId = `p${String(++nextPerson).padStart(5, "0")}`;
      // A person waits 10 s for the next question before saying the same again: longer than a restart, after which
      // the replies a crash left in the outbox are sent (a real person waits at least that long).
      const record = await fileOneReport({ botUrl: bot!.url, stub, userId, stopped: () => broken, replyTimeoutMs: 10_000 });
      records.push(record);
      if (record.codes.length > 0 && ++withCode % 50 === 0) options.onProgress?.(`${withCode} reports filed, ${kills} kills`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  done = true;
  await killer;

  // A clean stop, then one more start: the folder as left must still open.
  if (bot && !broken) {
    const code = await bot.stop();
    if (code !== 0) violations.push(`clean stop exited with ${code}`);
    const last = await start();
    if (last && (await last.stop()) !== 0) violations.push("final stop did not exit cleanly");
  }
  await stub.close();

  // ===  Checks  ===
  const corrupt = readdirSync(dataDir).filter((name) => name.includes(".corrupt-"));
  if (corrupt.length > 0) violations.push(`broken data files moved aside: ${corrupt.join(", ")}`);
  if (/broken data file/.test(safeRead(logFile))) violations.push("the bot logged a broken data file");
  const store = await data.open((file) => violations.push(`broken data file on the final read: ${file}`), env);
  const reports = new Map((await store.collection<Report>("reports").find()).map((report) => [report.code, report]));
  const holders = new Map<string, string[]>();
  for (const record of records) for (const code of record.codes) holders.set(code, [...(holders.get(code) ?? []), record.userId]);
  let duplicates = 0;
  for (const [code, users] of holders) {
    if (users.length > 1) {
      duplicates++;
      violations.push(`code ${code} was sent to ${users.length} people: ${users.join(", ")}`);
    }
    const report = reports.get(code);
    if (!report) {
      violations.push(`code ${code} was sent to ${users[0]} but no report has it`);
      continue;
    }
    const record = records.find((candidate) => candidate.userId === users[0])!;
    if (report.reporter.userId !== record.userId) violations.push(`code ${code} was sent to ${record.userId} but its report is ${report.reporter.userId}'s`);
  }
  let resent = 0;
  for (const entry of stub.delivered) {
    const code = CODE_PATTERN.exec(entry.text)?.[1];
    if (code && stub.delivered.filter((other) => other.userId === entry.userId && other.text === entry.text).length > 1 && entry === stub.delivered.find((other) => other.userId === entry.userId && other.text === entry.text)) resent++;
  }
  // Every stored field is the person's answer to that question (issue 15: a crash used to shift answers by one step).
  let wrongFields = 0;
  const byUser = new Map(records.map((record) => [record.userId, record]));
  for (const report of reports.values()) {
    const record = byUser.get(report.reporter.userId);
    const wrong = [
      record && !record.descriptions.includes(report.description) ? `description "${report.description.slice(0, 40)}"` : "",
      report.place?.text !== undefined && report.place.text !== PLACE_ANSWER ? `place "${report.place.text}"` : "",
      report.happened !== undefined && report.happened.text !== WHEN_ANSWER ? `time "${report.happened.text}"` : "",
      report.contact.anonymous !== true ? "contact" : "",
      report.evidence.length > 0 ? "evidence" : "",
    ].filter(Boolean);
    if (wrong.length > 0) {
      wrongFields += wrong.length;
      violations.push(`report ${report.code} of ${report.reporter.userId}: not the person's answer: ${wrong.join(", ")}; what they said and heard: ${record?.timeline.join(" | ")}`);
    }
  }
  // Every code stored reached its person, or waits in the outbox (sent at the next start).
  const outbox = (await store.collection<{ to: { userId: string }; replies: { text: string }[]; sent: number }>("outbox").find()).flatMap((entry) =>
    entry.replies.slice(entry.sent).map((reply) => `${entry.to.userId}\u0000${CODE_PATTERN.exec(reply.text)?.[1] ?? ""}`),
  );
  let codesLost = 0;
  let codesInOutbox = 0;
  for (const report of reports.values()) {
    const reached = stub.delivered.some((entry) => entry.userId === report.reporter.userId && CODE_PATTERN.exec(entry.text)?.[1] === report.code);
    if (reached) continue;
    if (outbox.includes(`${report.reporter.userId}\u0000${report.code}`)) codesInOutbox++;
    else {
      codesLost++;
      violations.push(`report ${report.code} is stored but its code neither reached ${report.reporter.userId} nor waits in the outbox`);
    }
  }
  const sequence = await data.sequence(store, "PA-2026");
  const highest = Math.max(0, ...[...reports.keys()].map((code) => Number(code.split("-")[2])));
  if (Number(sequence) < highest) violations.push(`the code sequence (${sequence}) is behind the highest stored code (${highest}): a code would be reused`);
  await store.close();
  await data.cleanup();

  const stuck = records.filter((record) => record.codes.length === 0).length;
  for (const record of broken ? [] : records.filter((candidate) => candidate.codes.length === 0).slice(0, 5)) {
    violations.push(`${record.userId} never got a code after ${record.messages} messages; last heard: ${record.lastHeard ?? "nothing"}`);
  }
  const startupMs = { max: Math.round(Math.max(...startups)), mean: Math.round(startups.reduce((a, b) => a + b, 0) / startups.length) };
  return {
    dataDir,
    logFile,
    people: records.length,
    codesSent: holders.size,
    storedReports: reports.size,
    kills,
    startups: startups.length,
    startupMs,
    messages: records.reduce((sum, record) => sum + record.messages, 0),
    silences: records.reduce((sum, record) => sum + record.silences, 0),
    stuck,
    wrongFields,
    codesLost,
    duplicates,
    resent,
    codesInOutbox,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    violations,
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The bot's environment in a kill run: the store's (`storeEnv`), Zalo and the staff webhook on the stub at `stubUrl`. */
export function killRunEnv(stubUrl: string, storeEnv: Record<string, string>): Record<string, string> {
  return {
    LOG_LEVEL: "warn",
    ...storeEnv,
    BOT_TODAY: "2026-11-25",
    ZALO_APP_ID: ZALO_TEST.appId,
    ZALO_APP_SECRET: "fault-app-secret",
    ZALO_OA_SECRET_KEY: ZALO_TEST.secret,
    ZALO_OA_ACCESS_TOKEN: "access-1",
    ZALO_OA_REFRESH_TOKEN: "",
    ZALO_API_BASE: stubUrl,
    ZALO_OAUTH_BASE: stubUrl,
    FB_APP_SECRET: "",
    FB_PAGE_ACCESS_TOKEN: "",
    STAFF_WEBHOOK_URL: `${stubUrl}/staff`,
    STAFF_ZALO_USER_IDS: "",
    RETRY_BASE_MS: "20",
    METRICS_TOKEN: "",
  };
}
