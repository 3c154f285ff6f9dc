/**
 * Every passage's score for one question (PlanSearchIndex.score), from which the best passages of any packs are
 * read with their coverage: the share of the question's content weight a passage holds.
 *
 * @example
 * const scored = index.score("ai chu tri so hoa di tich", { type: "who" });
 * scored.top(["tan-an"], 6)[0].coverage // 0.83
 */
import type { PlanPassage } from "./plan-model.js";

/** One passage found, best first. */
export interface PlanHit {
  passage: PlanPassage;
  score: number;
  /** Share (0–1) of the question's content weight found in the passage, its headings, unit or section. */
  coverage: number;
}

/** A passage's searchable fields. */
export type Field = "text" | "heading" | "unit";
export const FIELDS: readonly Field[] = ["text", "heading", "unit"];

/** A passage as the index holds it. */
export interface PassageDoc {
  passage: PlanPassage;
  /** The unit's content syllables ("so", "ngoai", "vu"), and whether the section is titled by the unit. */
  unitWords: string[];
  ownSection: boolean;
  tf: Record<Field, Map<string, number>>;
  len: Record<Field, number>;
  section: number;
  /** Whether the passage holds a question type's evidence (EVIDENCE, FREQUENCY), tested once per passage, not per search. */
  holds: Map<RegExp, boolean>;
}

/** Weight of the passage (against its whole section) in `coverage`. */
const PASSAGE_COVERAGE = 0.6;

/** Every passage's score for one question; `top` picks the best of some packs (ties keep the passages' order). */
export class ScoredPassages {
  constructor(
    readonly docs: readonly PassageDoc[],
    readonly sections: readonly { tf: Map<string, number> }[],
    readonly scores: Float64Array,
    /** 1 where the passage or its section holds a term of the question. */
    readonly found: Uint8Array,
    readonly asked: readonly { alternatives: string[]; weight: number }[],
  ) {}

  /** The k best passages of these packs (all packs when none are given), best first, with their coverage. */
  top(packIds: readonly string[] | undefined, k: number): PlanHit[] {
    const best: number[] = [];
    for (let i = 0; i < this.docs.length; i++) {
      if (!this.found[i] || (packIds && !packIds.includes(this.docs[i].passage.packId))) continue;
      let at = best.length;
      while (at > 0 && this.scores[best[at - 1]] < this.scores[i]) at--;
      if (at >= k) continue;
      best.splice(at, 0, i);
      if (best.length > k) best.pop();
    }
    return best.map((i) => ({ passage: this.docs[i].passage, score: this.scores[i], coverage: this.#coverage(this.docs[i]) }));
  }

  /** Mostly what the passage itself (with its headings and unit) holds of the question, partly what its section holds. */
  #coverage(d: PassageDoc): number {
    let total = 0;
    let inPassage = 0;
    let inSection = 0;
    const sec = this.sections[d.section].tf;
    for (const c of this.asked) {
      total += c.weight;
      if (c.alternatives.some((t) => d.tf.text.has(t) || d.tf.heading.has(t) || d.tf.unit.has(t))) inPassage += c.weight;
      if (c.alternatives.some((t) => sec.has(t))) inSection += c.weight;
    }
    return total > 0 ? (PASSAGE_COVERAGE * inPassage + (1 - PASSAGE_COVERAGE) * inSection) / total : 0;
  }
}
