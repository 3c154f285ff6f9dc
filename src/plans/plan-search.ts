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
import { fold } from "../nlu/fold.js";
import type { PlanModel, PlanPassage } from "./plan-model.js";
import { ScoredPassages, type Field, type Holders, type PassageDoc as Doc, type PlanHit } from "./scored-passages.js";
import type { QuestionType } from "./question-type.js";
import { ENGLISH_STOP, STOP_SYLLABLES, accentedSyllables, concepts, groupSpans, groupTerms, syllables, termsOf } from "./terms.js";
import { planVocabulary, type PlanVocabulary } from "./vocabulary.js";
import { B, K1, addGains, counts, fieldNorm, idf, type Gains } from "./bm25f.js";
import { APPROVAL_BONUS, ENUMERATION, EVIDENCE, FREQUENCY, GIVES_WORK, GIVES_WORK_BONUS, PREAMBLE_WEIGHT, SENT_TO, SUBMITTED, TYPE_BONUS, UNIT_SECTION_BONUS, holds } from "./ranking-cues.js";

export type { PlanHit } from "./scored-passages.js";

/** What to search. */
export interface PlanSearchOptions {
  packIds?: readonly string[];
  k?: number;
  /** The question's type: passages holding what it asks for rank higher. */
  type?: QuestionType;
  /** "How often" questions: passages with a frequency rank higher. */
  frequency?: boolean;
  /** The question with its diacritics (lower case), character for character the folded `question`. */
  accented?: string;
  /** "Kể tên …", "gồm những gì": passages that enumerate ("như: …, …, …") rank higher. */
  list?: boolean;
  /** An approval asked ("ai duyệt"): passages that submit something for approval ("trình … phê duyệt") rank higher. */
  approval?: boolean;
  /** A recipient asked ("gửi báo cáo cho ai"): passages that send something to a unit rank higher. */
  recipient?: boolean;
  /** Folded question frames taken out of the plan terms an English question is put into (see queryWords). */
  frames?: readonly RegExp[];
}

/** Share of the section's score added to each of its passages. */
const SECTION_SHARE = 0.5;
/**
 * Coverage weight of a question word that no plan uses: less than most plan words. An unknown word in a question
 * whose other words the plans hold is mostly a paraphrase ("bớt lộn xộn", "kêu", "cầm trịch"), not a topic the plans
 * lack; questions the plans do not answer are still caught by their plan words that match nothing, by NEVER_IN_PLANS
 * and by what an answer needs. Chosen with the eval's --sweep on dev + work (2.5 → 1: +2 right, no not-covered
 * question answered, 0 covered refused at the 0.30 cut-off).
 */
