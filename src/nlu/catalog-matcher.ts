/**
 * Finding catalogue entries (festivals, heritage, classes, contacts) named in a message.
 *
 * Names and aliases are matched on folded syllables, so diacritics do not matter, with two guards:
 * - when the message *has* diacritics and they contradict every accented spelling of the name, it is not a match
 *   ("đến đó" is not "Đền Đô");
 * - one typo is tolerated for names of 6+ letters: candidates come from a deletion index (each name with one
 *   letter removed, so lookups are exact) and are confirmed with natural's Jaro–Winkler similarity.
 *
 * @example
 * const m = createCatalogMatcher([{ id: "hoi-lim", kind: "festival", names: ["Hội Lim", "lim"] }]);
 * m.match(normalize("hoi lym nam nay")) // { festivals: ["hoi-lim"] }
 */

import { fold, lower } from "./fold.js";
import { similarity, tokenizeVi } from "./natural-pieces.js";

/** One catalogue item as the matcher sees it. `names` = names.vi, names.en and aliases. */
export interface CatalogEntry {
  id: string;
  kind: "festival" | "heritage" | "class" | "contact";
  names: string[];
}

/** Catalogue ids found in a message, best first, by kind. */
export interface CatalogMatches {
  festivals?: string[];
  heritage?: string[];
  classes?: string[];
  contacts?: string[];
}

/** A matcher built once from the catalogue. */
export interface CatalogMatcher {
  match(message: { tokens: readonly string[]; foldedTokens: readonly string[] }): CatalogMatches;
  /** Folded syllables of every name (the domain vocabulary the catalogue adds). */
  readonly vocabulary: ReadonlySet<string>;
}

interface Key {
  entries: { id: string; kind: CatalogEntry["kind"] }[];
  /** Accented spellings of this folded key (empty when only unaccented aliases were given). */
  accented: Set<string>;
}

const KIND_FIELD = { festival: "festivals", heritage: "heritage", class: "classes", contact: "contacts" } as const;
// Words that name a kind of thing; dropping them gives extra aliases ("Lễ hội Chùa Dâu" → "chùa dâu").
const GENERIC_PREFIXES = ["le hoi", "hoi", "festival", "lop truyen day", "lop hoc", "lop", "dan ca", "di tich", "lang nghe", "lang", "phong", "the", "ban quan ly"];
const MAX_WORDS = 8;
const FUZZY_MIN_LENGTH = 6;
const FUZZY_MIN_SIMILARITY = 0.9;

/** Build the matcher (a few milliseconds for hundreds of names). */
export function createCatalogMatcher(catalog: readonly CatalogEntry[]): CatalogMatcher {
  const keys = new Map<string, Key>();
  const deletions = new Map<string, string[]>();
  const vocabulary = new Set<string>();
  const fuzzyLengths = new Set<number>();

  const add = (entry: CatalogEntry, accentedName: string) => {
    const accented = tokenizeVi(lower(accentedName)).join(" ");
    const folded = fold(accented);
    if (folded.length < 3) return; // "Đô" alone would match every "do"
    let key = keys.get(folded);
    if (!key) keys.set(folded, (key = { entries: [], accented: new Set() }));
    if (!key.entries.some((e) => e.id === entry.id)) key.entries.push({ id: entry.id, kind: entry.kind });
    if (accented !== folded) key.accented.add(accented);
    for (const syllable of folded.split(" ")) vocabulary.add(syllable);
    if (folded.replace(/ /g, "").length >= FUZZY_MIN_LENGTH) {
      fuzzyLengths.add(folded.length);
      for (const variant of oneDeletion(folded)) {
        const list = deletions.get(variant) ?? [];
        if (!list.includes(folded)) list.push(folded);
        deletions.set(variant, list);
      }
    }
  };

  for (const entry of catalog) {
    entry.names.forEach((name, i) => {
      if (!name?.trim()) return;
      add(entry, name);
      // Only the main (first) name gets a shortened alias: aliases are already the short forms people use.
      if (i > 0) return;
      const folded = fold(tokenizeVi(lower(name)).join(" "));
      for (const prefix of GENERIC_PREFIXES) {
        if (folded.startsWith(prefix + " ")) {
          const rest = tokenizeVi(lower(name)).slice(prefix.split(" ").length);
          if (rest.length >= 2) add(entry, rest.join(" "));
          break;
        }
      }
    });
  }

  return {
    vocabulary,
    match({ tokens, foldedTokens }) {
      const found: { id: string; kind: CatalogEntry["kind"]; score: number }[] = [];
      // One coverage mask per kind: "lớp quan họ" may name a class and, inside it, the heritage "quan họ".
      const covered = { festival: new Uint8Array(foldedTokens.length), heritage: new Uint8Array(foldedTokens.length), class: new Uint8Array(foldedTokens.length), contact: new Uint8Array(foldedTokens.length) };
      // Longest windows first, so "lễ hội đền đô" wins over "đền đô".
      for (let size = Math.min(MAX_WORDS, foldedTokens.length); size >= 1; size--) {
        for (let start = 0; start + size <= foldedTokens.length; start++) {
          const window = foldedTokens.slice(start, start + size).join(" ");
          let key = keys.get(window);
          let score = size * 10;
          if (key && !accentsAgree(key, tokens.slice(start, start + size).join(" "), window)) key = undefined;
          // One typo leaves the first or the last syllable intact; checking that first keeps this cheap.
          const fuzzy =
            !key &&
            window.length >= FUZZY_MIN_LENGTH &&
            (fuzzyLengths.has(window.length) || fuzzyLengths.has(window.length - 1) || fuzzyLengths.has(window.length + 1)) &&
            (vocabulary.has(foldedTokens[start]) || vocabulary.has(foldedTokens[start + size - 1]));
          if (fuzzy) {
            const near = fuzzyKey(window, keys, deletions);
            if (near) {
              key = keys.get(near);
              score -= 5;
            }
          }
          if (!key) continue;
          const taken = key.entries.filter((e) => !covered[e.kind].subarray(start, start + size).includes(1));
          for (const e of taken) found.push({ ...e, score: score - start * 0.01 });
          for (const e of taken) covered[e.kind].fill(1, start, start + size);
        }
      }
      const out: CatalogMatches = {};
      found.sort((a, b) => b.score - a.score);
      for (const { id, kind } of found) {
        const list = (out[KIND_FIELD[kind]] ??= []);
        if (!list.includes(id)) list.push(id);
      }
      return out;
    },
  };
}

/** Accents in the message, where present, must spell the name: "đến đó" is not "đền đô", "den do" may be. */
function accentsAgree(key: Key, accentedWindow: string, foldedWindow: string): boolean {
  if (key.accented.size === 0 || accentedWindow === foldedWindow) return true;
  return key.accented.has(accentedWindow);
}

/** A name within one edit (insert, delete, substitute, swap) of the window, confirmed by Jaro–Winkler. */
function fuzzyKey(window: string, keys: Map<string, Key>, deletions: Map<string, string[]>): string | undefined {
  let best: string | undefined;
  let bestScore = FUZZY_MIN_SIMILARITY;
  const consider = (candidate: string) => {
    const score = similarity(window, candidate);
    if (score >= bestScore) [best, bestScore] = [candidate, score];
  };
  for (const candidate of deletions.get(window) ?? []) consider(candidate); // the window lacks a letter
  for (const variant of oneDeletion(window)) {
    if (keys.has(variant)) consider(variant); // the window has an extra letter
    for (const candidate of deletions.get(variant) ?? []) consider(candidate); // substitution or swap
  }
  return best;
}

function oneDeletion(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== " ") out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}
