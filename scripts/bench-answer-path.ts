/**
 * `npm run bench:answer-path`: the CPU time (user + system, this process) one message takes to be understood and
 * answered in process — `understand()` then `answer()` with routing by evidence, the bot's own Knowledge and plan
 * engine — over the ten questions of `npm run bench`'s end-to-end phase. CPU time, not wall time, so it stays
 * comparable on a shared machine better than the HTTP benchmark (contention still inflates it: compare before and
 * after back to back). `--per`: also each question alone. ROUNDS=N (default 2000) rounds after 300 warm-up rounds.
 * `--alloc`: also the heap bytes allocated per message (V8's sampling heap profiler, collected objects included): unlike
 * CPU time, the same on a loaded machine.
 *
 * @example npm run bench:answer-path -- --per   // "answers path: 210.4 µs CPU per message (20000 messages)"
 */
import { answer, isAnswerIntent, plansOf } from "../src/features/answers/index.js";
import { Knowledge } from "../src/shared/knowledge.js";
import { loadContent } from "../src/content/index.js";
import { BENCH_QUESTIONS } from "./lib/bench-questions.js";
import { allocatedBytes } from "./lib/allocated-bytes.js";

const TODAY = "2026-03-10";
const knowledge = new Knowledge(loadContent("content"), "vo-cuong");
const pack = knowledge.content.pack("vo-cuong");

async function one(q: string): Promise<void> {
  const u = knowledge.understander.understand(q, { today: TODAY });
  if (!isAnswerIntent(u.intent)) return;
  await answer({ text: q, intent: u.intent, language: u.language, entities: u.entities, today: TODAY, pack, plans: plansOf(knowledge) });
}

/** CPU µs per call of `run` over `n` calls. */
async function cpuPer(n: number, run: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

for (let i = 0; i < 300; i++) for (const q of BENCH_QUESTIONS) await one(q);
if (process.argv.includes("--per")) {
  for (const q of BENCH_QUESTIONS) console.log(`${(await cpuPer(500, () => one(q))).toFixed(0).padStart(6)} µs  ${q}`);
}
if (process.argv.includes("--alloc")) {
  const bytes = await allocatedBytes(async () => {
    for (let i = 0; i < 200; i++) for (const q of BENCH_QUESTIONS) await one(q);
  });
  console.log(`answers path: ${(bytes / 200 / BENCH_QUESTIONS.length / 1024).toFixed(1)} KB allocated per message`);
}
const rounds = Number(process.env.ROUNDS ?? 2000);
let round = 0;
const perRound = await cpuPer(rounds, async () => {
  for (const q of BENCH_QUESTIONS) await one(q);
  round++;
});
console.log(`answers path: ${(perRound / BENCH_QUESTIONS.length).toFixed(1)} µs CPU per message (${round * BENCH_QUESTIONS.length} messages)`);
