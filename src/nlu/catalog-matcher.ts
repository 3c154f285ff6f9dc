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
import { tokenize } from "./cjk.js";
import { similarity } from "./natural-pieces.js";

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
const FUZZY_MIN_LENGTH = 6;
const FUZZY_MIN_SIMILARITY = 0.9;

/** Build the matcher (a few milliseconds for hundreds of names). */
export function createCatalogMatcher(catalog: readonly CatalogEntry[]): CatalogMatcher {
  const keys = new Map<string, Key>();
  const vocabulary = new Set<string>();
  const syllableDeletions = new Map<string, string[]>();
  const prefixes = new Set<string>();

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

  type Found = { id: string; kind: CatalogEntry["kind"]; score: number; start: number; size: number };

  /** Look up every window that starts like a name; `typoAt` ≥ 0 means only windows over that (fixed) syllable. */
  const exactPass = (folded: readonly string[], accented: readonly string[] | undefined, typoAt: number, found: Found[], typo = "") => {
    for (let start = 0; start < folded.length; start++) {
      if (!prefixes.has(folded[start]) || (typoAt >= 0 && start > typoAt)) continue;
      let window = "";
      for (let size = 1; start + size <= folded.length; size++) {
        window = size === 1 ? folded[start] : window + " " + folded[start + size - 1];
        if (!prefixes.has(window)) break;
        if (typoAt >= start + size) continue;
        const key = keys.get(window);
        if (!key) continue;
        let score = size * 10 - start * 0.01;
        if (typoAt >= 0) {
          const typed = folded.slice(start, start + size);
          typed[typoAt - start] = typo;
          if (window.replace(/ /g, "").length < FUZZY_MIN_LENGTH || similarity(typed.join(" "), window) < FUZZY_MIN_SIMILARITY) continue;
          score -= 5;
        } else if (accented && !accentsAgree(key, accented.slice(start, start + size).join(" "), window)) continue;
        for (const e of key.entries) found.push({ ...e, score, start, size });
      }
    }
  };

  /** Catalogue syllables one edit away from `token`, same first letter, Jaro–Winkler ≥ 0.7. */
  const syllableFixes = (token: string): string[] => {
    const out: string[] = [];
    const consider = (candidate: string) => {
      if (candidate[0] === token[0] && !out.includes(candidate) && similarity(candidate, token) >= 0.7) out.push(candidate);
    };
    for (const c of syllableDeletions.get(token) ?? []) consider(c); // token lacks a letter
    for (const variant of oneDeletion(token)) {
      if (vocabulary.has(variant)) consider(variant); // token has an extra letter
      for (const c of syllableDeletions.get(variant) ?? []) consider(c); // substitution or swap
    }
    return out;
  };

  for (const syllable of vocabulary) {
    if (syllable.length < 3) continue;
    for (const variant of oneDeletion(syllable)) {
      const list = syllableDeletions.get(variant) ?? [];
      list.push(syllable);
      syllableDeletions.set(variant, list);
    }
  }
  for (const key of keys.keys()) {
    const words = key.split(" ");
    for (let i = 1; i <= words.length; i++) prefixes.add(words.slice(0, i).join(" "));
  }

  return {
    vocabulary,
    match({ tokens, foldedTokens }) {
      const found: Found[] = [];
      exactPass(foldedTokens, tokens, -1, found);
      // One typo: a syllable unknown to the catalogue, one edit from a catalogue syllable with the same first
      // letter, is replaced and the names around it are looked up again (then confirmed by Jaro–Winkler).
      for (let p = 0; p < foldedTokens.length; p++) {
        const token = foldedTokens[p];
        if (token.length < 3 || vocabulary.has(token)) continue;
        for (const fix of syllableFixes(token)) {
          const variant = foldedTokens.slice();
          variant[p] = fix;
          exactPass(variant, undefined, p, found, token);
        }
      }
      // Longest first, so "lễ hội đền đô" wins over "đền đô"; one mask per kind, since "lớp quan họ" may name a
      // class and, inside it, the heritage "quan họ".
      found.sort((a, b) => b.score - a.score);
      const covered = new Map<CatalogEntry["kind"], Uint8Array>();
      const kept: typeof found = [];
      for (const f of found) {
        let mask = covered.get(f.kind);
        if (!mask) covered.set(f.kind, (mask = new Uint8Array(foldedTokens.length)));
        const free = !mask.subarray(f.start, f.start + f.size).includes(1);
        // Entries sharing one name are all kept (two classes called "lớp quan họ").
        if (free || kept.some((k) => k.kind === f.kind && k.start === f.start && k.size === f.size)) {
          kept.push(f);
          mask.fill(1, f.start, f.start + f.size);
        }
      }
      const out: CatalogMatches = {};
      for (const { id, kind } of kept) {
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

function oneDeletion(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== " ") out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}
