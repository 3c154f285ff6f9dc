/**
 * The plan search's index: every passage as a document of fields (text, heading path, unit), the sections they make
 * up, and per term what it adds to each passage's BM25F score and each section's BM25 score (its postings), worked
 * out the first time a question has the term.
 *
 * @example
 * const postings = new Postings(passages, (text) => termsOf(syllables(text), phrases), phrases);
 * postings.gainsOf("so hoa")?.passages.at // the passages holding "số hóa"
 */
import type { PlanPassage } from "./plan-model.js";
import type { Field, Holders, PassageDoc as Doc } from "./scored-passages.js";
import { STOP_SYLLABLES, groupSpans, syllables, type PhraseTable } from "./terms.js";
import { B, K1, counts, fieldNorm, idf, type Gains } from "./bm25f.js";

/** One section's terms (its headings, unit and every passage's text). */
export interface SectionStats {
  tf: Map<string, number>;
  len: number;
}

export class Postings {
  readonly docs: Doc[];
  readonly sections: SectionStats[] = [];
  readonly #avg: Record<Field, number>;
  readonly #df = new Map<string, number>();
  readonly #sectionAvg: number;
  /** Per plan (by its order in `plans`): in how many of its passages and sections each term occurs, and how many it has. */
  readonly #planOf: Int32Array;
  readonly #sectionPlanOf: number[] = [];
  readonly #planDf = new Map<string, Int32Array>();
  readonly #planSectionDf = new Map<string, Int32Array>();
  readonly #planSize: Int32Array;
  readonly #planSections: Int32Array;
  /**
   * Per term some passage holds: what it adds to the score of each passage (BM25F) and section (BM25) holding it.
   * It depends on nothing asked, so it is worked out the first time a question has the term, then kept (at most
   * one entry per term of the plans; building them all up front would slow start-up).
   */
  readonly #gains = new Map<string, { passages: Gains; sections: Gains }>();
  /** Which passages and sections hold a term, per term of the plans (see holdersOf). */
  readonly #holders = new Map<string, Holders>();

