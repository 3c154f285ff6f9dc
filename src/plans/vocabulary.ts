/**
 * The plan vocabulary, as data: paraphrase groups (intents/plan-vocabulary/paraphrases.yaml) and the
 * English→Vietnamese glossary of plan terms (intents/plan-vocabulary/glossary-en.yaml). Read once.
 *
 * @example
 * const vocab = planVocabulary();
 * vocab.toVietnamese("Who is responsible for digitising relics?") // "ai chủ trì số hóa di tích?"
 */
import { readFileSync } from "node:fs";
import { parseYaml as parse } from "../cached-yaml.js";
import { fromPackageRoot } from "../package-root.js";
import { phraseTable, type PhraseTable } from "./terms.js";

/** The loaded vocabulary. */
export interface PlanVocabulary {
  phrases: PhraseTable;
  /** English plan terms replaced by the plans' Vietnamese words (longest first); other words stay. */
  toVietnamese(text: string): string;
  /** The same, as pieces: the plan terms put into Vietnamese (`vi`), and the English left between them. */
  toVietnameseParts(text: string): { text: string; vi: boolean }[];
  /** A Chinese or Korean question in the English glossary's words (then read as an English question); other words stay. */
  toEnglish(text: string, language: "zh" | "ko"): string;
  /** Chat abbreviations of plan words expanded ("sp ocop" → "sản phẩm ocop", "tdp" → "tổ dân phố"). */
  expandAbbreviations(text: string): string;
}

/** English question words, put into Vietnamese so the question type and the stop list see them. */
const ENGLISH_QUESTION_WORDS: [RegExp, string][] = [
  [/\bwhich (department|office|unit|agency|body|organi[sz]ation)s?\b/g, "đơn vị nào"],
  [/\bwho\b/g, "ai"],
];

export function loadPlanVocabulary(dir = fromPackageRoot("intents", "plan-vocabulary")): PlanVocabulary {
  const groups = (parse(readFileSync(`${dir}/paraphrases.yaml`, "utf8")) as { groups: string[][] }).groups;
  const glossary = (parse(readFileSync(`${dir}/glossary-en.yaml`, "utf8")) as { terms: Record<string, string | number> }).terms;
  const entries = withInflections(Object.entries(glossary).map(([en, vi]) => [en.toLowerCase(), String(vi)] as const)).sort((a, b) => b[0].length - a[0].length);
  // One alternation, longest first, on word boundaries: "digital transformation" wins over "digital".
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\p{L}'])(${entries.map(([en]) => escape(en)).join("|")})(?![\\p{L}'])`, "gu");
  const lookup = new Map(entries);
  const foreign = { zh: foreignGlossary(`${dir}/glossary-zh.yaml`), ko: foreignGlossary(`${dir}/glossary-ko.yaml`) };
  const abbreviations = new Map(Object.entries((parse(readFileSync(`${dir}/abbreviations.yaml`, "utf8")) as { terms: Record<string, string> }).terms));
  return {
    expandAbbreviations(text) {
      return text.replace(/[\p{L}\p{N}]+/gu, (w) => abbreviations.get(w.toLowerCase()) ?? w);
    },
    phrases: phraseTable(groups),
    toEnglish(text, language) {
      const { pattern: re, lookup: to } = foreign[language];
      // Words the glossary does not hold cannot match a Vietnamese plan: they are dropped, not searched.
      const english = text.replace(re, (m) => ` ${to.get(m) ?? m} `);
      return english.replace(/[\p{Script=Han}\p{Script=Hangul}]+/gu, " ").replace(/\s+/g, " ").trim();
    },
    toVietnamese(text) {
      return this.toVietnameseParts(text).map((p) => p.text).join(" ").replace(/\s+/g, " ").trim();
    },
    toVietnameseParts(text) {
      let out = text.toLowerCase();
      for (const [re, vi] of ENGLISH_QUESTION_WORDS) out = out.replace(re, vi);
      const parts: { text: string; vi: boolean }[] = [];
      let at = 0;
      for (const m of out.matchAll(pattern)) {
        parts.push({ text: out.slice(at, m.index), vi: false }, { text: lookup.get(m[0]) ?? m[0], vi: true });
        at = m.index + m[0].length;
      }
      parts.push({ text: out.slice(at), vi: false });
      return parts.filter((p) => p.text.trim());
    },
  };
}

/**
 * The glossary with the inflected forms of its entries' last word ("organise" → "organises", "organised",
 * "organising", "organize"…; "fund" → "funded", "funding"), so a question's verb forms find the same plan term.
 * A form the glossary lists itself keeps its own entry.
 */
export function withInflections(entries: readonly (readonly [string, string])[]): [string, string][] {
  const out = new Map<string, string>(entries.map(([en, vi]) => [en, vi]));
  for (const [en, vi] of entries) {
    const words = en.split(" ");
    const last = words[words.length - 1];
    if (!/^[a-z]{3,}$/.test(last)) continue;
    for (const form of inflections(last)) {
      const phrase = [...words.slice(0, -1), form].join(" ");
      if (!out.has(phrase)) out.set(phrase, vi);
    }
  }
  return [...out.entries()];
}

/** Regular English forms of a word (and the -ise/-ize spellings); over-generation is harmless: unused forms never match. */
function inflections(word: string): string[] {
  const forms = new Set<string>();
  const stems = new Set([word]);
  if (/is(e|es|ed|ing)$/.test(word)) stems.add(word.replace(/is(e|es|ed|ing)$/, "iz$1"));
  if (/iz(e|es|ed|ing)$/.test(word)) stems.add(word.replace(/iz(e|es|ed|ing)$/, "is$1"));
  for (const w of stems) {
    forms.add(w);
    if (w.endsWith("ing") || w.endsWith("ed") || w.endsWith("s")) continue;
    if (w.endsWith("e")) forms.add(`${w}s`).add(`${w}d`).add(`${w.slice(0, -1)}ing`);
    else if (/[^aeiou]y$/.test(w)) forms.add(`${w.slice(0, -1)}ies`).add(`${w.slice(0, -1)}ied`).add(`${w}ing`);
    else if (/(s|x|z|ch|sh)$/.test(w)) forms.add(`${w}es`).add(`${w}ed`).add(`${w}ing`);
    else forms.add(`${w}s`).add(`${w}ed`).add(`${w}ing`);
  }
  forms.delete(word);
  return [...forms];
}

/**
 * A zh/ko → English glossary as one alternation, longest first. No word boundaries: Chinese has no spaces and
 * Korean attaches particles ("보고서를"), so a term matches inside a longer run; terms are chosen long enough for that.
 */
function foreignGlossary(file: string): { pattern: RegExp; lookup: Map<string, string> } {
  const terms = (parse(readFileSync(file, "utf8")) as { terms: Record<string, string> }).terms;
  const entries = Object.entries(terms).sort((a, b) => b[0].length - a[0].length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return { pattern: new RegExp(entries.map(([k]) => escape(k)).join("|"), "gu"), lookup: new Map(entries) };
}

let shared: PlanVocabulary | undefined;

/** The repository's vocabulary, read on first use. */
export function planVocabulary(): PlanVocabulary {
  shared ??= loadPlanVocabulary();
  return shared;
}
