/**
 * `npm run eval:nlu`: how well the intent classifier works.
 *
 * 1. k-fold cross-validation on intents/ (stratified, k = 5), with a sweep of the two out-of-scope thresholds
 *    over the out-of-fold predictions: this is where DEFAULT_CONFIDENCE_THRESHOLD / DEFAULT_MIN_COVERAGE come from.
 * 2. The held-out files (never trained on), with the shipped thresholds: test/fixtures/nlu-heldout.yaml (Vietnamese
 *    and English), nlu-heldout-zh.yaml and nlu-heldout-ko.yaml: per-intent precision / recall / F1, confusion pairs,
 *    accuracy overall, per language and on rows without diacritics.
 *
 * 3. The Vietnamese development set test/fixtures/nlu-dev-vi.yaml (not trained on, but looked at: it guides work,
 *    it does not measure it).
 *
 * Options: --k=5, --verbose (list every held-out error), --no-heldout (cross-validation and the development set
 * only: for working on the classifier without seeing the held-out figures), --dev-errors (list the development
 * set's errors).
 */

import { loadCatalog } from "./lib/catalog.js";
import {
  createUnderstander,
  DEFAULT_CONFIDENCE_THRESHOLD,
  DEFAULT_MIN_COVERAGE,
  fold,
  INTENT_LABELS,
  loadLabelledMap,
  loadTrainingData,
  type IntentLabel,
  type LabelledMessage,
  type Language,
} from "../src/nlu/index.js";

const args = new Map<string, string | undefined>(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, "").split("=");
    return [key, value];
  }),
);
const k = Number(args.get("k") ?? 5);
const verbose = args.has("verbose");
const withHeldOut = !args.has("no-heldout");
const devErrors = args.has("dev-errors");
const TODAY = "2026-01-10";

const catalog = loadCatalog("content");
const training = loadTrainingData();
const heldOut = withHeldOut ? loadLabelledMap("test/fixtures/nlu-heldout.yaml") : [];
const heldOutByLanguage = withHeldOut
  ? (["zh", "ko"] as const).map((language) => ({
      language,
      file: `test/fixtures/nlu-heldout-${language}.yaml`,
      rows: loadLabelledMap(`test/fixtures/nlu-heldout-${language}.yaml`).map((row) => ({ ...row, language })),
    }))
  : [];
const DEV_FILE = "test/fixtures/nlu-dev-vi.yaml";
const dev = loadLabelledMap(DEV_FILE).map((row) => ({ ...row, language: "vi" as Language }));

// ===  1. Cross-validation  ===

interface OutOfFold {
  row: LabelledMessage;
  probabilities: Record<IntentLabel, number>;
  coverage: number;
  language: Language;
}

const folds: LabelledMessage[][] = Array.from({ length: k }, () => []);
for (const label of INTENT_LABELS) training.filter((r) => r.intent === label).forEach((row, i) => folds[i % k].push(row));
const outOfFold: OutOfFold[] = [];
for (let f = 0; f < k; f++) {
  const nlu = createUnderstander({ catalog, examples: folds.filter((_, i) => i !== f).flat() });
  for (const row of folds[f]) outOfFold.push({ row, ...nlu.explain(row.text, { today: TODAY }), language: row.language ?? nlu.understand(row.text).language });
}

function decide(p: Record<IntentLabel, number>, coverage: number, threshold: number, minCoverage: number): IntentLabel {
  let best: IntentLabel = "out_of_scope";
  for (const label of INTENT_LABELS) if (p[label] > p[best]) best = label;
  if (best !== "out_of_scope" && (p[best] < threshold || coverage < minCoverage)) return "out_of_scope";
  return best;
}

console.log(`\n== ${k}-fold cross-validation on intents/ (${training.length} examples) ==`);
const sweep: { threshold: number; minCoverage: number; accuracy: number; oosRecall: number }[] = [];
for (let threshold = 0; threshold <= 0.7001; threshold += 0.05) {
  for (const minCoverage of [0, 0.2, 0.25, 0.34, 0.4, 0.5]) {
    let ok = 0;
    let oos = 0;
    let oosOk = 0;
    for (const o of outOfFold) {
      const got = decide(o.probabilities, o.coverage, threshold, minCoverage);
      if (got === o.row.intent) ok++;
      if (o.row.intent === "out_of_scope") {
        oos++;
        if (got === "out_of_scope") oosOk++;
      }
    }
    sweep.push({ threshold: Math.round(threshold * 100) / 100, minCoverage, accuracy: ok / outOfFold.length, oosRecall: oosOk / oos });
  }
}
// Score = accuracy + 0.1 × out-of-scope recall: answering an off-topic question as if it were ours is worse than
// one more refusal. Ties go to the stricter setting.
const score = (s: (typeof sweep)[number]) => s.accuracy + 0.1 * s.oosRecall;
sweep.sort((a, b) => score(b) - score(a) || b.threshold - a.threshold || b.minCoverage - a.minCoverage);
console.log("threshold sweep (best first by accuracy + 0.1 × out_of_scope recall): threshold  minCoverage  accuracy  out_of_scope recall");
for (const s of sweep.slice(0, 6)) console.log(`  ${s.threshold.toFixed(2)}  ${s.minCoverage.toFixed(2)}  ${pct(s.accuracy)}  ${pct(s.oosRecall)}`);
const shipped = sweep.find((s) => Math.abs(s.threshold - DEFAULT_CONFIDENCE_THRESHOLD) < 1e-9 && s.minCoverage === DEFAULT_MIN_COVERAGE);
const none = sweep.find((s) => s.threshold === 0 && s.minCoverage === 0);
console.log(`shipped (${DEFAULT_CONFIDENCE_THRESHOLD}, ${DEFAULT_MIN_COVERAGE}): ${pct(shipped?.accuracy ?? NaN)}; no thresholds: ${pct(none?.accuracy ?? NaN)}`);
report(outOfFold.map((o) => ({ row: o.row, language: o.language, got: decide(o.probabilities, o.coverage, DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_MIN_COVERAGE) })), false);

