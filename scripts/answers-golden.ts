/**
 * `npm run -s answers:golden > before.tsv`: one line per (pack, message) with a hash of what the bot answers —
 * its intent, language and, for an answered intent, the whole reply (text and choices) — over every training
 * example (intents/, intents/ko/), the dev and work plan questions and the benchmark's questions, in every pack;
 * the last line (on stderr) hashes them all. For changes meant not to change any answer (performance, refactoring):
 * run it before and after and diff. The held-out plan questions are not read (they are only the eval's).
 *
 * @example npm run -s answers:golden > /tmp/after.tsv && diff /tmp/before.tsv /tmp/after.tsv
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { answer, isAnswerIntent, plansOf } from "../src/features/answers/index.js";
import { loadContent } from "../src/content/index.js";
import { Knowledge } from "../src/shared/knowledge.js";
import { BENCH_QUESTIONS } from "./lib/bench-questions.js";

const TODAY = "2026-03-10";
const knowledge = new Knowledge(loadContent("content"), "vo-cuong");
const messages = new Set<string>();
for (const dir of ["intents", "intents/ko"]) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    for (const example of (parse(readFileSync(`${dir}/${file}`, "utf8")) as { examples?: unknown[] } | null)?.examples ?? []) messages.add(String(example));
  }
}
for (const file of ["test/fixtures/plan-questions.dev.yaml", "test/fixtures/plan-questions.work.yaml"]) {
  for (const q of parse(readFileSync(file, "utf8")) as { q: string }[]) messages.add(q.q);
}
for (const q of BENCH_QUESTIONS) messages.add(q);

const all = createHash("sha256");
let n = 0;
for (const pack of knowledge.content.packs.values()) {
  for (const text of messages) {
    const u = knowledge.understander.understand(text, { today: TODAY });
    let said = `${u.intent}|${u.language}`;
    if (isAnswerIntent(u.intent)) {
      said += `|${JSON.stringify(await answer({ text, intent: u.intent, language: u.language, entities: u.entities, today: TODAY, pack, plans: plansOf(knowledge) }))}`;
    }
    const hash = createHash("sha256").update(said).digest("hex").slice(0, 12);
    all.update(hash);
    console.log(`${pack.id}\t${hash}\t${text}`);
    n++;
  }
}
console.error(`${n} replies, all ${all.digest("hex").slice(0, 16)}`);
