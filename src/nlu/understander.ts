/**
 * createUnderstander(): trains the intent classifier at start-up and puts normalisation, classification,
 * the out-of-scope rules and entity extraction together.
 *
 * @example
 * const nlu = createUnderstander({ catalog });
 * nlu.understand("hoi lim nam nay ngay nao", { today: "2026-01-10" })
 * // { intent: "festival_dates", confidence: 0.9…, entities: { festivals: ["hoi-lim"], year: 2026 }, ... }
 */

import { createCatalogMatcher, type CatalogEntry } from "./catalog-matcher.js";
import { type Classifier, type TrainOptions } from "./classifier.js";
import { trainClassifierCached } from "./cached-training.js";
import { findPhones, findTicketCodes, maskCodes } from "./codes.js";
import { coverage } from "./domain-vocabulary.js";
import { messageFeatures } from "./features.js";
import { INTENT_LABELS, type IntentLabel } from "./intent-labels.js";
import { normalize } from "./normalize.js";
import { asksQuestion } from "./question-form.js";
import { cutForUnderstanding } from "./text-limit.js";
import { findTimeExpressions, todayInVietnam } from "./time-expressions.js";
import { loadTrainingData, type LabelledMessage } from "./training-data.js";
import type { Entities, Explanation, UnderstandOptions, Understander, Understanding } from "./types.js";

/**
 * Below this probability the best intent is not trusted and the message is out of scope.
 * Chosen on out-of-fold predictions of 5-fold cross-validation (see `npm run eval:nlu`, docs/nlu.md).
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.35;
/** Below this share of known content words the message is out of scope (same choice as above). */
export const DEFAULT_MIN_COVERAGE = 0.25;

/** Options of {@link createUnderstander}. */
export interface UnderstanderOptions {
  /** Festivals, heritage, classes and contacts whose names the bot should recognise. */
  catalog: CatalogEntry[];
  /** Folder of <intent>.yaml training files; defaults to the repository's intents/. */
  intentsDir?: string;
  /** Train on these rows instead of reading `intentsDir` (cross-validation). */
  examples?: LabelledMessage[];
  confidenceThreshold?: number;
  minCoverage?: number;
  training?: TrainOptions;
}

const OUT_OF_SCOPE = INTENT_LABELS.indexOf("out_of_scope");
const REPORT = INTENT_LABELS.indexOf("report_violation");
const STATUS = INTENT_LABELS.indexOf("report_status");
// Reports a plan asks its units for ("báo cáo hằng năm trước ngày 15/10"), not a person's report.
const PLAN_REPORTING = /\b(hang nam|moi nam|dinh ky|yearly|annual|every year|ke hoach|plan|truoc ngay|han (nop|chot)|due|deadline|cac don vi|units?)\b/;
// A question the classifier took for a report goes to the best of these instead (the answers then route it by
// what the content and plans hold).
const QUESTION_INTENTS = ["plan_info", "festival_dates", "heritage_info", "contact_info", "join_class"].map((l) => INTENT_LABELS.indexOf(l as IntentLabel));
const HAS_DIGIT = /\d/;
// Reminders are asked for with these words; a question without them ("huyện quảng bá những danh nhân văn hoá nào")
// is not about one's reminders, whatever the classifier's guess.
const REMINDERS = ["manage_reminders", "subscribe_reminder"].map((l) => INTENT_LABELS.indexOf(l as IntentLabel));
const REMINDER_CUE = /\b(nhac|nhan tin|nhan (toi|minh|em|cho)|let me know|tell me|inform me|thong bao|theo doi|bao (toi|minh|em|truoc|tin)|dang ky nhan|huy|remind\w*|notif\w*|subscri\w*|unsubscri\w*|alerts?|follow\w*)\b/;

/** Train and return an Understander (about 100 ms for the shipped intents). */
export function createUnderstander(options: UnderstanderOptions): Understander {
  const examples = options.examples ?? loadTrainingData(options.intentsDir);
  const threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const matcher = createCatalogMatcher(options.catalog);

  const vocabulary = new Set<string>(matcher.vocabulary);
  const rows = examples.map((example) => {
    const n = normalize(maskCodes(example.text));
    if (example.intent !== "out_of_scope") for (const t of n.foldedTokens) vocabulary.add(t);
    return { features: messageFeatures(n), label: INTENT_LABELS.indexOf(example.intent) };
  });
  const classifier: Classifier = trainClassifierCached(rows, INTENT_LABELS.length, options.training);

  const analyse = (text: string, opts: UnderstandOptions) => {
    const masked = HAS_DIGIT.test(text) ? maskCodes(text) : text;
    const n = normalize(masked, { previousLanguage: opts.previousLanguage });
    const probabilities = classifier.predict(messageFeatures(n));
    return { n, probabilities, coverage: coverage(n.foldedTokens, vocabulary, n.tokens) };
  };

  return {
    understand(whole, opts = {}) {
      // Bounded work: only the first MAX_UNDERSTOOD_CHARS are read (the transcript keeps the whole text).
      const text = cutForUnderstanding(whole);
      const { n, probabilities, coverage: known } = analyse(text, opts);
      let best = 0;
      for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
      // (A report's status is asked with its code; without one, a question about yearly reports is about the plans.)
      const asked =
        (best === REPORT && asksQuestion(n.folded, text)) ||
        (best === STATUS && !/\d/.test(text) && PLAN_REPORTING.test(n.folded) && asksQuestion(n.folded, text)) ||
        (REMINDERS.includes(best) && !REMINDER_CUE.test(n.folded) && asksQuestion(n.folded, text));
      if (asked) {
        // "Lễ hội đền Đô tưởng niệm ai?" asks about a festival; it does not report one.
        best = QUESTION_INTENTS.reduce((b, c) => (probabilities[c] > probabilities[b] ? c : b), QUESTION_INTENTS[0]);
      }
      let intent: IntentLabel = INTENT_LABELS[best];
      let confidence = probabilities[best];

      const entities: Entities = {};
      if (HAS_DIGIT.test(text)) {
        const codes = findTicketCodes(text);
        const phones = findPhones(text);
        if (codes.length) entities.ticketCodes = codes;
        if (phones.length) entities.phones = phones;
      }
      Object.assign(entities, matcher.match(n), findTimeExpressions(n, opts.today ?? todayInVietnam()));

      if (n.foldedTokens.length === 0 && !entities.ticketCodes) {
        intent = "out_of_scope"; // only punctuation or unknown symbols
        confidence = 1;
      } else if (best !== OUT_OF_SCOPE && !asked && (confidence < threshold || known < minCoverage)) {
        // A code says what the message is about even when the words around it do not.
        const code = entities.ticketCodes?.[0];
        if (code?.startsWith("PA-")) intent = "report_status";
        else if (code?.startsWith("LH-")) intent = "join_class";
        else {
          intent = "out_of_scope";
          confidence = Math.max(probabilities[OUT_OF_SCOPE], 1 - confidence, 1 - known);
        }
      }
      return { text, truncated: text.length < whole.length, intent, confidence: round(confidence), language: n.language, entities, normalized: n.expanded, folded: n.folded } satisfies Understanding;
    },

    explain(text, opts = {}): Explanation {
      const { probabilities, coverage: known } = analyse(cutForUnderstanding(text), opts);
      const byLabel = Object.fromEntries(INTENT_LABELS.map((label, i) => [label, probabilities[i]])) as Record<IntentLabel, number>;
      return { probabilities: byLabel, coverage: known };
    },
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
