/**
 * `npm run bench:per-message`: what one message costs the bot end to end, in figures that survive a shared machine
 * better than `npm run bench`'s throughput and latency: CPU time per message (user + kernel, all the bot's threads,
 * from /proc), bytes allocated on the V8 heap per message and GC pauses (from the bot's `--trace-gc` lines), RSS,
 * and start-up to the first 200 on /healthz (median of several cold starts). The bot runs as `npm start` runs it
 * (built first, with package.json's start flags) and gets the bench's ten questions as signed Zalo webhooks from a
 * new person each, at a fixed rate, replies going to the same raw-socket stub as `npm run bench`.
 *
 * `--root DIR` runs another checkout (its own build, store and flags; this script and its helpers in scripts/ are
 * all it needs from here), so two commits can be compared back to back: alternate the runs, compare CPU per message.
 * Heap bytes per message do not move with the machine's load; CPU time does (contention inflates it).
 * Options: `--messages N` measured (default 8000), `--warm-up N` before (default 3000), `--rate N` per second
 * (default 800), `--conversations N` stored before (default 100000), `--starts N` cold starts timed (default 3),
 * `--node-flags "…"` for the bot, `--phase-signal` (SIGUSR2 to the bot as the measured phase starts and ends, for a
 * profiler preloaded with `--node-flags "-r …"`).
 *
 * @example npm run bench:per-message -- --root /tmp/before   // "bot CPU per message: 812 µs (user 740, kernel 72) …"
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { httpRequestBytes, RAW_STUB_SOURCE, RawClient } from "./bench-wire.js";
import { BENCH_ZALO_OA_ID, benchZaloBody, benchZaloSignature, percentile, startFlags, zaloBenchEnv } from "./lib/bench-env.js";
import { BENCH_QUESTIONS } from "./lib/bench-questions.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const ROOT = resolve(option("root", "."));
const MESSAGES = Number(option("messages", "8000"));
const WARM_UP = Number(option("warm-up", "3000"));
const RATE = Number(option("rate", "800"));
const CONVERSATIONS = Number(option("conversations", "100000"));
const STARTS = Number(option("starts", "3"));
const NODE_FLAGS = option("node-flags", "").split(" ").filter(Boolean);
/** Sends SIGUSR2 to the bot when the measured phase starts and ends (for a profiler preloaded with --node-flags "-r …"). */
const PHASE_SIGNAL = args.includes("--phase-signal");
const OA_ID = BENCH_ZALO_OA_ID;
const QUESTIONS = BENCH_QUESTIONS;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signedRequest(port: number, userId: string, text: string): Buffer {
  const { raw, timestamp } = benchZaloBody(userId, userId, text);
  const mac = benchZaloSignature(raw, timestamp);
  return httpRequestBytes(`127.0.0.1:${port}`, "/webhooks/zalo", { "content-type": "application/json", "x-zevent-signature": mac }, raw);
}

