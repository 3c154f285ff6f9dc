/**
 * Every passage's score for one question (PlanSearchIndex.score), from which the best passages of any packs are
 * read with their coverage: the share of the question's content weight a passage holds.
 *
 * @example
 * const scored = index.score("ai chu tri so hoa di tich", { type: "who" });
 * scored.top(["tan-an"], 6)[0].coverage // 0.83
 */
import type { PlanPassage } from "./plan-model.js";
import type { Concept } from "./terms.js";

/** One passage found, best first. */
export interface PlanHit {
  passage: PlanPassage;
  score: number;
  /** Share (0–1) of the question's content weight found in the passage, its headings, unit or section. */
  coverage: number;
  /**
   * How many of the question's words the passage (or its section) holds as words: pairs of its syllables, paraphrase
   * groups, syllables standing alone. One word ("vay tiền", "làm sổ đỏ") is weak evidence that a plan is asked about.
   */
  words: number;
}

/** An asked concept with where its terms are held (see Holders). */
interface ResolvedConcept {
  word: string;
  weight: number;
  self: Holders;
  alternatives: Holders[];
  groups: Holders[];
  groupTerms: readonly string[];
  pairs: Holders[];
  pairTerms: readonly string[];
}

/** Which passages (by index) and which sections (by index) hold a term: 1 where its `all` terms / section tf have it. */
export interface Holders {
  passages: Uint8Array;
  sections: Uint8Array;
}

/** A passage's searchable fields. */
export type Field = "text" | "heading" | "unit";
export const FIELDS: readonly Field[] = ["text", "heading", "unit"];

/** A passage as the index holds it. */
export interface PassageDoc {
  passage: PlanPassage;
  /** The content syllables naming the unit ("so", "ngoai", "vu"), each with the paraphrase groups it lies in, and whether the section is headed by the unit. */
  unitWords: { word: string; groups: string[] }[];
  ownSection: boolean;
  /** The members a passage of a unit's section gives duties to by name (its label), each by its words. */
  members: { word: string; groups: string[] }[][];
  /** The terms of the section's own title when it says what the section is about (not a unit's name). */
  titleTerms: ReadonlySet<string>;
  tf: Record<Field, Map<string, number>>;
  /** Every term of the passage's fields. */
  all: Set<string>;
  len: Record<Field, number>;
  section: number;
  /** Whether the passage holds a question type's evidence (EVIDENCE, FREQUENCY), tested once per passage, not per search. */
  holds: Map<RegExp, boolean>;
}

/** Weight of the passage (against its whole section) in `coverage`. */
const PASSAGE_COVERAGE = 0.6;
/** Coverage credit of a question syllable found only outside the word the question uses (see `found`). */
const PART_CREDIT = 0.5;
/** The best passages by score are re-ranked by score × (COVERAGE_FLOOR + coverage) among this many more. */
const COVERAGE_FLOOR = 0.5;
const CANDIDATES = 4;

/** Every passage's score for one question; `top` picks the best of some packs (ties keep the passages' order). */
export class ScoredPassages {
  constructor(
    readonly docs: readonly PassageDoc[],
    readonly sections: readonly { tf: Map<string, number> }[],
    readonly scores: Float64Array,
    /** 1 where the passage or its section holds a term of the question. */
    readonly found: Uint8Array,
    readonly asked: readonly (Concept & { weight: number })[],
    /** Where a term is held (PlanSearchIndex): coverage reads flags instead of looking every term up per passage. */
    readonly holders: (term: string) => Holders,
  ) {}

  /**
   * The k best passages of these packs (all packs when none are given), best first, with their coverage. The best
   * k × CANDIDATES by score are ranked again by score × (COVERAGE_FLOOR + coverage): a passage that holds more of
   * what was asked goes before one that repeats one of its words.
   */
  top(packIds: readonly string[] | undefined, k: number): PlanHit[] {
    // Routing and the answer ask for the same packs' best: ranked (coverage and all) once per question.
    const key = `${k}:${packIds?.join(",") ?? "*"}`;
    let hits = this.#tops.get(key);
    if (!hits) this.#tops.set(key, (hits = this.#top(packIds, k)));
    return hits.slice();
  }

  /** Hits already ranked, by k and packs (a hit is read, never changed, by those who ask). */
  readonly #tops = new Map<string, readonly PlanHit[]>();

