/** The BM25F pieces of the plan search: field weights, term counts, idf and a term's length-normalised frequency. */
import { FIELDS, type Field, type PassageDoc as Doc } from "./scored-passages.js";

export const K1 = 1.2;
export const B = 0.75;
/** Field weights: text, heading path, unit. */
export const WEIGHTS: Record<Field, number> = { text: 1, heading: 1, unit: 1.5 };

/** How many times each term occurs. */
export function counts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** The passages (or sections) holding a term, in their order, and what the term adds to each one's BM25 score. */
export interface Gains {
  at: Int32Array;
  gain: Float64Array;
}

export const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Adds each place's gain (times `factor`) to `into`. */
export function addGains(g: Gains, into: Float64Array, factor = 1): void {
  for (let j = 0; j < g.at.length; j++) into[g.at[j]] += factor * g.gain[j];
}

/** A term's weighted, length-normalised frequency over a passage's fields (BM25F). */
export function fieldNorm(d: Doc, t: string, avg: Record<Field, number>): number {
  let norm = 0;
  for (const f of FIELDS) {
    const tf = d.tf[f].get(t);
    if (tf) norm += (WEIGHTS[f] * tf) / (1 - B + (B * d.len[f]) / avg[f]);
  }
  return norm;
}