  constructor(passages: readonly PlanPassage[], terms: (text: string) => string[], phrases: PhraseTable) {
    const sectionIndex = new Map<string, number>();
    const sectionTerms: string[][] = [];
    const plans = [...new Set(passages.map((p) => p.plan.planId))];
    this.#planOf = Int32Array.from(passages.map((p) => plans.indexOf(p.plan.planId)));
    this.#planSize = new Int32Array(plans.length);
    this.#planSections = new Int32Array(plans.length);
    const bump = (map: Map<string, Int32Array>, term: string, plan: number) => {
      let per = map.get(term);
      if (!per) map.set(term, (per = new Int32Array(plans.length)));
      per[plan]++;
    };
    this.docs = passages.map((passage) => {
      const names = unitNames(passage, phrases);
      const fields: Record<Field, string[]> = {
        text: terms(passage.text),
        heading: terms(passage.headingPath.join(" . ")),
        unit: passage.unit ? terms(passage.unit) : [],
      };
      const sKey = `${passage.packId}/${passage.plan.planId}#${passage.sectionId}`;
      let section = sectionIndex.get(sKey);
      const plan = plans.indexOf(passage.plan.planId);
      if (section === undefined) {
        section = sectionTerms.length;
        sectionIndex.set(sKey, section);
        sectionTerms.push([...fields.heading, ...fields.unit]);
        this.#sectionPlanOf.push(plan);
        this.#planSections[plan]++;
      }
      sectionTerms[section].push(...fields.text);
      this.#planSize[plan]++;
      for (const t of new Set([...fields.text, ...fields.heading, ...fields.unit])) {
        this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
        bump(this.#planDf, t, plan);
      }
      return {
        passage,
        section,
        ...names,
        // A section's own title, unless the title is its unit ("V.5. Phòng Tài chính" names who, not what) or a task
        // of the appendix table (a row sums up, with its lead unit and time, a task the plan's sections set out).
        titleTerms: new Set(names.ownSection || passage.row ? [] : terms(passage.section.title)),
        holds: new Map(),
        tf: { text: counts(fields.text), heading: counts(fields.heading), unit: counts(fields.unit) },
        all: new Set([...fields.text, ...fields.heading, ...fields.unit]),
        len: { text: fields.text.length, heading: fields.heading.length, unit: fields.unit.length },
      };
    });
    const n = Math.max(1, this.docs.length);
    this.#avg = {
      text: this.docs.reduce((s, d) => s + d.len.text, 0) / n || 1,
      heading: this.docs.reduce((s, d) => s + d.len.heading, 0) / n || 1,
      unit: this.docs.reduce((s, d) => s + d.len.unit, 0) / n || 1,
    };
    sectionTerms.forEach((t, i) => {
      this.sections.push({ tf: counts(t), len: t.length });
      for (const term of new Set(t)) {
        bump(this.#planSectionDf, term, this.#sectionPlanOf[i]);
      }
    });
    this.#sectionAvg = this.sections.reduce((s, x) => s + x.len, 0) / Math.max(1, this.sections.length) || 1;
  }

  /** The share of the i-th passage's plan's passages that hold a term (a plan's theme is in most of them). */
  planShare(term: string, i: number): number {
    const plan = this.#planOf[i];
    return (this.#planDf.get(term)?.[plan] ?? 0) / Math.max(1, this.#planSize[plan]);
  }

  /** In how many passages a term occurs (undefined when in none). */
  df(term: string): number | undefined {
    return this.#df.get(term);
  }

  /** What `term` adds to each passage and section holding it (see #gains); undefined when no passage holds it. */
  gainsOf(term: string): { passages: Gains; sections: Gains } | undefined {
    const known = this.#gains.get(term);
    if (known || !this.#df.has(term)) return known;
    // A term's rarity is read within the plan of the passage: each search is of one pack's plans, and a plan's
    // own theme ("hội nhập" in a ward's integration plan, "ngoại giao văn hóa" in a strategy's) is in most of its
    // passages, however rare it is in the others.
    const planDf = this.#planDf.get(term)!;
    const passages = { at: [] as number[], gain: [] as number[] };
    this.docs.forEach((d, i) => {
      const norm = fieldNorm(d, term, this.#avg);
      if (norm > 0) {
        const plan = this.#planOf[i];
        passages.at.push(i);
        passages.gain.push(idf(planDf[plan], this.#planSize[plan]) * (norm / (K1 + norm)));
      }
    });
    const sectionDf = this.#planSectionDf.get(term);
    const sections = { at: [] as number[], gain: [] as number[] };
    this.sections.forEach((s, i) => {
      const tf = s.tf.get(term);
      if (!tf || !sectionDf) return;
      const plan = this.#sectionPlanOf[i];
      const norm = tf / (1 - B + (B * s.len) / this.#sectionAvg);
      sections.at.push(i);
      sections.gain.push(idf(sectionDf[plan], this.#planSections[plan]) * (norm / (K1 + norm)));
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
  readonly holdersOf = (term: string): Holders => {
    const known = this.#holders.get(term);
    if (known) return known;
    const gains = this.gainsOf(term);
    const held = { passages: new Uint8Array(this.docs.length), sections: new Uint8Array(this.sections.length) };
    if (!gains) return held;
    for (const i of gains.passages.at) held.passages[i] = 1;
    for (const i of gains.sections.at) held.sections[i] = 1;
    this.#holders.set(term, held);
    return held;
  };
}

/** A label that names a role or a table column, not the members given duties. */
const FIELD_LABEL = /chủ trì|phối hợp|nội dung|thời gian|kết quả|sản phẩm/iu;

/** Folded syllables every unit's name may carry: they do not tell one unit from another. */
const GENERIC_UNIT: ReadonlySet<string> = new Set("uy ban nhan dan ubnd cac co quan don vi".split(" "));

/**
 * How a question names a passage's unit: the content syllables of the first unit its section lists ("Ủy ban MTTQ"
 * of "Ủy ban MTTQ và các tổ chức …"), each with the paraphrase groups it lies in ("mặt trận tổ quốc"); and whether the
 * section is headed by the unit ("V.3. Công an phường", "VI.4. Đề nghị Ủy ban MTTQ và …").
 */
/** The words that name a unit: its content syllables, each with the paraphrase groups it lies in, minus generic ones. */
function unitWordsOf(head: string[], phrases: PhraseTable): { word: string; groups: string[] }[] {
  const headGroups = groupSpans(head, phrases);
  const all = head.map((w, i) => ({ word: w, groups: headGroups.filter((g) => g.start <= i && i < g.end).map((g) => g.term) })).filter((u) => !STOP_SYLLABLES.has(u.word));
  const distinct = all.filter((u) => !GENERIC_UNIT.has(u.word));
  const named = distinct.length ? distinct : all;
  return named.length >= 2 || named.some((u) => u.groups.length) ? named : [];
}

function unitNames(passage: PlanPassage, phrases: PhraseTable): Pick<Doc, "unitWords" | "ownSection" | "members"> {
  const parts = passage.unit ? passage.unit.split(/,|\s(?:và|và các)\s/u).map((p) => syllables(p)) : [];
  let head = parts[0] ?? [];
  // A level of government named with the next one ("Ủy ban nhân dân các xã, thị trấn"): "xã" alone says too little.
  if (head.filter((w) => !STOP_SYLLABLES.has(w) && !GENERIC_UNIT.has(w)).length === 1 && parts[1] && parts[1].length <= 2) head = [...head, ...parts[1]];
  const headGroups = groupSpans(head, phrases);
  const all = head.map((w, i) => ({ word: w, groups: headGroups.filter((g) => g.start <= i && i < g.end).map((g) => g.term) })).filter((u) => !STOP_SYLLABLES.has(u.word));
  // People name a unit by what tells it apart ("xã, thị trấn", "văn hóa xã hội"), not by "Ủy ban nhân dân".
  const distinct = all.filter((u) => !GENERIC_UNIT.has(u.word));
  const named = distinct.length ? distinct : all;
  // One bare syllable ("quan" of "Các cơ quan") names no unit: "quản lý" would do.
  const unitWords = named.length >= 2 || named.some((u) => u.groups.length) ? named : [];
  const ownSection = !!passage.unit && ` ${syllables(passage.section.title).join(" ")} `.includes(` ${syllables(passage.unit).join(" ")} `);
  // A unit's section that gives its members their own duties ("- Hội Liên hiệp Phụ nữ, Đoàn Thanh niên, …: Lồng ghép
  // …", "- UBMTTQ phường: Vận động …"): each member named in the passage's label is the unit of that passage.
  // (Not a field's label: "Cơ quan chủ trì:", "Cơ quan phối hợp:", "Nội dung nhiệm vụ:" name a role, not a member.)
  const found = passage.unit ? passage.text.match(/^[-–•\s]*([^:.;]{3,160}):\s/u)?.[1] : undefined;
  // Each member is a name ("Hội …", "Đoàn …", "UBMTTQ …"), not a sentence leading into a list ("… du lịch như: …").
  const names = found && !FIELD_LABEL.test(found) ? found.split(",").map((m) => m.trim()) : [];
  const members = names.every((m) => /^\p{Lu}/u.test(m) && syllables(m).length <= 8) ? names.map((m) => unitWordsOf(syllables(m), phrases)).filter((m) => m.length) : [];
  return { unitWords, ownSection, members };
}
