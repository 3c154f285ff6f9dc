/**
 * A small multinomial logistic regression (softmax) over sparse string features, trained with SGD.
 *
 * Why not natural's BayesClassifier / LogisticRegressionClassifier: they tokenize with the English tokenizer and
 * stem with Porter (which mangles Vietnamese) and their natural-language probabilities are not usable as a
 * confidence. This one takes our own features, trains ~1,000 messages in tens of milliseconds, and scores a message
 * with one array walk per feature (a few microseconds).
 *
 * @example
 * const model = trainClassifier([{ features: ["fchao"], label: 0 }, { features: ["fgia"], label: 1 }], 2);
 * model.predict(["fchao"]) // Float64Array [0.9…, 0.0…]
 */
import { seededRandom } from "./seeded-random.js";

/** One training row: features and a class index. */
export interface TrainingRow {
  features: readonly string[];
  label: number;
}

/** Training knobs (the defaults were chosen by cross-validation, see scripts/eval-nlu.ts). */
export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

/** A trained classifier. */
export interface Classifier {
  readonly classes: number;
  /** Class probabilities (softmax) for a message's features; unknown features are ignored. */
  predict(features: readonly string[]): Float64Array;
  /** Whether a feature was seen in training. */
  knows(feature: string): boolean;
}

/** Train a softmax regression. Deterministic for a given seed. */
export function trainClassifier(rows: readonly TrainingRow[], classes: number, options: TrainOptions = {}): Classifier {
  return classifierFrom(trainWeights(rows, classes, options));
}

/** What training gives: the features in index order, and the weights (feature × class) and biases. */
export interface TrainedWeights {
  classes: number;
  features: string[];
  weights: Float64Array;
  bias: Float64Array;
}

/** The weights a softmax regression learns from `rows` (see trainClassifier). */
export function trainWeights(rows: readonly TrainingRow[], classes: number, options: TrainOptions = {}): TrainedWeights {
  const { epochs = 30, learningRate = 3, l2 = 1e-4, seed = 7 } = options;
  const index = new Map<string, number>();
  const encoded = rows.map((row) => {
    const ids = new Int32Array(row.features.length);
    row.features.forEach((feature, i) => {
      let id = index.get(feature);
      if (id === undefined) index.set(feature, (id = index.size));
      ids[i] = id;
    });
    return { ids, value: 1 / Math.sqrt(Math.max(1, ids.length)), label: row.label };
  });

  const weights = new Float64Array(index.size * classes);
  const bias = new Float64Array(classes);
  const scores = new Float64Array(classes);
  const order = encoded.map((_, i) => i);
  const random = seededRandom(seed);

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    const rate = learningRate / (1 + epoch * 0.1);
    const decay = 1 - rate * l2;
    for (const k of order) {
      const { ids, value, label } = encoded[k];
      score(ids, value, weights, bias, classes, scores);
      softmax(scores);
      for (let c = 0; c < classes; c++) {
        const gradient = (c === label ? 1 : 0) - scores[c];
        // Rows the model already gets right barely move the weights: skipping them makes training ~3× faster.
        if (gradient < 1e-3 && gradient > -1e-3) continue;
        bias[c] += rate * gradient * 0.1;
        const step = rate * gradient * value;
        for (let j = 0; j < ids.length; j++) {
          const w = ids[j] * classes + c;
          weights[w] = weights[w] * decay + step;
        }
      }
    }
  }
  return { classes, features: [...index.keys()], weights, bias };
}

/** The classifier of trained weights (made now, or read back from the build cache). */
export function classifierFrom({ classes, features: known, weights, bias }: TrainedWeights): Classifier {
  const index = new Map<string, number>();
  for (const feature of known) index.set(feature, index.size);
  return {
    classes,
    predict(features) {
      const ids: number[] = [];
      for (const feature of features) {
        const id = index.get(feature);
        if (id !== undefined) ids.push(id);
      }
      const out = new Float64Array(classes);
      // Scale by all features, known or not: a message of mostly unseen words should be unsure.
      score(ids, 1 / Math.sqrt(Math.max(1, features.length)), weights, bias, classes, out);
      return softmax(out);
    },
    knows: (feature) => index.has(feature),
  };
}

/** The training code, as text: weights kept from an earlier start-up are used only if it has not changed since. */
export const TRAINER_SOURCE = (): string => [trainWeights, score, softmax, shuffle, seededRandom].map(String).join("\n");

function score(ids: ArrayLike<number>, value: number, weights: Float64Array, bias: Float64Array, classes: number, out: Float64Array): void {
  for (let c = 0; c < classes; c++) out[c] = bias[c];
  for (let j = 0; j < ids.length; j++) {
    const base = ids[j] * classes;
    for (let c = 0; c < classes; c++) out[c] += weights[base + c] * value;
  }
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += scores[c] = Math.exp(scores[c] - max);
  for (let c = 0; c < scores.length; c++) scores[c] /= sum;
  return scores;
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