const UNKNOWN_WEIGHT = 1;
/** An English-looking word (no Vietnamese syllable ends like this): left untranslated, it cannot match a plan. */
const ENGLISH_WORD = /([bdfgjklpqrsvwxz]|[^aeiouy]{3,}|ee|oo|ea|ou)$|^[^aeiouy]*$|[wfjz]/;

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
  /**
   * Per term some passage holds: what it adds to the score of each passage (BM25F) and section (BM25) holding it.
   * It depends on nothing asked, so it is worked out the first time a question has the term, then kept (at most
   * one entry per term of the plans; building them all up front would slow start-up).
   */
  readonly #gains = new Map<string, { passages: Gains; sections: Gains }>();

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
      // A unit is named by the first of the units its section lists ("Ủy ban MTTQ" of "Ủy ban MTTQ và các tổ chức …"),
      // as itself or a paraphrase ("mặt trận tổ quốc"): each syllable is asked, or lies in a group phrase the question has.
      const head = passage.unit ? syllables(passage.unit.split(/,|\s(?:và|và các)\s/u)[0]) : [];
      const headGroups = groupSpans(head, this.#vocab.phrases);
      const named = head.map((w, i) => ({ word: w, groups: headGroups.filter((g) => g.start <= i && i < g.end).map((g) => g.term) })).filter((u) => !STOP_SYLLABLES.has(u.word));
      // One bare syllable ("quan" of "Các cơ quan") names no unit: "quản lý" would do.
      const unitWords = named.length >= 2 || named.some((u) => u.groups.length) ? named : [];
      // The section the unit heads: "V.3. Công an phường", "VI.4. Đề nghị Ủy ban MTTQ và …".
      const ownSection = !!passage.unit && ` ${syllables(passage.section.title).join(" ")} `.includes(` ${syllables(passage.unit).join(" ")} `);
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

  /** What `term` adds to each passage and section holding it (see #gains); undefined when no passage holds it. */
  #gainsOf(term: string): { passages: Gains; sections: Gains } | undefined {
    const known = this.#gains.get(term);
    if (known || !this.#df.has(term)) return known;
    const N = this.#docs.length;
    const passages = { at: [] as number[], gain: [] as number[] };
    this.#docs.forEach((d, i) => {
      const norm = fieldNorm(d, term, this.#avg);
      if (norm > 0) {
        passages.at.push(i);
        passages.gain.push(idf(this.#df.get(term) ?? 0, N) * (norm / (K1 + norm)));
      }
    });
    const NS = this.#sections.length;
    const sections = { at: [] as number[], gain: [] as number[] };
    this.#sections.forEach((s, i) => {
      const tf = s.tf.get(term);
      if (!tf) return;
      const norm = tf / (1 - B + (B * s.len) / this.#sectionAvg);
      sections.at.push(i);
      sections.gain.push(idf(this.#sectionDf.get(term) ?? 0, NS) * (norm / (K1 + norm)));
    });
    const typed = (g: { at: number[]; gain: number[] }): Gains => ({ at: Int32Array.from(g.at), gain: Float64Array.from(g.gain) });
    const gains = { passages: typed(passages), sections: typed(sections) };
    this.#gains.set(term, gains);
    return gains;
  }

  /**
   * Which passages and sections hold a term (for coverage): read off its postings (#gains), kept per term of the
   * plans; a term no plan holds is held nowhere (not kept: questions bring words without end).
   */
  readonly #holders = new Map<string, Holders>();
  readonly #holdersOf = (term: string): Holders => {
    const known = this.#holders.get(term);
    if (known) return known;
    const gains = this.#gainsOf(term);
    const held = { passages: new Uint8Array(this.#docs.length), sections: new Uint8Array(this.#sections.length) };
    if (!gains) return held;
    for (const i of gains.passages.at) held.passages[i] = 1;
    for (const i of gains.sections.at) held.sections[i] = 1;
    this.#holders.set(term, held);
    return held;
  };

  /** A passage field's terms: folded terms and group terms, plus group terms read with diacritics. */
  #terms(text: string): string[] {
    return [...termsOf(syllables(text), this.#vocab.phrases), ...groupTerms(accentedSyllables(text), this.#vocab.phrases, true)];
  }

  /** How much a term says: its inverse document frequency over the passages (a term no plan uses weighs UNKNOWN_WEIGHT). */
  weight(term: string): number {
    const df = this.#df.get(term);
    return df === undefined ? UNKNOWN_WEIGHT : idf(df, this.#docs.length);
  }

  /**
   * The question's content syllables a text holds as a paraphrase: each syllable of a group phrase of the question
   * ("chỉ tiêu") whose group the text uses in another phrase ("mục tiêu").
   */
  paraphrasedIn(question: string, english: boolean, text: string, frames: readonly RegExp[] = []): Set<string> {
    const inText = new Set(groupTerms(syllables(text), this.#vocab.phrases));
    const out = new Set<string>();
    for (const c of concepts(this.queryWords(question, english, frames), this.#vocab.phrases)) if (c.groups.some((g) => inText.has(g))) out.add(c.word);
    return out;
  }

  /** Chat abbreviations of plan words expanded ("sp" → "sản phẩm"). */
  expandAbbreviations(text: string): string {
    return this.#vocab.expandAbbreviations(text);
  }

  /** Whether some passage holds this term (a syllable, a pair "du khach", a group term). */
  knows(term: string): boolean {
    return this.#df.has(term);
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
  queryWords(question: string, english = false, frames: readonly RegExp[] = []): string[] {
    if (!english) return syllables(question);
    // Question frames in the plan terms an English question was put into ("đơn vị nào", "chủ trì" of "in charge of")
    // say what kind of answer is wanted, as they do in a Vietnamese question, where they are taken out before searching.
    const unframed = (vi: string) => frames.reduce((t, re) => t.replace(re, " "), ` ${fold(vi)} `);
    // English function words are dropped from what is left in English only: "tổ" (tổ dân phố) and "an" (công an)
    // fold to "to" and "an", which are English stop words.
    return this.#vocab.toVietnameseParts(question).flatMap((p) => (p.vi ? syllables(unframed(p.text)) : syllables(unframed(p.text)).filter((w) => !ENGLISH_STOP.has(w))));
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
    return this.score(question, options).top(options.packIds, options.k ?? 5);
  }

  /**
   * Every passage scored for a question, once: the best of any packs are then read from it (`top`), so the
   * evidence for routing and the answer of one message share one scoring.
   */
  score(question: string, options: Omit<PlanSearchOptions, "packIds" | "k"> & { english?: boolean } = {}): ScoredPassages {
    const words = this.queryWords(question, options.english, options.frames);
    const accented = options.english ? undefined : this.#accentedWords(options.accented, words);
    const terms = [...new Set(termsOf(words, this.#vocab.phrases, accented))];
    const N = this.#docs.length;
    // Content weight of the question: its content syllables, each found as itself or as a paraphrase of its phrase.
    // A word no plan uses weighs less than most plan words (UNKNOWN_WEIGHT): chat words and paraphrases ("nhé", "vụ",
    // "cầm trịch", "lộn xộn") must not sink a question its plan words are found for.
    const asked = concepts(words, this.#vocab.phrases, accented)
      .filter((c) => !(options.english && !this.#df.has(c.word) && /^[a-z]+$/.test(c.word) && c.alternatives.length === 1 && ENGLISH_WORD.test(c.word)))
      .map((c) => ({ ...c, weight: this.#df.has(c.word) ? idf(this.#df.get(c.word)!, N) : UNKNOWN_WEIGHT }));
    const scores = new Float64Array(N);
    const found = new Uint8Array(N);
    if (terms.length === 0) return new ScoredPassages(this.#docs, this.#sections, scores, found, asked, this.#holdersOf);

    // Sums in the question's term order, as a loop over the terms per passage would add them.
    const whole = new Float64Array(this.#sections.length);
    for (const t of terms) {
      const gains = this.#gainsOf(t);
      if (!gains) continue;
      addGains(gains.passages, scores);
      addGains(gains.sections, whole);
    }

    const askedWords = new Set(words);
    const askedGroups = new Set(terms.filter((t) => t.startsWith("@")).map((t) => t.replace(/'$/, "")));
    const evidence = options.frequency ? FREQUENCY : options.list ? ENUMERATION : options.type ? EVIDENCE[options.type] : undefined;
    for (let i = 0; i < N; i++) {
      const d = this.#docs[i];
      let score = scores[i];
      const sectionScore = whole[d.section];
      if (score === 0 && sectionScore === 0) continue;
      found[i] = 1;
      score += SECTION_SHARE * sectionScore;
      if ((evidence && holds(d, evidence)) || (options.type === "who" && d.passage.unit)) score *= 1 + TYPE_BONUS;
      // The words that give the unit its work ("Chủ trì, phối hợp … ứng dụng khoa học công nghệ", "Làm đầu mối …")
      // answer "who" before a bullet of the same unit's section that only goes on about it.
      if (options.type === "who" && d.passage.unit && holds(d, GIVES_WORK)) score *= 1 + GIVES_WORK_BONUS;
      // "Ai duyệt kế hoạch hằng năm": where the plan says who it is submitted to, not where it was approved before.
      if (options.approval && holds(d, SUBMITTED)) score *= 1 + APPROVAL_BONUS;
      // "Gửi báo cáo cho ai": where the plan says where reports or problems go.
      if (options.recipient && holds(d, SENT_TO)) score *= 1 + APPROVAL_BONUS;
      // A question naming a unit ("Sở Ngoại vụ phải làm gì") is first about the unit's own section of the plan.
      if (d.ownSection && d.unitWords.length && d.unitWords.every((u) => askedWords.has(u.word) || u.groups.some((g) => askedGroups.has(g)))) score *= 1 + UNIT_SECTION_BONUS;
      // The preamble names every document and the plan's own title: it answers header questions, rarely others.
      if (d.passage.sectionId === "CC" && options.type !== "header") score *= PREAMBLE_WEIGHT;
      scores[i] = score;
    }
    return new ScoredPassages(this.#docs, this.#sections, scores, found, asked, this.#holdersOf);
  }
}

/** Whether a folded syllable is a stop syllable (exported for the question-type code). */
export const isStopSyllable = (s: string) => STOP_SYLLABLES.has(s);
