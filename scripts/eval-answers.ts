/**
 * `npm run eval:answers`: the labelled plan questions through the path the bot answers with — the bot's own
 * Knowledge and plan engine (plansOf), `understand()`, then `answer()` with its routing by evidence — scored
 * on what a person sees: the plan and section the reply cites, the key fact, invented figures, internal words.
 *
 * Prints right/total per question type, per pack and per language for the dev part and the held-out part
 * (test/fixtures/plan-questions.{dev,heldout}.yaml) and for the fresh set written later from the plans alone
 * (plan-questions.fresh-{dev,heldout}.yaml; its held-out half is treated like the first held-out part), the wrong-section pairs, refusals of covered questions,
 * invented figures, "seed"/"đoạn" counts and the median in-process answer time. For the held-out part only
 * aggregate figures are printed (counts per type, pack, language and failure kind): its failing ids and sections
 * only with --heldout-failures, which is not for tuning.
 *
 * Options: --bench (timing only; npm run bench:answers), --sweep (coverage cut-offs on dev + work + fresh dev only, then exit), --dev (dev part only), --work (also the author's working questions), --rounds=N (timing rounds, default
 * 20), --show (dev and work failures with the reply)
 */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { answer, isAnswerIntent, planQuestionFirst, plansOf } from "../src/features/answers/index.js";
import { Knowledge } from "../src/shared/knowledge.js";
import type { Reply } from "../src/core/message.js";
import { loadContent } from "../src/content/index.js";
import { citedIn, hasFact, internalWords, inventedFigures, type PlanQuestion } from "./lib/plan-eval.js";

const TODAY = "2026-03-10";
/** A reply saying the plans (or the content) do not hold what was asked. */
const NOT_STATED = /chưa đề cập|không ghi|để trống|chưa ghi|chưa cập nhật|không nêu|chưa nêu|chưa có thông tin|không có thông tin|do(es)? not (mention|show|say)|gives no|leaves the number blank|no date is given|not yet updated|no information/i;
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 20);
const knowledge = new Knowledge(loadContent("content"), "vo-cuong");

/** The bot's path for one message: understand, then the answers (or the dialog it would open). */
async function reply(q: PlanQuestion): Promise<{ reply: Reply; dialog?: string }> {
  const u = knowledge.understander.understand(q.q, { today: TODAY });
  const pack = knowledge.content.pack(q.pack);
  const input = { text: q.q, intent: u.intent, language: u.language, entities: u.entities, today: TODAY, pack, plans: plansOf(knowledge) };
  // As the pipeline does (src/app/features.ts, questionsBeforeDialogs): a plan question opens no dialog.
  const intent = planQuestionFirst(input) ? "plan_info" : u.intent;
  if (!isAnswerIntent(intent)) return { reply: { text: "" }, dialog: intent };
  return { reply: await answer({ ...input, intent }) };
}

interface Outcome {
  q: PlanQuestion;
  right: boolean;
  why: string;
  cited: string;
  invented: string[];
  internal: number;
  text: string;
}

async function score(q: PlanQuestion): Promise<Outcome> {
  const { reply: r, dialog } = await reply(q);
  const text = r.text;
  const cited = citedIn(text, plansOf(knowledge));
  const citedLabel = `${cited.packId ?? "-"}:${cited.sections.join(",") || "-"}`;
  const invented = cited.planId ? inventedFigures(text, q.q, plansOf(knowledge)) : [];
  const internal = internalWords(text);
  const staff = (r.choices ?? []).some((c) => c.payload === "menu:handoff");
  const base = { q, cited: citedLabel, invented, internal, text };
  if (dialog) return { ...base, right: false, why: `opened the ${dialog} dialog` };
  if (q.type === "not_covered") {
    // Right (fixtures README): says the plans do not hold it, offers staff, gives no figure the plans lack.
    const says = NOT_STATED.test(text);
    const right = says && staff && invented.length === 0;
    return { ...base, right, why: !says ? (cited.sections.length ? "answered from a plan" : "did not say it is not covered") : !staff ? "no staff offer" : invented.length ? "invented" : "" };
  }
  const wantPack = q.answer_pack ?? q.pack;
  if (!cited.sections.length) return { ...base, right: false, why: /chưa đề cập|do(es)? not mention/.test(text) ? "refused" : "no plan citation (another answer)" };
  if (cited.packId !== wantPack) return { ...base, right: false, why: `cited ${cited.packId}'s plan` };
  if (!cited.sections.some((s) => q.sections.includes(s))) return { ...base, right: false, why: "wrong section" };
  if (!hasFact(text, q.fact)) return { ...base, right: false, why: "key fact missing" };
  if (invented.length) return { ...base, right: false, why: `invented ${invented.join(" ")}` };
  return { ...base, right: true, why: "" };
}

function table(title: string, outcomes: Outcome[], key: (o: Outcome) => string): void {
  const groups = new Map<string, { right: number; total: number }>();
  for (const o of outcomes) {
    const g = groups.get(key(o)) ?? { right: 0, total: 0 };
    g.total++;
    if (o.right) g.right++;
    groups.set(key(o), g);
  }
  const cells = [...groups.entries()].sort().map(([k, g]) => `${k} ${g.right}/${g.total}`);
  console.log(`  ${title.padEnd(8)} ${cells.join("  ·  ")}`);
}

