/**
 * Finding catalogue entries (festivals, heritage, classes, contacts) named in a message.
 *
 * Names and aliases are matched on folded syllables, so diacritics do not matter, with two guards:
 * - when the message *has* diacritics and they contradict every accented spelling of the name, it is not a match
 *   ("đến đó" is not "Đền Đô");
 * - one typo is tolerated for names of 6+ letters: a syllable unknown to the catalogue is replaced by the
 *   catalogue syllables one edit away (a symmetric-delete index built once, src/nlu/typo-index.ts), and only the
 *   names around that syllable are looked up again, then confirmed with natural's Jaro–Winkler similarity.
 *
 * Work is linear in the message: each word costs at most a fixed number of look-ups (bounded by the longest name
 * and the longest catalogue syllable), whatever its length. `match(message, work)` counts them for the tests.
 *
 * @example
 * const m = createCatalogMatcher([{ id: "hoi-lim", kind: "festival", names: ["Hội Lim", "lim"] }]);
 * m.match(normalize("hoi lym nam nay")) // { festivals: ["hoi-lim"] }
 */

import { fold, lower } from "./fold.js";
import { tokenize } from "./cjk.js";
import { similarity } from "./natural-pieces.js";
import { TypoIndex, type WorkCounter } from "./typo-index.js";

export type { WorkCounter } from "./typo-index.js";

/** One catalogue item as the matcher sees it. `names` = names in every language and aliases. */
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
  /** `work`, when given, is increased by the steps spent (window look-ups, typo candidates). */
  match(message: { tokens: readonly string[]; foldedTokens: readonly string[] }, work?: WorkCounter): CatalogMatches;
  /** Folded syllables of every name (the domain vocabulary the catalogue adds). */
  readonly vocabulary: ReadonlySet<string>;
}

interface Key {
  entries: { id: string; kind: CatalogEntry["kind"] }[];
  /** Accented spellings of this folded key (empty when only unaccented aliases were given). */
  accented: Set<string>;
}

type Found = { id: string; kind: CatalogEntry["kind"]; score: number; start: number; size: number };

/** The message's syllables, with at most one of them (at `typoAt`) replaced by a typo fix. */
interface Syllables {
  readonly tokens: readonly string[];
  readonly typoAt?: number;
  readonly fix?: string;
}

/** Syllable `i` of `syllables` (a plain function: one closure per fix and word cost more than the look-ups). */
const syllableAt = ({ tokens, typoAt, fix }: Syllables, i: number): string => (i === typoAt ? fix! : tokens[i]);

/**
 * How a found name is checked: against the accents typed (exact pass: `typed` = accented syllables), or, with a
 * typo fixed at `typoAt`, by Jaro–Winkler against what was typed (`typed` = folded syllables).
 */
interface Check {
  typoAt?: number;
  typed: readonly string[];
}

const KIND_FIELD = { festival: "festivals", heritage: "heritage", class: "classes", contact: "contacts" } as const;
// Words that name a kind of thing; dropping them gives extra aliases ("Lễ hội Chùa Dâu" → "chùa dâu").
const GENERIC_PREFIXES = ["le hoi", "hoi", "festival", "lop truyen day", "lop hoc", "lop", "dan ca", "di tich", "lang nghe", "lang", "phong", "the", "ban quan ly"];
const FUZZY_MIN_LENGTH = 6;
const FUZZY_MIN_SIMILARITY = 0.9;
const MIN_TYPO_WORD = 3;

