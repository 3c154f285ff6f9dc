/**
 * Fielded BM25 (BM25F) over plan passages: a passage's text, its heading path (part and section titles) and its
 * unit are fields with their own weights, on folded syllables, syllable pairs and paraphrase-group terms. A
 * passage's score adds a share of its whole section's score, so a question whose words are spread over the
 * bullets of one section still finds it, and a passage that holds what the question type asks for (a number, a
 * date or frequency, a unit) is preferred.
 *
 * Why not minisearch or another library: we need the share of the question found in a passage (`coverage`, the
 * "not covered" decision), terms that are syllable pairs and paraphrase groups, and per-question-type evidence; a
 * hundred lines over ~300 passages answer in well under a millisecond without a dependency.
 *
 * @example
 * const index = new PlanSearchIndex(models);
 * index.search("ai chủ trì số hóa di tích", { packIds: ["tan-an"] })[0].passage.sectionId // "appendix:3"
 */
import type { PlanModel, PlanPassage } from "./plan-model.js";
import type { QuestionType } from "./question-type.js";
import { ENGLISH_STOP, STOP_SYLLABLES, accentedSyllables, concepts, groupTerms, syllables, termsOf, type Concept } from "./terms.js";
import { planVocabulary, type PlanVocabulary } from "./vocabulary.js";

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

/** What to search. */
export interface PlanSearchOptions {
  packIds?: readonly string[];
  k?: number;
  /** The question's type: passages holding what it asks for rank higher. */
  type?: QuestionType;
  /** "How often" questions: passages with a frequency rank higher. */
  frequency?: boolean;
  /** "Kể tên …", "gồm những gì": passages that enumerate ("như: …, …, …") rank higher. */
  list?: boolean;
  /** The question with its diacritics (lower case), character for character the folded `question`. */
  accented?: string;
}

const K1 = 1.2;
const B = 0.75;
/** Field weights: text, heading path, unit. */
const WEIGHTS = { text: 1, heading: 1, unit: 1.5 } as const;
type Field = keyof typeof WEIGHTS;
/** Share of the section's score added to each of its passages. */
const SECTION_SHARE = 0.5;
/** Coverage weight of a question word that no plan uses. */
const UNKNOWN_WEIGHT = 2.5;
/** An English-looking word (no Vietnamese syllable ends like this): left untranslated, it cannot match a plan. */
const ENGLISH_WORD = /([bdfgjklpqrsvwxz]|[^aeiouy]{3,}|ee|oo|ea|ou)$|^[^aeiouy]*$|[wfjz]/;

/** Coverage credit of a question syllable found only outside the word the question uses (see `found`). */
const PART_CREDIT = Number(process.env.PARTC ?? 0.5);
/** Weight of the passage (against its whole section) in `coverage`. */
const PASSAGE_COVERAGE = 0.6;
/** Bonus for a unit's own section when the question names the unit. */
const UNIT_SECTION_BONUS = 0.5;
/** Weight of the preamble's score for questions that are not about the plan's header. */
const PREAMBLE_WEIGHT = 0.6;
/** The ranking multiplies a passage's score by (COVERAGE_FLOOR + its coverage). */
const COVERAGE_FLOOR = Number(process.env.COVF ?? 0.5);
/** Bonus for a passage holding what the question type asks for. */
const TYPE_BONUS = 0.3;

const EVIDENCE: Partial<Record<QuestionType, RegExp>> = {
  how_many: /\d|%|\b(một|hai|ba|bốn|năm|mười|trăm)\b/i,
  when: /(hằng|hàng|mỗi) (năm|tháng|quý)|định kỳ|trước ngày|\b(19|20)\d\d\b|giai đoạn|thường xuyên|\d+\/\d+|năm\/lần|lần\/(năm|tháng)/i,
  where: /(?<!\p{L})(tại|ở)(?!\p{L})|địa điểm|nhà văn hóa|di tích|trên địa bàn|trang thông tin|mạng xã hội/iu,
  who: /chủ trì|phụ trách|trách nhiệm|Phòng |Sở |Công an|UBND|Ủy ban|Trung tâm/,
};