// ===  2. Held-out file  ===

const started = performance.now();
const nlu = createUnderstander({ catalog });
console.log(`\ntraining on all of intents/ (${training.length} examples): ${(performance.now() - started).toFixed(0)} ms`);
const heldOutResults = (rows: LabelledMessage[]) =>
  rows.map((row) => {
    const u = nlu.understand(row.text, { today: TODAY, previousLanguage: row.language });
    return { row, got: u.intent, language: row.language ?? u.language };
  });
console.log(`\n== development set: ${DEV_FILE} (${dev.length} Vietnamese messages, not trained on) ==`);
report(heldOutResults(dev), devErrors);
if (!withHeldOut) process.exit(0);
console.log(`\n== held-out: test/fixtures/nlu-heldout.yaml (${heldOut.length} messages, never trained on) ==`);
const summary = [heldOutResults(heldOut)];
report(summary[0], verbose);
for (const { language, file, rows } of heldOutByLanguage) {
  console.log(`\n== held-out ${language}: ${file} (${rows.length} messages, never trained on) ==`);
  summary.push(heldOutResults(rows));
  report(summary.at(-1)!, verbose);
}
const all = summary.flat();
console.log("\n== held-out accuracy per language ==");
for (const language of ["vi", "en", "zh", "ko"]) {
  const rows = all.filter((r) => r.language === language);
  console.log(`  ${language}: ${pct(rows.filter((r) => r.got === r.row.intent).length / Math.max(1, rows.length))} (${rows.length})`);
}

// ===  Reporting  ===

function report(results: { row: LabelledMessage; got: IntentLabel; language: Language }[], listErrors: boolean): void {
  console.log("intent              precision  recall     F1   n");
  for (const label of INTENT_LABELS) {
    const tp = results.filter((r) => r.row.intent === label && r.got === label).length;
    const predicted = results.filter((r) => r.got === label).length;
    const actual = results.filter((r) => r.row.intent === label).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(`${label.padEnd(18)}  ${pct(precision).padStart(9)}  ${pct(recall).padStart(6)}  ${pct(f1).padStart(6)}  ${actual}`);
  }
  const pairs = new Map<string, number>();
  for (const r of results) if (r.got !== r.row.intent) pairs.set(`${r.row.intent} → ${r.got}`, (pairs.get(`${r.row.intent} → ${r.got}`) ?? 0) + 1);
  console.log("confusion pairs (expected → got):", pairs.size ? "" : "none");
  for (const [pair, n] of [...pairs].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${pair}`);
  // Rows written in Latin letters without any diacritic (Chinese and Korean rows are not counted here).
  const plain = results.filter((r) => !/[\p{Script=Han}\p{Script=Hangul}]/u.test(r.row.text) && fold(r.row.text) === r.row.text.toLowerCase());
  const plainVi = plain.filter((r) => r.language === "vi");
  const accuracy = (rs: typeof results) => rs.filter((r) => r.got === r.row.intent).length / Math.max(1, rs.length);
  console.log(`accuracy: ${pct(accuracy(results))} (${results.length}); without diacritics: ${pct(accuracy(plain))} (${plain.length}), of which Vietnamese: ${pct(accuracy(plainVi))} (${plainVi.length})`);
  const perLanguage = [...new Set(results.map((r) => r.language))].sort().map((lang) => {
    const rs = results.filter((r) => r.language === lang);
    return `${lang} ${pct(accuracy(rs))} (${rs.length})`;
  });
  console.log(`per language: ${perLanguage.join(", ")}`);
  if (listErrors) for (const r of results) if (r.got !== r.row.intent) console.log(`  ✗ [${r.row.intent} → ${r.got}] ${r.row.text}`);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