/** Build the matcher (a few milliseconds for hundreds of names). */
export function createCatalogMatcher(catalog: readonly CatalogEntry[]): CatalogMatcher {
  const keys = new Map<string, Key>();
  const vocabulary = new Set<string>();
  const prefixes = new Set<string>();
  let longestName = 1; // in syllables

  const add = (entry: CatalogEntry, accentedName: string) => {
    const accented = tokenize(lower(accentedName)).join(" ");
    const folded = fold(accented);
    if (folded.length < 3) return; // "Đô" alone would match every "do"
    let key = keys.get(folded);
    if (!key) keys.set(folded, (key = { entries: [], accented: new Set() }));
    if (!key.entries.some((e) => e.id === entry.id)) key.entries.push({ id: entry.id, kind: entry.kind });
    if (accented !== folded) key.accented.add(accented);
    for (const syllable of folded.split(" ")) vocabulary.add(syllable);
  };

  for (const entry of catalog) {
    entry.names.forEach((name, i) => {
      if (!name?.trim()) return;
      add(entry, name);
      // Only the main (first) name gets a shortened alias: aliases are already the short forms people use.
      if (i > 0) return;
      const folded = fold(tokenize(lower(name)).join(" "));
      for (const prefix of GENERIC_PREFIXES) {
        if (folded.startsWith(prefix + " ")) {
          const rest = tokenize(lower(name)).slice(prefix.split(" ").length);
          if (rest.length >= 2) add(entry, rest.join(" "));
          break;
        }
      }
    });
  }
  for (const key of keys.keys()) {
    const words = key.split(" ");
    longestName = Math.max(longestName, words.length);
    for (let i = 1; i <= words.length; i++) prefixes.add(words.slice(0, i).join(" "));
  }
  const typos = new TypoIndex(vocabulary);

  /**
   * Looks up the windows starting at each of `starts` that are names (at most `longestName` syllables each).
   * With a typo at `typoAt`, only windows over that syllable count, confirmed against what was typed. `reach`, when
   * given, records for each position the starts whose window runs up to just before it and is still the start of a
   * name: the only starts from which a window can go on over a typo fixed there.
   */
  const lookUp = (syllables: Syllables, starts: Iterable<number>, found: Found[], work: WorkCounter, check: Check, reach?: number[][]) => {
    for (const start of starts) {
      work.steps++;
      if (!prefixes.has(syllableAt(syllables, start))) continue;
      let window = "";
      for (let size = 1; start + size <= syllables.tokens.length; size++) {
        work.steps++;
        window = size === 1 ? syllableAt(syllables, start) : window + " " + syllableAt(syllables, start + size - 1);
        if (!prefixes.has(window)) break;
        if (reach && size < longestName) (reach[start + size] ??= []).push(start);
        if (check.typoAt !== undefined && check.typoAt >= start + size) continue;
        const key = keys.get(window);
        if (!key) continue;
        let score = size * 10 - start * 0.01;
        if (check.typoAt !== undefined) {
          const typed = check.typed.slice(start, start + size).join(" ");
          if (window.replace(/ /g, "").length < FUZZY_MIN_LENGTH || similarity(typed, window) < FUZZY_MIN_SIMILARITY) continue;
          score -= 5;
        } else if (!accentsAgree(key, check.typed.slice(start, start + size).join(" "), window)) continue;
        for (const e of key.entries) found.push({ ...e, score, start, size });
      }
    }
  };

  return {
    vocabulary,
    match({ tokens, foldedTokens }, work = { steps: 0 }) {
      const found: Found[] = [];
      const reach: number[][] = [];
      lookUp({ tokens: foldedTokens }, range(0, foldedTokens.length), found, work, { typed: tokens }, reach);
      // One typo: a syllable unknown to the catalogue, one edit from a catalogue syllable with the same first
      // letter, is replaced and the names over it are looked up again (then confirmed by Jaro–Winkler).
      const fixesOf = new Map<string, string[]>(); // a word repeated costs one look-up
      for (let p = 0; p < foldedTokens.length; p++) {
        const token = foldedTokens[p];
        work.steps++;
        if (token.length < MIN_TYPO_WORD || vocabulary.has(token)) continue;
        let fixes = fixesOf.get(token);
        if (!fixes) fixesOf.set(token, (fixes = typos.fixes(token, work)));
        if (fixes.length === 0) continue;
        // A window over the fix starts at it, or where the exact pass found the start of a name running up to it
        // (any other start stops before reaching it): the same windows as trying every start, without the walks
        // that cannot get there (a long run of unknown words spent most of understanding's time on those).
        const starts = [...(reach[p] ?? []), p];
        for (const fix of fixes) lookUp({ tokens: foldedTokens, typoAt: p, fix }, starts, found, work, { typoAt: p, typed: foldedTokens });
      }
      return best(found, foldedTokens.length);
    },
  };
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i;
}

/**
 * Longest first, so "lễ hội đền đô" wins over "đền đô"; one mask per kind, since "lớp quan họ" may name a
 * class and, inside it, the heritage "quan họ". Entries sharing one name are all kept (two classes called
 * "lớp quan họ").
 */
function best(found: Found[], length: number): CatalogMatches {
  found.sort((a, b) => b.score - a.score);
  const covered = new Map<CatalogEntry["kind"], Uint8Array>();
  const keptSpans = new Set<string>();
  const out: CatalogMatches = {};
  for (const f of found) {
    let mask = covered.get(f.kind);
    if (!mask) covered.set(f.kind, (mask = new Uint8Array(length)));
    const span = `${f.kind} ${f.start} ${f.size}`;
    if (!keptSpans.has(span) && mask.subarray(f.start, f.start + f.size).includes(1)) continue;
    keptSpans.add(span);
    mask.fill(1, f.start, f.start + f.size);
    const list = (out[KIND_FIELD[f.kind]] ??= []);
    if (!list.includes(f.id)) list.push(f.id);
  }
  return out;
}

/** Accents in the message, where present, must spell the name: "đến đó" is not "đền đô", "den do" may be. */
function accentsAgree(key: Key, accentedWindow: string, foldedWindow: string): boolean {
  if (key.accented.size === 0 || accentedWindow === foldedWindow) return true;
  return key.accented.has(accentedWindow);
}
