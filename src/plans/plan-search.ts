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
import { ScoredPassages, type PlanHit } from "./scored-passages.js";
import type { QuestionType } from "./question-type.js";
import { ENGLISH_STOP, STOP_SYLLABLES, accentedSyllables, concepts, syllables, termsOf, textGroupTerms } from "./terms.js";
import { planVocabulary, type PlanVocabulary } from "./vocabulary.js";
import { addGains, idf } from "./bm25f.js";
import { Postings } from "./postings.js";
import { TitleMatch } from "./title-match.js";
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
  readonly #postings: Postings;
  readonly #vocab: PlanVocabulary;

  constructor(models: readonly PlanModel[], vocab: PlanVocabulary = planVocabulary()) {
    this.#vocab = vocab;
    this.passages = models.flatMap((m) => m.passages);
    this.#postings = new Postings(this.passages, (text) => this.#terms(text), vocab.phrases);
  }

  /**
   * A passage field's terms: folded terms, group terms (read with diacritics) and its syllables that carry
   * diacritics as written ("~tiền"), which a question typed with them finds before a folded look-alike ("tiến").
   */
  #terms(text: string): string[] {
    const marked = accentedSyllables(text).filter((a) => fold(a) !== a).map(exactTerm);
    return [...termsOf(syllables(text)), ...textGroupTerms(text, this.#vocab.phrases), ...marked];
  }

  /** How much a term says: its inverse document frequency over the passages (a term no plan uses weighs UNKNOWN_WEIGHT). */
  weight(term: string): number {
    const df = this.#postings.df(term);
    return df === undefined ? UNKNOWN_WEIGHT : idf(df, this.#postings.docs.length);
  }

  /**
   * The question's content syllables a text holds as a paraphrase: each syllable of a group phrase of the question
   * ("chỉ tiêu") whose group the text uses in another phrase ("mục tiêu").
   */
  paraphrasedIn(question: string, english: boolean, text: string, frames: readonly RegExp[] = []): Set<string> {
    const inText = new Set(textGroupTerms(text, this.#vocab.phrases));
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
    return this.#postings.df(term) !== undefined;
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
    return this.#queryWords(question, english, frames).words;
  }

  /**
   * The question's syllables, and for an English one also the plan terms it was put into with their diacritics,
   * aligned with them ("progress" → "tiến độ", not "tiền"); `accented` is undefined for a Vietnamese question.
   */
  #queryWords(question: string, english: boolean, frames: readonly RegExp[]): { words: string[]; accented?: string[] } {
    if (!english) return { words: syllables(question) };
    // Question frames in the plan terms an English question was put into ("đơn vị nào", "chủ trì" of "in charge of")
    // say what kind of answer is wanted, as they do in a Vietnamese question, where they are taken out before searching.
    const unframed = (vi: string) => frames.reduce((t, re) => t.replace(re, " "), ` ${fold(vi)} `);
    // English function words are dropped from what is left in English only: "tổ" (tổ dân phố) and "an" (công an)
    // fold to "to" and "an", which are English stop words.
    const words: string[] = [];
    const accented: string[] = [];
    for (const p of this.#vocab.toVietnameseParts(question)) {
      if (!p.vi) {
        for (const w of syllables(unframed(p.text))) if (!ENGLISH_STOP.has(w)) words.push(w), accented.push(w);
        continue;
      }
      // Folding keeps NFC Vietnamese letter for letter: the frames' spans blanked in the folded text are blanked in the
      // text with diacritics too.
      const folded = unframed(p.text);
      const withMarks = ` ${p.text.normalize("NFC").toLowerCase()} `;
      const kept = folded.length === withMarks.length ? [...withMarks].map((ch, i) => (folded[i] === " " ? " " : ch)).join("") : folded;
      const f = syllables(folded);
      const a = accentedSyllables(kept);
      words.push(...f);
      accented.push(...(a.length === f.length ? a : f));
    }
    return { words, accented };
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
    const query = this.#queryWords(question, !!options.english, options.frames ?? []);
    const words = query.words;
    const accented = options.english ? differs(query.accented, words) : this.#accentedWords(options.accented, words);
    const terms = [...new Set(termsOf(words, this.#vocab.phrases, accented))];
    const { docs, sections, holdersOf } = this.#postings;
    const N = docs.length;
    // Content weight of the question: its content syllables, each found as itself or as a paraphrase of its phrase.
    // A word no plan uses weighs less than most plan words (UNKNOWN_WEIGHT): chat words and paraphrases ("nhé", "vụ",
    // "cầm trịch", "lộn xộn") must not sink a question its plan words are found for.
    const asked = concepts(words, this.#vocab.phrases, accented)
      .filter((c) => !(options.english && !this.knows(c.word) && /^[a-z]+$/.test(c.word) && c.alternatives.length === 1 && ENGLISH_WORD.test(c.word)))
      .map((c) => ({ ...c, weight: this.weight(c.word) }));
    const scores = new Float64Array(N);
    const found = new Uint8Array(N);
    if (terms.length === 0) return new ScoredPassages(docs, sections, scores, found, asked, holdersOf);

    // Sums in the question's term order, as a loop over the terms per passage would add them. A syllable typed with
    // diacritics is searched as written and folded, each for a share: a passage with "tiến" holds "tiền" only folded.
    const exact = accented ? exactSyllables(words, accented) : new Map<string, string>();
    const whole = new Float64Array(sections.length);
    const add = (t: string, factor: number) => {
      const gains = this.#postings.gainsOf(t);
      if (!gains) return;
      addGains(gains.passages, scores, factor);
      addGains(gains.sections, whole, factor);
    };
    for (const t of terms) add(t, exact.has(t) ? 1 - EXACT_SHARE : 1);
    for (const t of exact.values()) add(t, EXACT_SHARE);

    const askedWords = new Set(words);
    const askedGroups = new Set(terms.filter((t) => t.startsWith("@")).map((t) => t.replace(/'$/, "")));
    // Whether a unit's words are all asked (its name, or a paraphrase group of it): made once, not per passage.
    const named = (words: readonly { word: string; groups: readonly string[] }[]) =>
      words.length > 0 && words.every((u) => askedWords.has(u.word) || u.groups.some((g) => askedGroups.has(g)));
    const titles = options.type !== "who" ? new TitleMatch(asked, sections.length) : undefined;
    const evidence = options.frequency ? FREQUENCY : options.list ? ENUMERATION : options.type ? EVIDENCE[options.type] : undefined;
    for (let i = 0; i < N; i++) {
      const d = docs[i];
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
      if ((d.ownSection && named(d.unitWords)) || (d.members.length > 0 && d.members.some(named))) score *= 1 + UNIT_SECTION_BONUS;
      // A section titled by what was asked ("IV. Kinh phí thực hiện" for "tiền lấy ở đâu") answers it before a
      // section that mentions it among other things (a unit's duties that name money); "who" asks for a unit's section.
      if (titles && d.titleTerms.size) {
        const share = titles.share(d.section, d.titleTerms, this.#postings, i);
        if (share > 0) score *= 1 + TITLE_BONUS * share;
      }
      // The preamble names every document and the plan's own title: it answers header questions, rarely others.
      if (d.passage.sectionId === "CC" && options.type !== "header") score *= PREAMBLE_WEIGHT;
      scores[i] = score;
    }
    return new ScoredPassages(docs, sections, scores, found, asked, holdersOf);
  }
}

/** Bonus for a section whose own title holds all of the question's content weight (see `score`). */
const TITLE_BONUS = 1;

/** The syllables with diacritics when some differ from the folded ones (else undefined: nothing to tell apart). */
function differs(accented: string[] | undefined, words: readonly string[]): string[] | undefined {
  return accented && accented.length === words.length && accented.some((w, i) => w !== words[i]) ? accented : undefined;
}

/** Share of a syllable typed with diacritics that only a passage with the same diacritics gets (see `score`). */
const EXACT_SHARE = 0.5;

/** The term of a syllable as written with diacritics ("~tiền"). */
const exactTerm = (accentedSyllable: string) => `~${accentedSyllable}`;

/**
 * The content syllables of a question typed with diacritics that carry them, each with its exact term (folded
 * "tien" → "~tiền"); a syllable also typed without them somewhere in the question is searched folded only.
 */
function exactSyllables(words: readonly string[], accented: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const bare = new Set<string>();
  words.forEach((w, i) => {
    if (STOP_SYLLABLES.has(w)) return;
    if (accented[i] === w) bare.add(w);
    else if (!out.has(w)) out.set(w, exactTerm(accented[i]));
  });
  for (const w of bare) out.delete(w);
  return out;
}

/** Whether a folded syllable is a stop syllable (exported for the question-type code). */
export const isStopSyllable = (s: string) => STOP_SYLLABLES.has(s);
