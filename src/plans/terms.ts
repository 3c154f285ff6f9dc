/**
 * Search terms for plan retrieval: folded syllables, pairs of adjacent syllables, and paraphrase groups.
 *
 * Vietnamese words are mostly two syllables ("lễ hội", "quan họ"), so syllable pairs carry most of the meaning
 * while single syllables keep partial matches. Everything is folded first, so "le hoi" and "lễ hội" give the same
 * terms. A phrase of a paraphrase group ("kinh phí", "tiền", "ngân sách") adds the group's term "@3", so a question
 * and a passage that word the same thing differently still meet.
 *
 * @example termsOf(syllables("Ai lo kinh phí?"), vocab) // ["lo", "kinh", "phi", "lo kinh", "kinh phi", "@1", "@0"]
 */
import { fold } from "../nlu/fold.js";

// ===  Syllables  ===

/**
 * Folded syllables that say nothing about content on their own (question words, pronouns, particles).
 * They are dropped as single terms only: "co quan" (cơ quan) survives as a pair although "co" (có) is here.
 * "hoi" is deliberately absent: folded, "hỏi" (ask) and "hội" (festival, association) are the same.
 */
export const STOP_SYLLABLES: ReadonlySet<string> = new Set(
  (
    "a ah ak ai anh ban bao cho chi chu co cua cung da dang dau de den do duoc em gi gio hay hoac khi khong " +
    "la lam ma minh mot muon nao nay nhe nhi nhieu nhu nhung o oi ra rat sao se the thi toi tu va vao vay ve voi xin " +
    "cac ke hoach theo trong tren phai biet cho nhe a u vui long giup " +
    // chat fillers and the words that only say "the plan mentions": "ad", "vậy", "nói chung", "nhắc tới"
    "ad ah ha ho nha nhi vay ay cai noi nhac toi nham de cap dc k ko hem roi luon nua thoi viec may lan 1 01 ten vai neu lay " +
    // administrative levels: the place itself is stripped (see stripPlaces), the level word says nothing
    // ("thị trấn" stays a word: "xã, thị trấn" are units of a district's plan)
    "phuong huyen tinh thi"
  ).split(" "),
);

