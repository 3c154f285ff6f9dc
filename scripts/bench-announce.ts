/**
 * `npm run bench:announce`: an announcement to 10,000 people while the bot keeps answering (issue 16, item 4).
 *
 * The real app (createApp, the default embedded lowdb store in a temp folder, in this process) sends an announcement
 * to N stored people (half Zalo, half Messenger) through a local HTTP stub of both platform APIs that runs in a worker
 * thread (its own event loop) and answers after a small delay like a real API. Meanwhile simulated people send signed
 * Zalo webhooks at a steady rate; the stub notes when each one's reply arrives. Printed: the bot's reply p50/p99
 * (webhook sent → reply at the stub) before the announcement and during it, the event-loop delay p99, copies per
 * second, the run time and the results (every recipient must have exactly one).
 *
 * Options: --recipients 10000, --rate-zalo 250 --rate-messenger 250 (copies/s; the shipped Zalo default is 20),
 * --concurrency 8, --askers-per-second 20, --api-delay-ms 30, --baseline-seconds 8.
 * Prints, last: `recipients=<n> copies_per_s=<n> reply_p99_ms_before=<n> reply_p99_ms_during=<n> loop_delay_p99_ms=<n>`.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import pino from "pino";
import { loadConfig } from "../src/config.js";
import { signEvent } from "../src/channels/zalo/sdk/index.js";
import type { Delivery } from "../src/features/announcements/announcement.js";
import { createApp } from "../src/server.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return Number(i >= 0 ? args[i + 1] : fallback);
};
const RECIPIENTS = option("recipients", "10000");
const RATE_ZALO = option("rate-zalo", "250");
const RATE_MESSENGER = option("rate-messenger", "250");
const CONCURRENCY = option("concurrency", "8");
const ASKERS_PER_SECOND = option("askers-per-second", "20");
const API_DELAY_MS = option("api-delay-ms", "30");
const BASELINE_SECONDS = option("baseline-seconds", "8");

const OA_ID = "579745863508352884";
const PAGE_ID = "108512345678901";
const APP_ID = "3605738391474520000";
const OA_SECRET = "bench-oa-secret";

// ===  The platform stub, in a worker thread: answers both APIs, notes when each asker's reply arrives  ===

const STUB = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const arrivals = {};
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const m = /"(?:user_id|id)":"(ask-[^"]+)"/.exec(body);
    if (m && arrivals[m[1]] === undefined) arrivals[m[1]] = performance.timeOrigin + performance.now();
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"error":0,"message":"Success","data":{"message_id":"x"},"recipient_id":"x","message_id":"m"}');
    }, workerData.delay);
  });
});
server.keepAliveTimeout = 60000;
parentPort.on("message", (m) => { if (m === "arrivals") parentPort.postMessage({ arrivals }); });
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function main(): Promise<void> {
  const stub = new Worker(STUB, { eval: true, workerData: { delay: API_DELAY_MS } });
  const port = await new Promise<number>((resolve) => stub.once("message", (m: { port: number }) => resolve(m.port)));
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "bench-announce-"));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: "silent",
    STORE: "lowdb",
    DATA_DIR: dataDir,
    BOT_TODAY: "",
    REDIS_URL: "",
    ZALO_APP_ID: APP_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET,
    ZALO_OA_ACCESS_TOKEN: "bench-token",
    ZALO_API_BASE: base,
    FB_APP_SECRET: "bench-app-secret",
    FB_PAGE_ACCESS_TOKEN: "bench-page-token",
    FB_GRAPH_BASE: base,
    ANNOUNCE_RATES: `zalo=${RATE_ZALO},messenger=${RATE_MESSENGER}`,
    ANNOUNCE_CONCURRENCY: String(CONCURRENCY),
  });
  const app = await createApp(config, { logger: pino({ level: "silent" }), defaultMetrics: false });
  const server = app.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // N people who wrote within the last hour, half on each channel.
  const conversations = app.store.collection("conversations");
  const now = Date.now();
  for (let i = 0; i < RECIPIENTS; i++) {
    const zalo = i % 2 === 0;
    const channel = zalo ? "zalo" : "messenger";
    const accountId = zalo ? OA_ID : PAGE_ID;
    const userId = `r${i}`;
    await conversations.set(`${channel}:${accountId}:${userId}`, { key: `${channel}:${accountId}:${userId}`, channel, accountId, userId, firstSeenAt: now, lastInboundAt: now - 3_600_000, transcript: [], state: {} });
  }
  await app.store.flush();

  // ===  Askers: one signed Zalo message each, from a new person, at a steady rate  ===
  const sentAt = new Map<string, number>();
  let askers = 0;
  const ask = () => {
    const userId = `ask-${askers++}`;
    const timestamp = String(Date.now());
    const raw = JSON.stringify({ app_id: APP_ID, event_name: "user_send_text", timestamp, sender: { id: userId }, recipient: { id: OA_ID }, message: { msg_id: randomUUID(), text: "hội lim năm nay ngày nào" } });
    sentAt.set(userId, performance.timeOrigin + performance.now());
    void fetch(`${url}/webhooks/zalo`, { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signEvent(APP_ID, raw, timestamp, OA_SECRET) }, body: raw }).catch(() => undefined);
  };
  const phase = (label: string) => ({ label, from: askers });
  const asking = setInterval(ask, 1000 / ASKERS_PER_SECOND);

  const loop = monitorEventLoopDelay({ resolution: 10 });
  await new Promise((resolve) => setTimeout(resolve, 2000)); // warm-up, not counted
  const baseline = phase("before");
  await new Promise((resolve) => setTimeout(resolve, BASELINE_SECONDS * 1000));
  const during = phase("during");
  loop.enable();
  const started = performance.now();
  const announcement = await app.reach.announcements.create({ packId: "vo-cuong", kind: "notice", title: "Thông báo", text: "Nhà văn hóa phường mở cửa tự do ngày Chủ nhật này.", audience: { kind: "reachable" }, createdBy: "bench" });
  await app.reach.announcements.send(announcement.id);
  await app.reach.delivery.idle();
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  const end = askers;
  clearInterval(asking);
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the last askers' replies

  stub.postMessage("arrivals");
  const { arrivals } = await new Promise<{ arrivals: Record<string, number> }>((resolve) => stub.once("message", resolve));
  const latencies = (from: number, to: number) => {
    const values: number[] = [];
    let missing = 0;
    for (let i = from; i < to; i++) {
      const id = `ask-${i}`;
      if (arrivals[id] === undefined) missing++;
      else values.push(arrivals[id] - sentAt.get(id)!);
    }
    return { values, missing };
  };
  const before = latencies(baseline.from, during.from);
  const inRun = latencies(during.from, end);
  const deliveries = await app.store.collection<Delivery>("announcement-deliveries").find({ announcementId: announcement.id });
  const results: Record<string, number> = {};
  for (const d of deliveries) results[d.status] = (results[d.status] ?? 0) + 1;
  const unique = new Set(deliveries.map((d) => d.personKey)).size;

  const ms = (v: number) => v.toFixed(1);
  console.log(`recipients ${RECIPIENTS} (half Zalo, half Messenger), rates zalo=${RATE_ZALO}/s messenger=${RATE_MESSENGER}/s, concurrency ${CONCURRENCY}, API delay ${API_DELAY_MS} ms, store lowdb`);
  // The askers of the warm-up and "before" phases wrote within the window too, so they are recipients as well.
  console.log(`announcement: ${deliveries.length} recipients (${RECIPIENTS} stored + ${deliveries.length - RECIPIENTS} askers), ${seconds.toFixed(1)} s, ${(deliveries.length / seconds).toFixed(0)} copies/s; results ${JSON.stringify(results)}; ${unique} recipients with one result each`);
  console.log(`bot replies before: n=${before.values.length} p50 ${ms(percentile(before.values, 50))} ms p99 ${ms(percentile(before.values, 99))} ms (missing ${before.missing})`);
  console.log(`bot replies during: n=${inRun.values.length} p50 ${ms(percentile(inRun.values, 50))} ms p99 ${ms(percentile(inRun.values, 99))} ms (missing ${inRun.missing})`);
  console.log(`event-loop delay during: p50 ${ms(loop.percentile(50) / 1e6)} ms p99 ${ms(loop.percentile(99) / 1e6)} ms max ${ms(loop.max / 1e6)} ms`);
  console.log(`recipients=${RECIPIENTS} copies_per_s=${(deliveries.length / seconds).toFixed(0)} reply_p99_ms_before=${ms(percentile(before.values, 99))} reply_p99_ms_during=${ms(percentile(inRun.values, 99))} loop_delay_p99_ms=${ms(loop.percentile(99) / 1e6)}`);

  server.close();
  await app.close();
  await stub.terminate();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
