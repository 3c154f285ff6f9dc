/**
 * A small Okapi BM25 index over pre-tokenised passages.
 *
 * Written out rather than taken from a library because it is twenty lines, and the library versions tokenise
 * for English (stemming, stop words) where we need folded Vietnamese syllables.
 *
 * @example
 *   const index = new Bm25Index([["quan", "ho", "quan ho"], ["le", "hoi"]]);
 *   index.scores(["quan ho"]) // [1.2…, 0]
 */

/** BM25 parameters: k1 saturates repeated terms, b normalises for passage length (the usual defaults). */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

/** Term statistics for a fixed set of passages; `scores(query)` gives one score per passage, in input order. */
export class Bm25Index {
  readonly #tf: Map<string, number>[];
  readonly #df = new Map<string, number>();
  readonly #lengths: number[];
  readonly #avgLength: number;
  readonly #k1: number;
  readonly #b: number;

  constructor(passages: string[][], options: Bm25Options = {}) {
    this.#k1 = options.k1 ?? 1.2;
    this.#b = options.b ?? 0.75;
    this.#tf = passages.map((terms) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
      return tf;
    });
    this.#lengths = passages.map((p) => p.length);
    this.#avgLength = this.#lengths.reduce((a, b) => a + b, 0) / Math.max(1, passages.length);
  }

  /** Inverse document frequency; the "+1" form never goes negative, so a very common term still counts a little. */
  idf(term: string): number {
    const n = this.#df.get(term) ?? 0;
    const N = this.#tf.length;
    return Math.log(1 + (N - n + 0.5) / (n + 0.5));
  }

  /**
   * Share of the query's weight (sum of idf) that passage `i` contains, from 0 to 1. Unlike the BM25 score it can
   * be compared across queries, so it serves as a "did we find anything" threshold. Terms absent from every
   * passage weigh the most, so a question about something the plans never mention stays low.
   */
  coverage(queryTerms: string[], i: number): number {
    const terms = [...new Set(queryTerms)];
    let total = 0;
    let found = 0;
    for (const t of terms) {
      const w = this.idf(t);
      total += w;
      if (this.#tf[i]?.has(t)) found += w;
    }
    return total ? found / total : 0;
  }

  /** One BM25 score per passage; a query term repeated in the query counts once. */
  scores(queryTerms: string[]): number[] {
    const terms = [...new Set(queryTerms)].filter((t) => this.#df.has(t));
    return this.#tf.map((tf, i) => {
      const norm = this.#k1 * (1 - this.#b + (this.#b * this.#lengths[i]) / (this.#avgLength || 1));
      let score = 0;
      for (const t of terms) {
        const f = tf.get(t);
        if (f) score += (this.idf(t) * f * (this.#k1 + 1)) / (f + norm);
      }
      return score;
    });
  }
}
