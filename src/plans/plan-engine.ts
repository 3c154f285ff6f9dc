/**
 * The plan engine: reads every pack's plans into the model, searches their passages and answers a question the
 * way it was asked, citing the plan as a citizen names it. Pure (no I/O after start-up), a few tenths of a
 * millisecond per question.
 *
 * @example
 * const plans = PlanEngine.fromPacks(library.packs.values());
 * plans.answer("ai lo số hóa di sản?", { lineage: ["tan-an", "bac-ninh"], language: "vi" }).text
 * // "Đơn vị chủ trì: Phòng Văn Hóa – Xã hội phường (phối hợp: …).\nTheo Kế hoạch … , Phụ lục “…”, nhiệm vụ 3 (…):\n“…”"
 */
import type { PlanFile } from "../content/schema/plan.js";
import { composeAnswer, composeHeader, composeNotCovered } from "./compose.js";
import type { PlanAnswer, PlanAskContext, PlanLanguage } from "./plan-answer.js";

import { readPlan, type PlanHeaderFacts, type PlanModel } from "./plan-model.js";
import { clauses, unitOf } from "./answer-lead.js";
import { PlanSearchIndex, isStopSyllable, type PlanHit } from "./plan-search.js";
import { syllables } from "./terms.js";
import type { QuestionShape } from "./question-type.js";
import { PlanQuestion } from "./plan-question.js";
import { fold } from "../nlu/fold.js";
import { normalize } from "../nlu/normalize.js";

/**
 * Below this coverage (share of the question's content weight found in a section) the plans do not answer the
 * question. Chosen with `npm run eval:answers -- --sweep` on the dev part and the author's working questions: 0.30–0.50
 * score the same there (114/125); the lower middle keeps covered questions from being refused, and the not-covered
 * cases are caught by what an answer needs (a figure about what is counted, a time, a unit, text not cut off).
 */
export const MIN_PLAN_COVERAGE = 0.4;

/** A pack as the engine reads it. */
export interface PlanSource {
  id: string;
  plans: readonly PlanFile[];
}

