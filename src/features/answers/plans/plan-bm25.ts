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

/**
 * Term statistics for a fixed set of passages; `scores(query)` gives one score per passage, in input order.
 * Scoring walks each query term's postings (the passages that contain it) rather than every passage: a question
 * touches a few dozen of the hundreds of plan passages (the profile showed the full scan at ~4 % of a reply).
 */
export class Bm25Index {
  readonly #tf: Map<string, number>[];
  /** term → passages containing it, with the term's count in each. */
  readonly #postings = new Map<string, { passage: number; count: number }[]>();
  /** BM25's length normalisation per passage, computed once. */
  readonly #norms: number[];
  readonly #k1: number;

  constructor(passages: string[][], options: Bm25Options = {}) {
    const k1 = (this.#k1 = options.k1 ?? 1.2);
    const b = options.b ?? 0.75;
    this.#tf = passages.map((terms, passage) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, count] of tf) {
        let list = this.#postings.get(term);
        if (!list) this.#postings.set(term, (list = []));
        list.push({ passage, count });
      }
      return tf;
    });
    const avgLength = passages.reduce((sum, p) => sum + p.length, 0) / Math.max(1, passages.length) || 1;
    this.#norms = passages.map((p) => k1 * (1 - b + (b * p.length) / avgLength));
  }

  /** Inverse document frequency; the "+1" form never goes negative, so a very common term still counts a little. */
  idf(term: string): number {
    const n = this.#postings.get(term)?.length ?? 0;
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
    const scores = new Array<number>(this.#tf.length).fill(0);
    for (const term of new Set(queryTerms)) {
      const postings = this.#postings.get(term);
      if (!postings) continue;
      const idf = this.idf(term);
      for (const { passage, count } of postings) scores[passage] += (idf * count * (this.#k1 + 1)) / (count + this.#norms[passage]);
    }
    return scores;
  }
}
