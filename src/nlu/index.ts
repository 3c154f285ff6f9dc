/**
 * The understanding layer: Vietnamese/English normalisation, intent classification with out-of-scope
 * detection, and entity extraction. Imports nothing else of ours.
 *
 * @example
 * import { createUnderstander, normalize } from "./nlu/index.js";
 * const nlu = createUnderstander({ catalog });
 * nlu.understand("cho e dk 1 suat hoc quan ho voi").intent // "join_class"
 * normalize("Hủy").folded                                    // "huy"
 */

export { fold, foldQuestion, lower } from "./fold.js";
export { asksQuestion } from "./question-form.js";
export { normalize, squeezeWordEnd, type Normalized, type NormalizeOptions } from "./normalize.js";
export { detectLanguage, isLanguage, isPlainly, LANGUAGES } from "./language.js";
export { expandToken, VI_ABBREVIATIONS, EN_ABBREVIATIONS } from "./teencode.js";
export { INTENT_LABELS, isIntentLabel } from "./intent-labels.js";
export { createCatalogMatcher, type CatalogMatcher, type CatalogMatches, type WorkCounter } from "./catalog-matcher.js";
export { cutForUnderstanding, MAX_UNDERSTOOD_CHARS } from "./text-limit.js";
export { findTicketCodes, findPhones, maskCodes } from "./codes.js";
export { findTimeExpressions, todayInVietnam, type TimeExpressions } from "./time-expressions.js";
export { messageFeatures } from "./features.js";
export { trainClassifier, type Classifier, type TrainingRow, type TrainOptions } from "./classifier.js";
export { coverage, contentWords } from "./domain-vocabulary.js";
export { loadTrainingData, loadLabelledMap, DEFAULT_INTENTS_DIR, type LabelledMessage } from "./training-data.js";
export {
  createUnderstander,
  DEFAULT_CONFIDENCE_THRESHOLD,
  DEFAULT_MIN_COVERAGE,
  type UnderstanderOptions,
} from "./understander.js";
export type {
  CatalogEntry,
  Entities,
  Explanation,
  IntentLabel,
  Language,
  Understander,
  UnderstandOptions,
  Understanding,
} from "./types.js";