/** A data folder with `count` stored conversations, made once per checkout and copied for each run. */
async function dataFolder(count: number): Promise<string> {
  const template = join(tmpdir(), `bench-per-message-${createHash("sha256").update(ROOT).digest("hex").slice(0, 8)}-${count}`);
  if (!existsSync(join(template, ".done"))) {
    rmSync(template, { recursive: true, force: true });
    const { LowdbStore } = await import(join(ROOT, "src/store/lowdb/lowdb-store.ts"));
    const store = new LowdbStore({ dir: template });
    const conversations = store.collection("conversations");
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const key = `zalo:${OA_ID}:seed-${i}`;
      await conversations.set(key, {
        key, channel: "zalo", accountId: OA_ID, userId: `seed-${i}`, language: "vi",
        firstSeenAt: now - 86_400_000, lastInboundAt: now - 3_600_000,
        transcript: [
          { at: now - 3_600_000, from: "person", text: "hội lim năm nay ngày nào" },
          { at: now - 3_599_000, from: "bot", text: "Hội Lim năm 2026 chính hội ngày 13 tháng Giêng âm lịch" },
        ],
        state: {},
      });
    }
    await store.close();
    cpSync(join(ROOT, "package.json"), join(template, ".done"));
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-per-message-run-"));
  cpSync(template, dir, { recursive: true });
  return dir;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

function cpuMs(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

async function waitIdle(pid: number): Promise<void> {
  const started = performance.now();
  for (let previous = cpuMs(pid); performance.now() - started < 30_000; ) {
    await sleep(200);
    const now = cpuMs(pid);
    if (now.user + now.system - previous.user - previous.system <= 10) return;
    previous = now;
  }
}

/** The bot, with its `--trace-gc` lines kept. */
async function startBot(env: Record<string, string>, traceGc: boolean): Promise<{ child: ChildProcess; startupMs: number; gcLines: string[] }> {
  const started = performance.now();
  const flags = [...startFlags(ROOT), ...NODE_FLAGS, ...(traceGc ? ["--trace-gc"] : [])];
  const child = spawn(process.execPath, [...flags, "dist/main.js"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const gcLines: string[] = [];
  let rest = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop()!;
    for (const line of lines) if (/ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor)/.test(line)) gcLines.push(line);
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${env.PORT}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    await sleep(10);
  }
  return { child, startupMs: performance.now() - started, gcLines };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Heap MB allocated between GCs, GC pause ms by kind, from `--trace-gc` lines `… Scavenge 12.1 (14.0) -> 10.3 (15.0) MB, 1.2 / 0.0 ms …`. */
function gcFigures(lines: string[]): { allocatedMb: number; minorMs: number; minorCount: number; majorMs: number; majorCount: number } {
  let allocatedMb = 0, minorMs = 0, minorCount = 0, majorMs = 0, majorCount = 0;
  let previousAfter: number | undefined;
  for (const line of lines) {
    const m = /ms: (\S+(?: \(reduce\))?)\s+([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ ([\d.]+) ms/.exec(line);
    if (!m) continue;
    const before = Number(m[2]), after = Number(m[3]), pause = Number(m[4]);
    if (previousAfter !== undefined) allocatedMb += Math.max(0, before - previousAfter);
    previousAfter = after;
    if (/Scavenge|Minor/.test(m[1]!)) { minorMs += pause; minorCount++; } else { majorMs += pause; majorCount++; }
  }
  return { allocatedMb, minorMs, minorCount, majorMs, majorCount };
}

async function sendAtRate(client: RawClient, requests: Buffer[], rate: number): Promise<void> {
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(requests.length, Math.round(((performance.now() - started) / 1000) * rate));
      while (sent < due) client.send(requests[sent++]!);
      if (sent >= requests.length) { clearInterval(timer); done(); }
    }, 5);
  });
}

function rssMb(pid: number): number {
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  const stub = new Worker(RAW_STUB_SOURCE, { eval: true });
  const stubPort: number = await new Promise((r) => stub.once("message", (m: { port: number }) => r(m.port)));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  stub.on("message", (m: { arrivals?: [string, number][] }) => {
    for (const [userId, at] of m.arrivals ?? []) {
      const started = sentAt.get(userId);
      if (started === undefined) continue;
      sentAt.delete(userId);
      latencies.push(at - started);
    }
  });
  const envFor = (port: number, dataDir: string) => zaloBenchEnv({ port, stubPort, dataDir, store: "lowdb" });

  // Cold starts, timed to the first 200 on /healthz.
  const startups: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const dir = await dataFolder(CONVERSATIONS);
    const bot = await startBot(envFor(await freePort(), dir), false);
    startups.push(bot.startupMs);
    await stop(bot.child);
    rmSync(dir, { recursive: true, force: true });
  }
  startups.sort((a, b) => a - b);

  const dir = await dataFolder(CONVERSATIONS);
  const port = await freePort();
  const bot = await startBot(envFor(port, dir), true);
  const pid = bot.child.pid!;
  const client = new RawClient(port, 128);
  await client.open(64);
  client.send(signedRequest(port, "warm-0", "xin chào"));
  await sleep(500);
  await waitIdle(pid);
  await sendAtRate(client, Array.from({ length: WARM_UP }, (_, i) => signedRequest(port, `warm-${i + 1}`, QUESTIONS[(i + 1) % QUESTIONS.length]!)), RATE);
  await sleep(500);
  await waitIdle(pid);

  const requests = Array.from({ length: MESSAGES }, (_, i) => signedRequest(port, `m-${i + 1}`, QUESTIONS[(i + 1) % QUESTIONS.length]!));
  const gcFrom = bot.gcLines.length;
  if (PHASE_SIGNAL) bot.child.kill("SIGUSR2");
  const cpuBefore = cpuMs(pid);
  const clock = () => performance.timeOrigin + performance.now();
  const started = performance.now();
  const paced = requests.map((bytes, i) => ({ bytes, userId: `m-${i + 1}` }));
  await new Promise<void>((done) => {
    let sent = 0;
    const timer = setInterval(() => {
      const due = Math.min(paced.length, Math.round(((performance.now() - started) / 1000) * RATE));
      while (sent < due) { const next = paced[sent++]!; sentAt.set(next.userId, clock()); client.send(next.bytes); }
      if (sent >= paced.length) { clearInterval(timer); done(); }
    }, 5);
  });
  for (let i = 0; i < 200 && sentAt.size > 0; i++) await sleep(50);
  await waitIdle(pid); // the commit after the last reply belongs to the phase
  const cpuAfter = cpuMs(pid);
  const gc = gcFigures(bot.gcLines.slice(Math.max(0, gcFrom - 1)));
  const rss = rssMb(pid);
  if (PHASE_SIGNAL) {
    bot.child.kill("SIGUSR2");
    await sleep(3000);
  }
  client.close();
  await stop(bot.child);
  await stub.terminate();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  const user = ((cpuAfter.user - cpuBefore.user) * 1000) / MESSAGES;
  const kernel = ((cpuAfter.system - cpuBefore.system) * 1000) / MESSAGES;
  console.log(`root ${ROOT}: ${MESSAGES} messages at ${RATE}/s after ${WARM_UP} warm-up, ${CONVERSATIONS} conversations stored; ${latencies.length} answered, unanswered ${sentAt.size}`);
  console.log(`bot CPU per message: ${(user + kernel).toFixed(0)} µs (user ${user.toFixed(0)}, kernel ${kernel.toFixed(0)})`);
  console.log(`heap allocated per message: ${((gc.allocatedMb * 1024) / MESSAGES).toFixed(1)} KB; GC: ${gc.minorCount} minor ${gc.minorMs.toFixed(0)} ms, ${gc.majorCount} major ${gc.majorMs.toFixed(0)} ms`);
  console.log(`latency p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms; RSS ${rss} MB; start-up to /healthz ${startups.map((s) => s.toFixed(0)).join(" / ")} ms (median ${startups[Math.floor(startups.length / 2)]?.toFixed(0)})`);
  console.log(`per_message_cpu_us=${(user + kernel).toFixed(0)} alloc_kb=${((gc.allocatedMb * 1024) / MESSAGES).toFixed(1)} startup_ms=${startups[Math.floor(startups.length / 2)]?.toFixed(0)} rss_mb=${rss}`);
  process.exit(0);
}

void main();
