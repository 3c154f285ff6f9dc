import { cacheKey, readCache, writeCache } from "../build-cache.js";
import { classifierFrom, trainWeights, TRAINER_SOURCE, type Classifier, type TrainedWeights, type TrainingRow, type TrainOptions } from "./classifier.js";

/**
 * The intent classifier, trained once per training set: the weights are kept in the build cache (src/build-cache.ts)
 * under a hash of the rows' features and labels, the options and the training code, and read back at the next
 * start-up instead of training again (~0.1–0.5 s of start-up). Same rows, same code: the same weights, so the same
 * answers.
 *
 * @example const classifier = trainClassifierCached(rows, INTENT_LABELS.length, options.training);
 */
export function trainClassifierCached(rows: readonly TrainingRow[], classes: number, options: TrainOptions = {}): Classifier {
  const key = cacheKey(TRAINER_SOURCE(), String(classes), JSON.stringify(options), rows.map((row) => `${row.label}\u0001${row.features.join("\u0002")}`).join("\u0003"));
  const stored = readCache("classifier", key);
  const read = stored && fromBytes(stored, classes);
  if (read) return classifierFrom(read);
  const trained = trainWeights(rows, classes, options);
  // ~2 MB each: a few training sets (the app's, an evaluation's folds) are kept.
  writeCache("classifier", key, toBytes(trained), 16);
  return classifierFrom(trained);
}

/** [length of the features' JSON: u32][features' JSON][biases: f64 × classes][weights: f64 × features × classes]. */
function toBytes({ classes, features, weights, bias }: TrainedWeights): Buffer {
  const names = Buffer.from(JSON.stringify(features));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(names.length);
  return Buffer.concat([head, names, Buffer.from(bias.buffer, bias.byteOffset, classes * 8), Buffer.from(weights.buffer, weights.byteOffset, weights.length * 8)]);
}

/** The weights in `bytes`, or undefined when they are not whole (a corrupt entry is trained again). */
function fromBytes(bytes: Buffer, classes: number): TrainedWeights | undefined {
  try {
    const length = bytes.readUInt32LE(0);
    const features = JSON.parse(bytes.toString("utf8", 4, 4 + length)) as unknown;
    if (!Array.isArray(features) || !features.every((f) => typeof f === "string")) return undefined;
    const numbers = bytes.subarray(4 + length);
    if (numbers.length !== (classes + features.length * classes) * 8) return undefined;
    // Copied out: the file's bytes need not be aligned for a Float64Array.
    const all = new Float64Array(new Uint8Array(numbers).buffer);
    return { classes, features, bias: all.slice(0, classes), weights: all.slice(classes) };
  } catch {
    return undefined;
  }
}