/** Folded syllables of a text, in order (letters and digits; "25/10" gives "25" and "10"). */
export function syllables(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** English function words: dropped from an English question after its plan terms are put into Vietnamese. */
export const ENGLISH_STOP: ReadonlySet<string> = new Set(
  (
    "the a an of in on at for to from is are was were be been does do did what which how many much say says said about " +
    "its it this that these those with by must have has had will would can could should there their they we our you your " +
    "any some all and or but if then than so as into under over plan plans ward district province provincial city please " +
    "me i my tell know want there s me " +
    // left over after the glossary: question words and fillers ("by when are the targets supposed to be met")
    "when where why whom whose supposed expected planned going get gets got also still yet ever exactly really " +
    "actually just like such more most very other each every any anything something kind sort way ways"
  ).split(" "),
);

// ===  Paraphrase groups  ===

/**
 * Lower-case syllables with their diacritics, aligned one to one with `syllables(text)`. The tone of a final "oa",
 * "oe", "uy" is put on its last vowel, as both spellings are in use and the plans mix them ("văn hóa" and "văn hoá",
 * "Ủy ban" and "Uỷ ban"): one spelling, one term.
 */
export function accentedSyllables(text: string): string[] {
  return (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(oneToneSpelling);
}

const TONE = "[\u0300\u0301\u0303\u0309\u0323]";
const TONE_BEFORE_LAST = new RegExp(`(o)(${TONE})([ae])$|(u)(${TONE})(y)$`, "u");

function oneToneSpelling(syllable: string): string {
  const d = syllable.normalize("NFD");
  if (!TONE_BEFORE_LAST.test(d)) return syllable;
  return d.replace(TONE_BEFORE_LAST, (_m, o, t1, ae, u, t2, y) => (o ? `${o}${ae}${t1}` : `${u}${y}${t2}`)).normalize("NFC");
}

/**
 * The group terms of the phrases a plan's text uses, both folded ("@3") and with diacritics ("@3'"), matched on its
 * diacritics: the plans are written with them, so "tiến độ" or "ưu tiên" never gives the money group of "tiền", even
 * to a question typed without diacritics.
 */
export function textGroupTerms(text: string, table: PhraseTable): string[] {
  const accented = groupTerms(accentedSyllables(text), table, true);
  return [...accented.map((t) => t.replace(/'$/, "")), ...accented];
}

type Phrases = Map<string, { words: string[]; term: string }[]>;

/**
 * Phrases indexed by their first syllable, each with its group's term: folded ("@3", matched on text typed without
 * diacritics) and with diacritics ("@3'", so a question typed with them keeps "tiền" (money) apart from "tiến độ").
 */
export interface PhraseTable {
  byFirst: Phrases;
  accented: Phrases;
}

/** Build the table from groups of phrases; group i gives the terms "@i" (folded) and "@i'" (with diacritics). */
export function phraseTable(groups: readonly (readonly string[])[]): PhraseTable {
  const byFirst: Phrases = new Map();
  const accented: Phrases = new Map();
  const add = (map: Phrases, words: string[], term: string) => {
    if (words.length === 0) return;
    const list = map.get(words[0]) ?? [];
    list.push({ words, term });
    map.set(words[0], list);
  };
  groups.forEach((group, i) => {
    for (const phrase of group) {
      add(byFirst, syllables(phrase), `@${i}`);
      add(accented, accentedSyllables(phrase), `@${i}'`);
    }
  });
  return { byFirst, accented };
}

/** Where the phrases of a table occur in a syllable sequence: the group term and the syllables it spans. */
export function groupSpans(words: readonly string[], table: PhraseTable, accented = false): { term: string; start: number; end: number }[] {
  const spans: { term: string; start: number; end: number }[] = [];
  const map = accented ? table.accented : table.byFirst;
  for (let i = 0; i < words.length; i++) {
    for (const phrase of map.get(words[i]) ?? []) {
      let ok = i + phrase.words.length <= words.length;
      for (let j = 1; ok && j < phrase.words.length; j++) ok = words[i + j] === phrase.words[j];
      if (ok) spans.push({ term: phrase.term, start: i, end: i + phrase.words.length });
    }
  }
  return spans;
}

/** The group terms of the phrases found in a syllable sequence, each once. */
export function groupTerms(words: readonly string[], table: PhraseTable, accented = false): string[] {
  return [...new Set(groupSpans(words, table, accented).map((s) => s.term))];
}

/**
 * What a question asks about, for coverage: each content syllable with the group terms of the phrases it is part
 * of, so "tiền" is found in a passage that says "kinh phí".
 */
export function concepts(words: readonly string[], table: PhraseTable, accentedWords?: readonly string[]): Concept[] {
  const spans = accentedWords ? groupSpans(accentedWords, table, true) : groupSpans(words, table);
  const out: Concept[] = [];
  const seen = new Set<string>();
  const content = (w: string | undefined) => w !== undefined && !STOP_SYLLABLES.has(w);
  words.forEach((word, i) => {
    if (STOP_SYLLABLES.has(word) || seen.has(word)) return;
    seen.add(word);
    const pairs: string[] = [];
    if (content(words[i - 1])) pairs.push(`${words[i - 1]} ${word}`);
    if (content(words[i + 1])) pairs.push(`${word} ${words[i + 1]}`);
    const groups = spans.filter((s) => s.start <= i && i < s.end).map((s) => s.term);
    // Typed with diacritics, a one-syllable paraphrase ("tiền") is found as its group or a pair, not as a bare folded
    // syllable ("tiên" of "ưu tiên", "tiến" of "tiến độ").
    // (Only for a one-syllable phrase: the syllables of a longer one say enough on their own.)
    const strict = !!accentedWords && groups.length > 0 && spans.filter((s) => s.start <= i && i < s.end).every((s) => s.end - s.start === 1);
    out.push({ word, alternatives: strict ? groups : [word, ...groups], pairs, groups });
  });
  return out;
}

/**
 * A content syllable of a question: itself or a paraphrase group it is part of (`alternatives`), and the pairs it
 * forms with its content neighbours (`pairs`): "giá đất" is a word, and a passage with "giá trị" and "đất nước" has
 * both syllables but not the word.
 */
export interface Concept {
  word: string;
  alternatives: string[];
  pairs: string[];
  groups: string[];
}

// ===  Terms  ===

/**
 * Single syllables (minus stop syllables), pairs (unless both are stop syllables) and group terms: from the
 * syllables with diacritics when they are given (`accentedWords`, aligned with `words`), else folded.
 */
export function termsOf(words: readonly string[], table?: PhraseTable, accentedWords?: readonly string[]): string[] {
  const terms = words.filter((w) => !STOP_SYLLABLES.has(w));
  for (let i = 0; i + 1 < words.length; i++) {
    if (STOP_SYLLABLES.has(words[i]) && STOP_SYLLABLES.has(words[i + 1])) continue;
    terms.push(`${words[i]} ${words[i + 1]}`);
  }
  if (table) terms.push(...(accentedWords ? groupTerms(accentedWords, table, true) : groupTerms(words, table)));
  return terms;
}
