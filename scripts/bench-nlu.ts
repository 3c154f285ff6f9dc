/**
 * `npm run bench:nlu`: understand() on 100,000 messages (the training and held-out texts, cycled) and print the
 * median and p99 time per message, plus the start-up (training) time; CPU time beside both, which other jobs on a
 * shared machine do not inflate as much as wall time.
 *
 * Options: --n=100000
 */

import { loadCatalog } from "./lib/catalog.js";
import { createUnderstander, loadLabelledMap, loadTrainingData } from "../src/nlu/index.js";

const n = Number(process.argv.find((a) => a.startsWith("--n="))?.slice(4) ?? 100_000);
const catalog = loadCatalog("content");

const started = performance.now();
const startedCpu = process.cpuUsage();
const nlu = createUnderstander({ catalog });
const startup = performance.now() - started;
const startupCpu = cpuMs(process.cpuUsage(startedCpu));

const texts = [...loadTrainingData(), ...loadLabelledMap("test/fixtures/nlu-heldout.yaml")].map((r) => r.text);
for (let i = 0; i < 2000; i++) nlu.understand(texts[i % texts.length], { today: "2026-01-10" }); // warm up the JIT

const times = new Float64Array(n);
const loopCpu = process.cpuUsage();
for (let i = 0; i < n; i++) {
  const text = texts[i % texts.length];
  const t0 = process.hrtime.bigint();
  nlu.understand(text, { today: "2026-01-10" });
  times[i] = Number(process.hrtime.bigint() - t0) / 1000;
}
const perMessageCpu = (cpuMs(process.cpuUsage(loopCpu)) * 1000) / n;
times.sort();
const at = (q: number) => times[Math.min(n - 1, Math.floor(q * n))];
console.log(`start-up (load intents + train): ${startup.toFixed(0)} ms (CPU ${startupCpu.toFixed(0)} ms)`);
console.log(`${n} messages: median ${at(0.5).toFixed(1)} µs, p99 ${at(0.99).toFixed(1)} µs, max ${times[n - 1].toFixed(0)} µs; CPU ${perMessageCpu.toFixed(1)} µs per message`);

/** user + system CPU time in milliseconds (the machine is shared: wall time counts other people's work too). */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