/** A passage that enumerates: "như: A, B, C", "gồm …", or a run of commas and semicolons. */
const ENUMERATION = /(như|gồm|bao gồm|là|sau):\s|\(bao gồm|([^,;]{2,40}[,;] ){3,}/iu;

const FREQUENCY = /năm\/lần|lần\/(năm|tháng)|định kỳ|(hằng|hàng|mỗi) (năm|tháng|quý)|thường xuyên/i;

interface Doc {
  passage: PlanPassage;
  /** The unit's content syllables ("so", "ngoai", "vu"), and whether the section is titled by the unit. */
  unitWords: string[];
  ownSection: boolean;
  tf: Record<Field, Map<string, number>>;
  /** Every term of the passage's fields. */
  all: Set<string>;
  len: Record<Field, number>;
  section: number;
  /** Whether the passage holds a question type's evidence (EVIDENCE, FREQUENCY), tested once per passage, not per search. */
  holds: Map<RegExp, boolean>;
}

function holds(d: Doc, evidence: RegExp): boolean {
  let known = d.holds.get(evidence);
  if (known === undefined) d.holds.set(evidence, (known = evidence.test(d.passage.text)));
  return known;
}

function counts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** The search over the passages of some plans. Build once per content library. */
export class PlanSearchIndex {
  readonly passages: PlanPassage[];
  readonly #docs: Doc[];
  readonly #avg: Record<Field, number>;
  readonly #df = new Map<string, number>();
  readonly #sections: { tf: Map<string, number>; len: number }[] = [];
  readonly #sectionDf = new Map<string, number>();
  readonly #sectionAvg: number;
  readonly #vocab: PlanVocabulary;

  constructor(models: readonly PlanModel[], vocab: PlanVocabulary = planVocabulary()) {
    this.#vocab = vocab;
    this.passages = models.flatMap((m) => m.passages);
    const sectionIndex = new Map<string, number>();
    const sectionTerms: string[][] = [];
    this.#docs = this.passages.map((passage) => {
      const fields: Record<Field, string[]> = {
        text: this.#terms(passage.text),
        heading: this.#terms(passage.headingPath.join(" . ")),
        unit: passage.unit ? this.#terms(passage.unit) : [],
      };
      const sKey = `${passage.packId}/${passage.plan.planId}#${passage.sectionId}`;
      let section = sectionIndex.get(sKey);
      if (section === undefined) {
        section = sectionTerms.length;
        sectionIndex.set(sKey, section);
        sectionTerms.push([...fields.heading, ...fields.unit]);
      }
      sectionTerms[section].push(...fields.text);
      for (const t of new Set([...fields.text, ...fields.heading, ...fields.unit])) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
      const unitWords = passage.unit ? syllables(passage.unit).filter((w) => !STOP_SYLLABLES.has(w)) : [];
      const ownSection = !!passage.unit && syllables(passage.section.title).join(" ").startsWith(syllables(passage.unit).join(" "));
      return {
        passage,
        section,
        unitWords,
        ownSection,
        holds: new Map(),
        tf: { text: counts(fields.text), heading: counts(fields.heading), unit: counts(fields.unit) },
        all: new Set([...fields.text, ...fields.heading, ...fields.unit]),
        len: { text: fields.text.length, heading: fields.heading.length, unit: fields.unit.length },
      };
    });
    const n = Math.max(1, this.#docs.length);
    this.#avg = {
      text: this.#docs.reduce((s, d) => s + d.len.text, 0) / n || 1,
      heading: this.#docs.reduce((s, d) => s + d.len.heading, 0) / n || 1,
      unit: this.#docs.reduce((s, d) => s + d.len.unit, 0) / n || 1,
    };
    for (const terms of sectionTerms) {
      this.#sections.push({ tf: counts(terms), len: terms.length });
      for (const t of new Set(terms)) this.#sectionDf.set(t, (this.#sectionDf.get(t) ?? 0) + 1);
    }
    this.#sectionAvg = this.#sections.reduce((s, x) => s + x.len, 0) / Math.max(1, this.#sections.length) || 1;
  }

  /** A passage field's terms: folded terms and group terms, plus group terms read with diacritics. */
  #terms(text: string): string[] {
    return [...termsOf(syllables(text), this.#vocab.phrases), ...groupTerms(accentedSyllables(text), this.#vocab.phrases, true)];
  }

  /** How much a term says: its inverse document frequency over the passages (a term no plan uses weighs UNKNOWN_WEIGHT). */
  weight(term: string): number {
    const df = this.#df.get(term);
    return df === undefined ? UNKNOWN_WEIGHT : Math.log(1 + (this.#docs.length - df + 0.5) / (df + 0.5));
  }

  /** Whether some passage holds this term (a syllable, a pair "du khach", a group term). */
  knows(term: string): boolean {
    return this.#df.has(term);
  }

  /** Chat abbreviations of plan words expanded ("sp" → "sản phẩm"). */
  expandAbbreviations(text: string): string {
    return this.#vocab.expandAbbreviations(text);
  }

  /** An English question with its plan terms put into Vietnamese. */
  toVietnamese(question: string): string {
    return this.#vocab.toVietnamese(question);
  }

  /** A Chinese or Korean question in English plan terms (then searched as an English one). */
  toEnglish(question: string, language: "zh" | "ko"): string {
    return this.#vocab.toEnglish(question, language);
  }

  /** The question's syllables (English plan terms are put into Vietnamese first, English function words dropped). */
  queryWords(question: string, english = false): string[] {
    if (!english) return syllables(question);
    return syllables(this.#vocab.toVietnamese(question)).filter((w) => !ENGLISH_STOP.has(w));
  }

  /** The question's search terms. */
  queryTerms(question: string, english = false): string[] {
    return [...new Set(termsOf(this.queryWords(question, english), this.#vocab.phrases))];
  }

  /** The syllables with diacritics of a question typed with them, aligned with its folded syllables; else undefined. */
  #accentedWords(accented: string | undefined, words: readonly string[]): string[] | undefined {
    if (!accented) return undefined;
    const out = accentedSyllables(accented);
    if (out.length !== words.length || out.every((w, i) => w === words[i])) return undefined;
    return out;
  }

  /** Passages for a question, best first. */
  search(question: string, options: PlanSearchOptions & { english?: boolean } = {}): PlanHit[] {
    const words = this.queryWords(question, options.english);
    const accented = options.english ? undefined : this.#accentedWords(options.accented, words);
    const terms = [...new Set(termsOf(words, this.#vocab.phrases, accented))];
    if (terms.length === 0) return [];
    const packs = options.packIds ? new Set(options.packIds) : undefined;
    const N = this.#docs.length;
    const NS = this.#sections.length;
    const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    // Content weight of the question: its content syllables, each found as itself or as a paraphrase of its phrase.
    // A word no plan uses weighs like a moderately rare one: chat words ("nhé", "vụ", "cầm trịch") must not sink a
    // question on their own, while several unknown content words ("học phí", "xếp hạng") still do.
    const asked = concepts(words, this.#vocab.phrases, accented)
      .filter((c) => !(options.english && !this.#df.has(c.word) && /^[a-z]+$/.test(c.word) && c.alternatives.length === 1 && ENGLISH_WORD.test(c.word)))
      .map((c) => ({ ...c, weight: this.#df.has(c.word) ? idf(this.#df.get(c.word)!, N) : UNKNOWN_WEIGHT }));
    const totalWeight = asked.reduce((s, c) => s + c.weight, 0);

    const sectionScores = new Map<number, number>();
    const foundInSection = new Map<number, number>();
    const sectionScore = (i: number) => {
      let cached = sectionScores.get(i);
      if (cached !== undefined) return cached;
      const s = this.#sections[i];
      cached = 0;
      for (const t of terms) {
        const tf = s.tf.get(t);
        if (!tf) continue;
        const norm = tf / (1 - B + (B * s.len) / this.#sectionAvg);
        cached += idf(this.#sectionDf.get(t) ?? 0, NS) * (norm / (K1 + norm));
      }
      sectionScores.set(i, cached);
      return cached;
    };

    const askedWords = new Set(words);
    const evidence = options.frequency ? FREQUENCY : options.list ? ENUMERATION : options.type ? EVIDENCE[options.type] : undefined;
    const hits: PlanHit[] = [];
    for (const d of this.#docs) {
      if (packs && !packs.has(d.passage.packId)) continue;
      let score = 0;
      for (const t of terms) {
        let norm = 0;
        for (const f of ["text", "heading", "unit"] as const) {
          const tf = d.tf[f].get(t);
          if (tf) norm += (WEIGHTS[f] * tf) / (1 - B + (B * d.len[f]) / this.#avg[f]);
        }
        if (norm > 0) score += idf(this.#df.get(t) ?? 0, N) * (norm / (K1 + norm));
      }
      const whole = sectionScore(d.section);
      if (score === 0 && whole === 0) continue;
      score += SECTION_SHARE * whole;
      if ((evidence && holds(d, evidence)) || (options.type === "who" && d.passage.unit)) score *= 1 + TYPE_BONUS;
      // A question naming a unit ("Sở Ngoại vụ phải làm gì") is first about the unit's own section of the plan.
      if (d.ownSection && d.unitWords.length && d.unitWords.every((w) => askedWords.has(w))) score *= 1 + UNIT_SECTION_BONUS;
      // The preamble names every document and the plan's own title: it answers header questions, rarely others.
      if (d.passage.sectionId === "CC" && options.type !== "header") score *= PREAMBLE_WEIGHT;
      // Coverage: mostly what the passage itself (with its headings and unit) holds, partly what its section holds.
      let inPassage = 0;
      let inSection = 0;
      let sectionFound = foundInSection.get(d.section);
      if (sectionFound === undefined) {
        const sec = this.#sections[d.section].tf;
        sectionFound = 0;
        for (const c of asked) sectionFound += c.weight * found(c, sec);
        foundInSection.set(d.section, sectionFound);
      }
      for (const c of asked) inPassage += c.weight * found(c, d.all);
      inSection = sectionFound;
      const coverage = totalWeight > 0 ? (PASSAGE_COVERAGE * inPassage + (1 - PASSAGE_COVERAGE) * inSection) / totalWeight : 0;
      // A passage that holds more of what was asked ranks higher: repeated matches of one word must not outrank it.
      hits.push({ passage: d.passage, score: score * (COVERAGE_FLOOR + coverage), coverage, words: 0, doc: d } as PlanHit & { doc: Doc });
    }
    hits.sort((a, b) => b.score - a.score);
    const top = hits.slice(0, options.k ?? 5) as (PlanHit & { doc?: Doc })[];
    for (const h of top) {
      // The question's words the passage or its section holds as words (only for the hits returned).
      const d = h.doc!;
      const sec = this.#sections[d.section].tf;
      const has = (t: string) => d.all.has(t) || sec.has(t);
      const words = new Set<string>();
      for (const c of asked) {
        for (const t of c.pairs) if (has(t)) words.add(t);
        for (const t of c.groups) if (has(t)) words.add(t);
        if (c.pairs.length === 0 && has(c.word)) words.add(c.word);
      }
      h.words = words.size;
      delete h.doc;
    }
    return top;
  }
}

/**
 * How much of a question's syllable a passage holds: all of it when it has the syllable as part of the word the
 * question uses (a pair with a neighbour, or a paraphrase group), or the syllable stands alone in the question;
 * PART_CREDIT when the passage only has the syllable in other words ("giá" of "giá trị" for "giá đất").
 */
function found(c: Concept, terms: ReadonlySet<string> | ReadonlyMap<string, number>): number {
  if (!anyIn(c.alternatives, terms)) return 0;
  if (c.pairs.length === 0 || anyIn(c.groups, terms) || anyIn(c.pairs, terms)) return 1;
  return PART_CREDIT;
}

function anyIn(list: readonly string[], terms: ReadonlySet<string> | ReadonlyMap<string, number>): boolean {
  for (const t of list) if (terms.has(t)) return true;
  return false;
}

/** Whether a folded syllable is a stop syllable (exported for the question-type code). */
export const isStopSyllable = (s: string) => STOP_SYLLABLES.has(s);