async function evaluate(name: string, file: string, showQuestions: boolean, listFailures = true): Promise<void> {
  const rows = parse(readFileSync(file, "utf8")) as PlanQuestion[];
  const outcomes: Outcome[] = [];
  for (const q of rows) outcomes.push(await score(q));
  const right = outcomes.filter((o) => o.right).length;
  console.log(`\n${name}: ${right}/${rows.length} right (${((100 * right) / rows.length).toFixed(1)}%)`);
  table("type", outcomes, (o) => o.q.type);
  table("pack", outcomes, (o) => o.q.pack);
  table("lang", outcomes, (o) => o.q.lang);
  const covered = outcomes.filter((o) => o.q.type !== "not_covered");
  const refused = covered.filter((o) => o.why === "refused");
  const wrongSection = covered.filter((o) => o.why === "wrong section" || o.why.startsWith("cited"));
  const invented = outcomes.flatMap((o) => o.invented);
  const internal = outcomes.reduce((n, o) => n + o.internal, 0);
  console.log(`  refusals of covered questions: ${refused.length}${refused.length && listFailures ? ` (${refused.map((o) => o.q.id).join(", ")})` : ""}`);
  if (listFailures) console.log(`  wrong-section pairs (want → cited): ${wrongSection.map((o) => `${o.q.id} ${o.q.sections.join("|")} → ${o.cited}`).join("; ") || "none"}`);
  else console.log(`  wrong-section answers: ${wrongSection.length}`);
  console.log(`  invented figures (numbers/dates/phones not in the cited plan): ${invented.length}${invented.length && listFailures ? ` [${invented.join(" ")}]` : ""}`);
  console.log(`  "seed"/"đoạn" in replies: ${internal}`);
  const failures = outcomes.filter((o) => !o.right);
  if (!listFailures) {
    // Held-out: aggregates only, so nobody tunes on its rows (failure lines only with --heldout-failures).
    const whys = new Map<string, number>();
    for (const o of failures) whys.set(o.why.replace(/ .*/, ""), (whys.get(o.why.replace(/ .*/, "")) ?? 0) + 1);
    console.log(`  failure kinds: ${[...whys.entries()].map(([k, n]) => `${k} ${n}`).join(" · ") || "none"}`);
    return;
  }
  console.log(`  failures: ${failures.map((o) => `${o.q.id} (${o.q.type}; want ${o.q.sections.join("|") || "not covered"}; cited ${o.cited}; ${o.why})`).join("\n            ") || "none"}`);
  if (showQuestions && args.includes("--show")) {
    for (const o of failures) console.log(`\n  ${o.q.id} ${o.q.q}\n    ${o.text.replace(/\n/g, "\n    ")}`);
  }
}

async function timing(files: string[]): Promise<void> {
  const rows = files.flatMap((f) => parse(readFileSync(f, "utf8")) as PlanQuestion[]);
  for (const q of rows) await reply(q); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of rows) {
      const t0 = process.hrtime.bigint();
      await reply(q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(`\nanswer time in process (understand + route + answer), ${times.length} answers: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
}

const DEV = "test/fixtures/plan-questions.dev.yaml";
const WORK = "test/fixtures/plan-questions.work.yaml";
const HELDOUT = "test/fixtures/plan-questions.heldout.yaml";
const FRESH_DEV = "test/fixtures/plan-questions.fresh-dev.yaml";
const FRESH_HELDOUT = "test/fixtures/plan-questions.fresh-heldout.yaml";
if (args.includes("--sweep")) {
  // Choose the coverage cut-off on the dev parts and the author's own questions (never a held-out part).
  const rows = [DEV, WORK, FRESH_DEV].flatMap((f) => parse(readFileSync(f, "utf8")) as PlanQuestion[]);
  for (const cut of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    plansOf(knowledge).minCoverage = cut;
    let right = 0;
    let refused = 0;
    let wrongCovered = 0;
    for (const q of rows) {
      const o = await score(q);
      if (o.right) right++;
      else if (o.why === "refused") refused++;
      else if (q.type === "not_covered") wrongCovered++;
    }
    console.log(`cut-off ${cut.toFixed(2)}: ${right}/${rows.length} right, ${refused} covered refused, ${wrongCovered} not-covered answered`);
  }
  process.exit(0);
}
const files = [DEV, ...(!args.includes("--dev") && existsSync(HELDOUT) ? [HELDOUT] : [])];
if (args.includes("--bench")) {
  // Timing only (npm run bench:answers): the same questions, more rounds, no scoring printed.
  await timing(files);
  process.exit(0);
}
if (args.includes("--work")) await evaluate("work (author's own)", WORK, true);
await evaluate("dev", DEV, true);
if (existsSync(FRESH_DEV)) await evaluate("fresh dev", FRESH_DEV, true);
if (files.includes(HELDOUT)) await evaluate("held-out", HELDOUT, false, args.includes("--heldout-failures"));
if (!args.includes("--dev") && existsSync(FRESH_HELDOUT)) await evaluate("fresh held-out", FRESH_HELDOUT, false, args.includes("--heldout-failures"));
await timing(files);
