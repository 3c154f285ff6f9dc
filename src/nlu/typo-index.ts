/**
 * One-typo look-up of catalogue syllables by symmetric deletes: every syllable is stored once, at start-up, under
 * each of its one-letter deletions; a word then needs only its own deletions looked up. A word and a syllable
 * meet when they are equal after at most one deletion each (a missing, extra or wrong letter, or two swapped).
 *
 * Work per word is bounded by the longest catalogue syllable, not by the word: a word more than one letter
 * longer than every syllable can be no typo of one and costs a single comparison (issue 15: a 50,000-letter
 * "word" used to build 50,000 deletions of 50,000 letters each).
 *
 * @example
 * const index = new TypoIndex(new Set(["lim", "duong"]));
 * index.fixes("duongg") // ["duong"]
 */

import { similarity } from "./natural-pieces.js";

/** Counts the steps of one match, so tests can check the work is bounded (no timing asserts). */
export interface WorkCounter {
  steps: number;
}

const MIN_SYLLABLE = 3;
/** A fix must also read like the word (Jaro–Winkler), so "lim" → "kim" is refused by the same-first-letter rule and "lam" → "lim" by neither. */
const MIN_FIX_SIMILARITY = 0.7;

export class TypoIndex {
  readonly #vocabulary: ReadonlySet<string>;
  readonly #byDeletion = new Map<string, string[]>();
  /** Words longer than this cannot be one edit from any indexed syllable. */
  readonly maxWordLength: number;

  constructor(vocabulary: ReadonlySet<string>) {
    this.#vocabulary = vocabulary;
    let longest = 0;
    for (const syllable of vocabulary) {
      if (syllable.length < MIN_SYLLABLE) continue;
      longest = Math.max(longest, syllable.length);
      for (const variant of oneDeletion(syllable)) {
        const list = this.#byDeletion.get(variant);
        if (list) list.push(syllable);
        else this.#byDeletion.set(variant, [syllable]);
      }
    }
    this.maxWordLength = longest + 1;
  }

  /** Catalogue syllables one edit from `word`, with the same first letter and a similar reading. */
  fixes(word: string, work: WorkCounter = { steps: 0 }): string[] {
    work.steps++;
    if (word.length > this.maxWordLength) return [];
    const out: string[] = [];
    const consider = (candidate: string) => {
      work.steps++;
      if (candidate[0] === word[0] && !out.includes(candidate) && similarity(candidate, word) >= MIN_FIX_SIMILARITY) out.push(candidate);
    };
    for (const c of this.#byDeletion.get(word) ?? []) consider(c); // the word lacks a letter
    for (const variant of oneDeletion(word)) {
      work.steps += variant.length;
      if (this.#vocabulary.has(variant)) consider(variant); // the word has an extra letter
      for (const c of this.#byDeletion.get(variant) ?? []) consider(c); // a wrong letter, or two swapped
    }
    return out;
  }
}

function oneDeletion(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== " ") out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}