const PROVINCE_CUE = /\b(tinh|province|provincial|220)\b/;
/** A header question about the province's plan rather than the ward's own. */
const PROVINCE_PLAN = /\b(ke hoach (cua )?tinh|province'?s? plan|provincial plan)\b/;
/** How much more a later pack's plan must cover to answer instead of an earlier one that covers the question. */
const PARENT_MARGIN = 0.15;

/** A figure a how-many answer can give: digits or a percentage, not a year, a date, a list number or a document number. */
function hasFigure(text: string): boolean {
  const rest = text
    .replace(/^\s*\d+\.\s/, "")
    .replace(/ngày \d{1,2} tháng \d{1,2}|tháng \d{1,2}/g, "")
    .replace(/\b(19|20)\d\d\b/g, "")
    .replace(/\d+\/[\p{L}\d/.-]+/gu, "")
    .replace(/\b\d+-[\p{Lu}]+[\p{L}/-]*/gu, "");
  return /\d|%/.test(rest);
}
/** Folded question frames: the kind of answer asked for ("đơn vị nào", "bao lâu", "mấy lần", "là gì"). */
const QUESTION_FRAME = /(?<= )(don vi|co quan|ben|bo phan|phong|so|ban|nguoi|doan the|to chuc) (nao|gi)(?= )|(?<= )(bao lau|bao gio|khi nao|luc nao|o dau|tai dau|the nao|nhu the nao|ra sao|la gi|gom nhung gi|nhung gi|ke ten|mot lan|may lan|bao nhieu|la ai)(?= )/g;

/** Folded: questions about what no plan holds (a person's name, a phone, an email, an address, a fee or price). */
const NEVER_IN_PLANS = /\b((truong|pho|giam doc|chu tich)( [a-z]+){0,5} (ten (la )?(gi|ai)|la ai)|ho ten|ten (cua )?(truong|pho|giam doc|chu tich|can bo|nguoi)|(truong|pho) phong (la )?ai|giam doc (la )?ai|so dien thoai|dien thoai|hotline|email|dia chi (cua|o|tru so)|hoc phi|gia ve|ve vao cua|bao nhieu tien mot|phone number|email address|tuition|ticket price|entrance fee|who is the head|name of the (head|director|chief))\b/;

/** Folded: what a plan says after its tasks (funding, who is assigned, reporting). */
const AFTER_THE_TASKS = /\b(kinh phi|ngan sach|du toan|duoc giao|giao (cho )?(so|phong|don vi|co quan)|phan cong|to chuc thuc hien|chu tri|trach nhiem|funding|budget|assigned|responsible)\b/;

/** A passage that gives work to a unit. */
const ASSIGNS = /(chủ trì|phụ trách|đầu mối|chịu trách nhiệm|có trách nhiệm|phối hợp với|giao (cho )?(Sở|Phòng|Công an|UBND|Ủy ban|Trung tâm|Văn phòng))/i;

/** Folded duty verbs that frame a who-question ("ai lo", "bên nào cầm trịch", "who is responsible"). */
const WHO_FRAME = /(?<= )(chu tri|phu trach|chiu trach nhiem|trach nhiem|lo|dam nhiem|dam nhan|cam trich|dung ra|dau moi|lam chinh)(?= )/g;

/** A time or frequency in a clause. */
const TIME = /(trước ngày|hằng năm|hàng năm|mỗi năm|định kỳ|thường xuyên|\b(19|20)\d\d\b|\d{1,2}\/\d{1,2}|năm\/lần|lần\/(năm|tháng)|giai đoạn|cuối năm|hằng tháng|hàng tháng|hằng quý|ngày \d|tháng \d)/i;

/**
 * What a how-many question counts: the syllable after "bao nhiêu" / "mấy" ("mấy buổi", "bao nhiêu tỷ", "bao nhiêu %");
 * a figure answers only when its clause names it. Undefined when the question does not say.
 */
function countedNoun(folded: string, known: (term: string) => boolean): string | undefined {
  const m = ` ${folded} `.match(/ (?:bao nhieu|may) (?:(?:la|cai|con) )?([a-z]+)(?: ([a-z]+))?(?= )/);
  const noun = m?.[1];
  // "mấy năm một lần", "bao nhiêu lần": a frequency, answered by "03 năm/lần".
  if (!noun || COUNT_FRAME.has(noun)) return undefined;
  // "du khách" rather than "du" when the plans know the two syllables as a word.
  return m[2] && known(`${noun} ${m[2]}`) ? `${noun} ${m[2]}` : noun;
}
const COUNT_FRAME = new Set(["nam", "lan", "ngay", "thang", "phan", "tuan"]);

/** Whether a clause is about what was asked: it shares two of the question's content syllables (or its only one). */
function about(clause: string, asked: ReadonlySet<string>): boolean {
  const shared = new Set(syllables(clause).filter((w) => asked.has(w))).size;
  return shared >= Math.min(2, asked.size);
}

/** A how-many question that also asks which ones. */
const WHICH = /\b(nao|which|what are|name them)\b/;

export class PlanEngine {
  readonly models: PlanModel[];
  readonly index: PlanSearchIndex;
  /** The coverage below which the plans do not answer (MIN_PLAN_COVERAGE; the eval's --sweep varies it on dev data). */
  minCoverage = MIN_PLAN_COVERAGE;
  /** Folded place names of the plans' issuers ("tan an", "bac ninh"): they name the plan, not the question's topic. */
  readonly #places: RegExp;

  constructor(models: PlanModel[]) {
    this.models = models;
    this.index = new PlanSearchIndex(models);
    const places = new Set(["kon tum", "viet nam"]);
    for (const m of models) places.add(fold(m.header.issuer.replace(/^(UBND|Ủy ban nhân dân)\s+(tỉnh|huyện|phường|xã|thành phố)\s+/i, "")));
    // Plan numbers name the plan too ("kế hoạch 220 có nhắc ASEAN không").
    for (const m of models) if (m.header.number) places.add(m.header.number.split("/")[0]);
    this.#places = new RegExp(`\\b(${[...places].join("|")})\\b`, "g");
  }

  /**
   * The question as it is searched: teencode expanded ("dc ko" → "được không"), place names and question frames
   * ("đơn vị nào", "bao lâu … một lần": they say what kind of answer is wanted, not what about) taken out.
   */
  #searchText(question: string, english: boolean, shape?: QuestionShape): string {
    return this.#searchTexts(question, english, shape).folded;
  }

  /** The folded search text and the same text with its diacritics (position for position; see #searchText). */
  #searchTexts(question: string, english: boolean, shape?: QuestionShape): { folded: string; accented: string } {
    const accented = ` ${english ? question.toLowerCase() : normalize(question, { language: "vi" }).expanded} `.normalize("NFC");
    let folded = fold(accented);
    // Folding keeps NFC Vietnamese letter for letter, so a span found in the folded text is the same span with diacritics.
    if (folded.length !== accented.length) return { folded: this.#strip(folded, shape), accented: "" };
    const blank = (re: RegExp, f: string, a: string) => {
      let outF = f;
      let outA = a;
      for (const m of f.matchAll(re)) {
        const pad = " ".repeat(m[0].length);
        outF = outF.slice(0, m.index) + pad + outF.slice(m.index + m[0].length);
        outA = outA.slice(0, m.index) + pad + outA.slice(m.index + m[0].length);
      }
      return [outF, outA] as const;
    };
    let acc = accented;
    [folded, acc] = blank(this.#places, folded, acc);
    [folded, acc] = blank(QUESTION_FRAME, folded, acc);
    if (shape?.type === "who") [folded, acc] = blank(WHO_FRAME, folded, acc);
    return { folded, accented: acc };
  }

  #strip(folded: string, shape?: QuestionShape): string {
    const out = folded.replace(this.#places, " ").replace(QUESTION_FRAME, " ");
    return shape?.type === "who" ? out.replace(WHO_FRAME, " ") : out;
  }

  /** Build from content packs (each pack's own plans). */
  static fromPacks(packs: Iterable<PlanSource>): PlanEngine {
    return new PlanEngine([...packs].flatMap((pack) => pack.plans.map((file) => readPlan(pack.id, file))));
  }

  /** The plan headers of a pack. */
  headers(packId: string): PlanHeaderFacts[] {
    return this.models.filter((m) => m.header.packId === packId).map((m) => m.header);
  }

  /** The packs to search, in order: own first; the province first when a ward's question names the province. */
  #order(question: string, lineage: readonly string[]): string[] {
    const withPlans = lineage.filter((id) => this.headers(id).length > 0);
    if (withPlans.length > 1 && PROVINCE_CUE.test(fold(question))) {
      const own = this.headers(withPlans[0])[0];
      if (!/^UBND tỉnh/.test(own.issuer)) return [...withPlans.slice(1), withPlans[0]];
    }
    return withPlans;
  }

  /** The best passages for a question in one pack's plans. */
  search(question: string, packId: string, shape: QuestionShape, english: boolean, k = 6): PlanHit[] {
    return this.#search(new PlanQuestion(question, english, shape), packId, k);
  }

  /** A question as the engine reads it, for `evidence` and `answer` to share (see PlanQuestion). */
  question(asked: string, language: PlanLanguage): PlanQuestion {
    return new PlanQuestion(this.searchable(asked, language), language !== "vi");
  }

  #search(q: PlanQuestion, packId: string, k = 6): PlanHit[] {
    const { text: question, shape, english } = q;
    const scored = q.scored(() => {
      const text = this.#searchTexts(question, english, shape);
      return this.index.score(text.folded, { type: shape.type, frequency: shape.frequency, english, accented: text.accented || undefined });
    });
    const hits = scored.top([packId], k);
    // A how-many answer needs a figure: passages without one cannot answer it (never a number the plan lacks).
    // A who-answer needs a unit the plan gives the work to (a section's or row's unit, or "… chủ trì").
    // (Only where the text is cut off before its assignments: a whole plan may name the actor anywhere.)
    if (shape.type === "who" && this.headers(packId).some((h) => h.truncatedAfter)) return hits.filter((h) => h.passage.unit || ASSIGNS.test(h.passage.text));
    // "giao lưu với mấy nước, nước nào" asks for the list as well: a list answers it.
    if (shape.type === "how_many" && !WHICH.test(fold(question))) {
      const asked = this.#asked(question, english);
      // A share ("bao nhiêu %", "tỷ lệ") is answered by a percentage; a count by a number before what is counted.
      const share = /%|phan tram|ti le|ty le|percent|share/.test(fold(question));
      const counted = english || share ? undefined : countedNoun(normalize(question, { language: "vi" }).folded, (t) => this.index.knows(t));
      // The figure counts it: "01 sản phẩm", "100% cán bộ" (a number at most two syllables before the counted word).
      const names = (c: string) => !counted || new RegExp(`(^| )\\d+( [a-z]+){0,2} ${counted}( |$)`).test(syllables(c).join(" "));
      return hits.filter((h) => clauses(h.passage.text).some((c) => hasFigure(c) && about(c, asked) && names(c) && (!share || c.includes("%"))));
    }
    // A when-answer needs a time or a frequency said about what was asked.
    if (shape.type === "when") {
      const asked = this.#asked(question, english);
      return hits.filter((h) => (h.passage.row?.time && about(h.passage.text, asked)) || clauses(h.passage.text).some((c) => TIME.test(c) && about(c, asked)));
    }
    return hits;
  }

  /** A question as the engine searches it: Chinese and Korean put into English plan terms, others as written. */
  searchable(question: string, language: PlanLanguage): string {
    return language === "zh" || language === "ko" ? this.index.toEnglish(question, language) : question;
  }

  /** How well the plans of these packs answer a question (for routing between plans and content cards). */
  evidence(q: PlanQuestion, lineage: readonly string[]): { coverage: number; score: number; shape: QuestionShape } {
    const { text: question, shape } = q;
    let best = { coverage: 0, score: 0 };
    for (const packId of this.#order(question, lineage)) {
      const [hit] = this.#search(q, packId, 1);
      if (hit && hit.coverage > best.coverage) best = { coverage: hit.coverage, score: hit.score };
    }
    if (shape.type === "header") best.coverage = Math.max(best.coverage, 1);
    return { ...best, shape };
  }

  /**
   * Answer a question from the plans of the person's pack (and the packs it extends). Given the PlanQuestion that
   * routing read (made with `question(asked, ctx.language)`), the passages scored then are not scored again.
   */
  answer(asked: string | PlanQuestion, ctx: PlanAskContext): PlanAnswer {
    // A Chinese or Korean question is searched as an English one; the answer's lead is in the person's language.
    const q = typeof asked === "string" ? this.question(asked, ctx.language) : asked;
    const { text: question, english, shape } = q;
    const order = this.#order(question, ctx.lineage);
    const own = order.length ? this.headers(ctx.lineage[0]) : [];
    if (order.length === 0) return composeNotCovered(question, [], ctx.language, shape.type, 0, ctx.localities);

    if (shape.type === "header") {
      // The person's own plan, unless the question names another one ("kế hoạch 220", "kế hoạch của tỉnh").
      const own = this.headers(ctx.lineage.find((id) => this.headers(id).length > 0) ?? order[0])[0];
      const header = this.#namedPlan(question, order) ?? (PROVINCE_PLAN.test(fold(question)) ? this.headers(order[0])[0] : own);
      return composeHeader(header, shape.header ?? "title", ctx.language, header.packId !== ctx.lineage[0], ctx.localities);
    }

    // A plan cut off before its assignments and funding (004 after III.3) cannot say who is given what or what it costs.
    const cut = order.flatMap((id) => this.headers(id)).filter((h) => h.truncatedAfter);
    if (cut.length && cut.length === order.length && AFTER_THE_TASKS.test(fold(question))) {
      return composeNotCovered(question, cut, ctx.language, shape.type, 0, ctx.localities);
    }
    // What plans never hold: a person's name (they assign units), contact details, prices and fees.
    if (NEVER_IN_PLANS.test(fold(question))) return composeNotCovered(question, order.flatMap((id) => this.headers(id)), ctx.language, shape.type, 0, ctx.localities);

    // The first pack in order that covers the question answers; a later one only when it covers clearly more.
    let chosen: { packId: string; hits: PlanHit[] } | undefined;
    let best = 0;
    for (const packId of order) {
      const hits = this.#search(q, packId);
      const coverage = hits[0]?.coverage ?? 0;
      best = Math.max(best, coverage);
      if (coverage < this.minCoverage) continue;
      if (!chosen || coverage > chosen.hits[0].coverage + PARENT_MARGIN) chosen = { packId, hits };
    }
    if (chosen && shape.type === "who" && !unitOf(chosen.hits[0].passage)) {
      // A who-answer leads with a unit: a nearly as good passage that names one goes first.
      const withUnit = chosen.hits.find((h) => unitOf(h.passage) && h.score >= chosen!.hits[0].score * 0.6);
      if (withUnit) chosen.hits = [withUnit, ...chosen.hits.filter((h) => h !== withUnit)];
    }
    if (chosen) {
      const fromParent = chosen.packId !== ctx.lineage[0];
      const best = chosen.hits[0].passage;
      const section = this.index.passages.filter((p) => p.section === best.section);
      // The lead and the cut of a long passage look for the question's words: an English question's Vietnamese ones.
      const asked = english ? this.index.toVietnamese(question) : question;
      return composeAnswer(asked, chosen.hits, shape, ctx, { fromParent, ownPlans: fromParent ? own : [], section });
    }
    const searched = order.flatMap((id) => this.headers(id));
    return composeNotCovered(question, searched, ctx.language, shape.type, best, ctx.localities);
  }

  /** The question's content syllables (no stop syllables, no bare numbers). */
  #asked(question: string, english: boolean): Set<string> {
    return new Set(this.index.queryWords(this.#searchText(question, english), english).filter((w) => !isStopSyllable(w) && w.length > 1 && !/^\d+$/.test(w)));
  }

  /** A plan the question names by its number ("kế hoạch 220"). */
  #namedPlan(question: string, order: readonly string[]): PlanHeaderFacts | undefined {
    const digits = question.match(/\b\d{2,4}\b/g) ?? [];
    return order.flatMap((id) => this.headers(id)).find((h) => h.number && digits.some((d) => h.number!.startsWith(`${d}/`)));
  }
}
