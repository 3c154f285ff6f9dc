/**
 * The title rule of the plan search: a section titled by what was asked ("IV. Kinh phí thực hiện" for "tiền lấy ở
 * đâu") answers it before a section that mentions it among other things. This file reads how much of the question a
 * title holds; plan-search.ts turns the share into a bonus.
 */
import type { Postings } from "./postings.js";
import type { Concept } from "./terms.js";

/** A term in more than this share of a plan's passages is its theme ("ngoại giao văn hóa"): no title is about it. */
const THEME_SHARE = 0.3;

/**
 * How much of a question's content weight a section's title holds (0–1): a concept counts when its group, its
 * pair, or (without pairs) one of its syllables is in the title and is not its plan's theme (in over THEME_SHARE
 * of it). Built once per question; read once per section (its passages share its title and its plan), since it
 * is asked for every passage found.
 */
export class TitleMatch {
  /** Each term that can stand for an asked concept, with the concepts it stands for. */
  readonly #conceptsOf = new Map<string, number[]>();
  readonly #weights: number[];
  readonly #total: number;
  readonly #held: Uint8Array;
  /** Each section's share once read (-1: not yet). */
  readonly #shareOf: Float64Array;

  constructor(asked: readonly (Concept & { weight: number })[], sections: number) {
    this.#shareOf = new Float64Array(sections).fill(-1);
    this.#weights = asked.map((c) => c.weight);
    this.#total = this.#weights.reduce((sum, w) => sum + w, 0);
    this.#held = new Uint8Array(asked.length);
    asked.forEach((c, index) => {
      for (const t of [...c.groups, ...c.pairs, ...(c.pairs.length === 0 ? c.alternatives : [])]) {
        const list = this.#conceptsOf.get(t);
        if (!list) this.#conceptsOf.set(t, [index]);
        else if (!list.includes(index)) list.push(index);
      }
    });
  }

  /** The share of the i-th passage's section (`section`, titled `title`). */
  share(section: number, title: ReadonlySet<string>, postings: Postings, i: number): number {
    if (this.#shareOf[section] < 0) this.#shareOf[section] = this.#read(title, postings, i);
    return this.#shareOf[section];
  }

  #read(title: ReadonlySet<string>, postings: Postings, i: number): number {
    if (this.#total <= 0) return 0;
    this.#held.fill(0);
    let held = 0;
    for (const t of title) {
      const concepts = this.#conceptsOf.get(t);
      if (!concepts || postings.planShare(t, i) > THEME_SHARE) continue;
      for (const c of concepts) {
        if (this.#held[c]) continue;
        this.#held[c] = 1;
        held += this.#weights[c];
      }
    }
    return held / this.#total;
  }
}