  #top(packIds: readonly string[] | undefined, k: number): PlanHit[] {
    const n = k * CANDIDATES;
    const best: number[] = [];
    for (let i = 0; i < this.docs.length; i++) {
      if (!this.found[i] || (packIds && !packIds.includes(this.docs[i].passage.packId))) continue;
      let at = best.length;
      while (at > 0 && this.scores[best[at - 1]] < this.scores[i]) at--;
      if (at >= n) continue;
      best.splice(at, 0, i);
      if (best.length > n) best.pop();
    }
    const hits = best.map((i) => {
      const coverage = this.#coverage(i);
      return { i, hit: { passage: this.docs[i].passage, score: this.scores[i] * (COVERAGE_FLOOR + coverage), coverage, words: 0 } };
    });
    // Stable: equal scores keep the passages' order.
    hits.sort((a, b) => b.hit.score - a.hit.score || a.i - b.i);
    return hits.slice(0, k).map(({ i, hit }) => ({ ...hit, words: this.#words(i) }));
  }

  /** The question's words the i-th passage or its section holds as words (PlanHit.words). */
  #words(i: number): number {
    const section = this.docs[i].section;
    const words = new Set<string>();
    for (const c of this.#concepts()) {
      for (let j = 0; j < c.pairs.length; j++) if (heldBy(c.pairs[j], i, section)) words.add(c.pairTerms[j]);
      let inGroup = false;
      for (let j = 0; j < c.groups.length; j++) {
        if (heldBy(c.groups[j], i, section)) {
          words.add(c.groupTerms[j]);
          inGroup = true;
        }
      }
      // A syllable standing alone counts once: as itself or as its paraphrase group ("tiền" is "@kinh phí"), not both.
      if (c.pairs.length === 0 && !inGroup && heldBy(c.self, i, section)) words.add(c.word);
    }
    return words.size;
  }

  /** The asked concepts with where each of their terms is held, resolved once per question. */
  #resolved?: ResolvedConcept[];

  #concepts(): ResolvedConcept[] {
    const holders = this.holders;
    return (this.#resolved ??= this.asked.map((c) => ({
      word: c.word,
      weight: c.weight,
      self: holders(c.word),
      alternatives: c.alternatives.map(holders),
      groups: c.groups.map(holders),
      groupTerms: c.groups,
      pairs: c.pairs.map(holders),
      pairTerms: c.pairs,
    })));
  }

  /**
   * Mostly what the i-th passage itself (with its headings and unit) holds of the question, partly what its section
   * holds (read from the holders' flags, not by looking each term up in the passage's and the section's terms).
   */
  #coverage(i: number): number {
    const section = this.docs[i].section;
    let total = 0;
    let inPassage = 0;
    let inSection = 0;
    for (const c of this.#concepts()) {
      total += c.weight;
      inPassage += c.weight * foundAt(c, "passages", i);
      inSection += c.weight * foundAt(c, "sections", section);
    }
    return total > 0 ? (PASSAGE_COVERAGE * inPassage + (1 - PASSAGE_COVERAGE) * inSection) / total : 0;
  }
}

/**
 * How much of a question's syllable a passage holds: all of it when it has the syllable as part of the word the
 * question uses (a pair with a neighbour, or a paraphrase group), or the syllable stands alone in the question;
 * PART_CREDIT when the passage only has the syllable in other words ("giá" of "giá trị" for "giá đất").
 * (`at`: a passage's index in "passages" or a section's in "sections").
 */
function foundAt(c: { alternatives: Holders[]; groups: Holders[]; pairs: Holders[] }, where: keyof Holders, at: number): number {
  if (!heldIn(c.alternatives, where, at)) return 0;
  if (c.pairs.length === 0 || heldIn(c.groups, where, at) || heldIn(c.pairs, where, at)) return 1;
  return PART_CREDIT;
}

/** Whether the passage or its section holds the term. */
function heldBy(h: Holders, passage: number, section: number): boolean {
  return h.passages[passage] === 1 || h.sections[section] === 1;
}

function heldIn(list: readonly Holders[], where: keyof Holders, at: number): boolean {
  for (const h of list) if (h[where][at] === 1) return true;
  return false;
}
