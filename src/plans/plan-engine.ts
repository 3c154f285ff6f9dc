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
import { composeAnswer, composeNotCovered } from "./compose.js";
import { composeHeader } from "./compose-header.js";
import type { PlanAnswer, PlanAskContext, PlanLanguage } from "./plan-answer.js";

import { readPlan, type PlanHeaderFacts, type PlanModel, type PlanPassage } from "./plan-model.js";
import { unitOf } from "./answer-lead.js";
import { PlanSearchIndex, type PlanHit } from "./plan-search.js";
import { syllables } from "./terms.js";
import type { QuestionShape } from "./question-type.js";
import { PlanQuestion } from "./plan-question.js";
import { asksAfterTheTasks } from "./cut-off.js";
import { UNIT_DUTIES, NEVER_IN_PLANS, QUESTION_FRAME, WHO_FRAME } from "./answer-needs.js";
import { fold } from "../nlu/fold.js";
import { PROVINCE_PLAN, PROVINCE_PLAN_LOOSE, namesProvince } from "./province-cues.js";
import { bySection } from "./section-support.js";
import { QuestionTexts } from "./question-texts.js";
import { TypeNeeds } from "./type-needs.js";
import { cutForUnderstanding } from "../nlu/text-limit.js";

/**
 * Below this coverage (share of the question's content weight found in a section) the plans do not answer the
 * question. Chosen with `npm run eval:answers -- --sweep` on the dev part and the author's working questions: 0.30–0.50
 * score the same there (114/125); the lower middle keeps covered questions from being refused, and the not-covered
 * cases are caught by what an answer needs (a figure about what is counted, a time, a unit, text not cut off).
 */
export const MIN_PLAN_COVERAGE = 0.3;

/** How well the plans answer a question, for routing (see `PlanEngine.evidence`). */
export interface PlanEvidence {
  /** Coverage of the passage that would answer (0 when none holds what the question's type needs). */
  coverage: number;
  score: number;
  /** The question's words that passage holds as words (PlanHit.words). */
  words: number;
  /** The best coverage of any passage, whatever the type needs: how much the plans talk about the question. */
  topic: number;
  topicWords: number;
  /** The question asks what plans never hold (a person's name, a phone, a fee): answered "not covered". */
  neverInPlans?: boolean;
  shape: QuestionShape;
}

/** A pack as the engine reads it. */
export interface PlanSource {
  id: string;
  plans: readonly PlanFile[];
}

/** How much more a later pack's plan must cover to answer instead of an earlier one that covers the question. */
const PARENT_MARGIN = 0.15;

/**
 * How much of a message is searched as a question: the plan search's work grows with the question's words (every
 * word is scored against every field, its type read, its frames blanked), and a question is a sentence or two. A
 * 2,000-character text (what understanding reads of a longer one) cost 5–30 ms here, most of a message's budget.
 */
export const PLAN_QUESTION_CHARS = 400;

/** Passages ranked for routing evidence (the answer ranks as many). */
const EVIDENCE_K = 6;
/** Passages ranked for a what-answer: its section's support is read from them (bySection). */
const WHAT_K = 10;

export class PlanEngine {
  readonly models: PlanModel[];
  readonly index: PlanSearchIndex;
  /** The coverage below which the plans do not answer (MIN_PLAN_COVERAGE; the eval's --sweep varies it on dev data). */
  minCoverage = MIN_PLAN_COVERAGE;
  /** The question as searched (frames and places out) and its content syllables. */
  readonly #texts: QuestionTexts;
  /** What each question type needs of a passage. */
  readonly #needs: TypeNeeds;

  constructor(models: PlanModel[]) {
    this.models = models;
    this.index = new PlanSearchIndex(models);
    this.#texts = new QuestionTexts(this.index, models);
    this.#needs = new TypeNeeds(this.index, this.#texts, (packId) => this.headers(packId).some((h) => h.truncatedAfter));
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
    if (withPlans.length > 1 && namesProvince(question)) {
      const own = this.headers(withPlans[0])[0];
      if (!/^UBND tỉnh/.test(own.issuer)) return [...withPlans.slice(1), withPlans[0]];
    }
    return withPlans;
  }

  /** The best passages for a question in one pack's plans. */
  search(asked: string, packId: string, shape: QuestionShape, english: boolean, k = 6): PlanHit[] {
    const question = cutForUnderstanding(asked, PLAN_QUESTION_CHARS);
    const q = new PlanQuestion(question, english, shape);
    return this.#needs.filter(question, packId, shape, english, this.#rawHits(q, packId, k));
  }

  /** A question as the engine reads it, for `evidence` and `answer` to share (see PlanQuestion). */
  question(asked: string, language: PlanLanguage): PlanQuestion {
    const text = this.searchable(cutForUnderstanding(asked, PLAN_QUESTION_CHARS), language);
    const english = language !== "vi";
    return new PlanQuestion(text, english, this.#texts.shape(text, english));
  }

  /** The passages ranked for a question in one pack, before what its type needs is checked (scored once per question). */
  #rawHits(q: PlanQuestion, packId: string, k: number): PlanHit[] {
    const { text: question, shape, english } = q;
    const scored = q.scored(() => {
      const text = this.#texts.searchTexts(question, english, shape);
      const frames = english ? (shape.type === "who" ? [QUESTION_FRAME, WHO_FRAME] : [QUESTION_FRAME]) : undefined;
      return this.index.score(text.folded, { type: shape.type, frequency: shape.frequency, list: shape.list, approval: shape.approval, recipient: shape.recipient, english, accented: text.accented || undefined, frames });
    });
    return scored.top([packId], k);
  }

  /** A question as the engine searches it: Chinese and Korean put into English plan terms, others as written. */
  searchable(question: string, language: PlanLanguage): string {
    return language === "zh" || language === "ko" ? this.index.toEnglish(question, language) : question;
  }

  /**
   * How well the plans of these packs answer a question (for routing between plans and content cards): `coverage`
   * of the passage that would answer, and `topic`, how much of the question the plans talk about at all (a
   * question they talk about but do not answer — "phường chi bao nhiêu tiền cho video" — gets the plans' "not
   * covered" rather than a card or "out of scope").
   */
  evidence(q: PlanQuestion, lineage: readonly string[]): PlanEvidence {
    const { text: question, shape, english } = q;
    const best: PlanEvidence = { coverage: 0, score: 0, words: 0, topic: 0, topicWords: 0, shape };
    // A message with no word ("2", "???") asks nothing of the plans.
    if (!this.#texts.asked(question, english).size && shape.type !== "header") return best;
    for (const packId of this.#order(question, lineage)) {
      const raw = this.#rawHits(q, packId, EVIDENCE_K);
      const top = raw.reduce<PlanHit | undefined>((b, h) => (!b || h.coverage > b.coverage ? h : b), undefined);
      if (top && top.coverage > best.topic) Object.assign(best, { topic: top.coverage, topicWords: top.words });
      const [hit] = this.#needs.filter(question, packId, shape, english, raw).concat(this.#needs.listInstead(question, shape, english, raw, this.minCoverage));
      if (hit && hit.coverage > best.coverage) Object.assign(best, { coverage: hit.coverage, score: hit.score, words: hit.words });
    }
    if (shape.type === "header") Object.assign(best, { coverage: Math.max(best.coverage, 1), words: Math.max(best.words, 2) });
    if (NEVER_IN_PLANS.test(fold(question))) Object.assign(best, { coverage: 0, neverInPlans: true });
    return best;
  }

  /** Answer a question from the plans of the person's pack (and the packs it extends). */
  answer(asked: string | PlanQuestion, ctx: PlanAskContext): PlanAnswer {
    // A Chinese or Korean question is searched as an English one; the answer's lead is in the person's language.
    // Given the PlanQuestion that routing read, the passages scored then are not scored again.
    const q = typeof asked === "string" ? this.question(asked, ctx.language) : asked;
    const { text: question, english, shape } = q;
    const order = this.#order(question, ctx.lineage);
    const own = order.length ? this.headers(ctx.lineage[0]) : [];
    if (order.length === 0) return composeNotCovered(question, [], ctx.language, shape.type, 0, ctx.localities);

    if (shape.type === "header") {
      // The person's own plan, unless the question names another one ("kế hoạch 220", "kế hoạch của tỉnh").
      const own = this.headers(ctx.lineage.find((id) => this.headers(id).length > 0) ?? order[0])[0];
      // "Which provincial plan does the Vo Cuong plan implement?" names the ward: its own plan is asked about.
      const namesOwn = this.#texts.namesPlace(question, own);
      const asksProvince = !namesOwn && (PROVINCE_PLAN.test(fold(question)) || (shape.header !== "implements" && PROVINCE_PLAN_LOOSE.test(fold(question))));
      const header = this.#namedPlan(question, order) ?? (asksProvince ? this.headers(order[0])[0] : own);
      return composeHeader(header, shape.header ?? "title", ctx.language, header.packId !== ctx.lineage[0], ctx.localities);
    }

    // A plan cut off before its assignments and funding (004 after III.3) cannot say who is given what or what it costs.
    // (Also when the question names the cut-off plan, "kế hoạch 220 / kế hoạch của tỉnh giao cho Sở Ngoại vụ làm gì",
    // asked of a ward: the ward's own plan does not answer for the province's.)
    const province = PROVINCE_PLAN.test(fold(question)) || PROVINCE_PLAN_LOOSE.test(fold(question));
    const named = this.#namedPlan(question, order) ?? (province ? this.headers(order[0])[0] : undefined);
    const cut = named?.truncatedAfter ? [named] : order.flatMap((id) => this.headers(id)).filter((h) => h.truncatedAfter);
    // So does what a named unit is given to do ("sở ngoại vụ được giao nhiệm vụ gì").
    const afterTasks =
      asksAfterTheTasks(fold(question), shape) ||
      (english && asksAfterTheTasks(fold(this.index.toVietnamese(question)), shape)) ||
      UNIT_DUTIES.test(fold(english ? question.toLowerCase() : this.#texts.expanded(question)));
    if (cut.length && (cut.length === order.length || named?.truncatedAfter) && afterTasks) {
      return composeNotCovered(question, cut, ctx.language, shape.type, 0, ctx.localities);
    }
    // What plans never hold: a person's name (they assign units), contact details, prices and fees.
    if (NEVER_IN_PLANS.test(fold(question))) return composeNotCovered(question, order.flatMap((id) => this.headers(id)), ctx.language, shape.type, 0, ctx.localities);

    // The first pack in order that covers the question answers; a later one only when it covers clearly more.
    let chosen: { packId: string; hits: PlanHit[]; listed?: boolean } | undefined;
    let best = 0;
    for (const packId of order) {
      const raw = this.#rawHits(q, packId, shape.type === "what" ? WHAT_K : EVIDENCE_K);
      let hits = this.#needs.filter(question, packId, shape, english, raw);
      // No figure, but a section headed by what is counted lists them ("mấy nước").
      const listed = hits.length === 0 && (hits = this.#needs.listInstead(question, shape, english, raw, this.minCoverage)).length > 0;
      const coverage = hits[0]?.coverage ?? 0;
      best = Math.max(best, coverage);
      if (coverage < this.minCoverage) continue;
      if (!chosen || coverage > chosen.hits[0].coverage + PARENT_MARGIN) chosen = { packId, hits, listed };
    }
    if (chosen && shape.type === "what" && !chosen.listed) chosen.hits = bySection(chosen.hits);
    if (chosen && shape.type === "who" && !unitOf(chosen.hits[0].passage)) {
      // A who-answer leads with a unit: a nearly as good passage that names one goes first.
      // (Nearly as good: 60 % of its score, or 40 % when it holds as much of the question.)
      const top = chosen.hits[0];
      const withUnit = chosen.hits.find((h) => unitOf(h.passage) && (h.score >= top.score * 0.6 || (h.coverage >= top.coverage - 0.05 && h.score >= top.score * 0.4)));
      if (withUnit) chosen.hits = [withUnit, ...chosen.hits.filter((h) => h !== withUnit)];
    }
    if (chosen) {
      const fromParent = chosen.packId !== ctx.lineage[0];
      const best = chosen.hits[0].passage;
      // A numbered sentence of a part's own text ("IV.1", "IV.2" of "IV. Kinh phí") is read with its siblings.
      const part = (p: PlanPassage) => p.plan === best.plan && p.section.inPartText && p.sectionId.split(".")[0] === best.sectionId.split(".")[0];
      const section = this.index.passages.filter((p) => p.section === best.section || (best.section.inPartText && part(p)));
      // The lead and the cut of a long passage look for the question's words: an English question's Vietnamese ones.
      const asked = english ? this.index.toVietnamese(question) : question;
      if (chosen.listed) {
        // An appendix row found: the appendix's rows are what is counted ("phụ lục có mấy nhiệm vụ").
        const rows = best.row ? this.index.passages.filter((p) => p.plan === best.plan && p.row) : [];
        // Sections of one part each titled as one of what is counted ("Giai đoạn 1: …", "Giai đoạn 2: …"): their titles are the list.
        const counted = english ? this.#needs.countedEnglish(question) : this.#needs.counted(question);
        const siblings = [...new Set(this.index.passages.filter((p) => p.plan === best.plan && p.sectionId.split(".")[0] === best.sectionId.split(".")[0] && !p.row && counted && `${syllables(p.section.title).join(" ")} `.startsWith(`${counted} `)).map((p) => p.section))];
        const headed = siblings.length > 1 ? siblings : undefined;
        return composeAnswer(asked, chosen.hits, { type: "what" }, ctx, { fromParent, ownPlans: fromParent ? own : [], section, noCount: true, rows, headed });
      }
      return composeAnswer(asked, chosen.hits, shape, ctx, { fromParent, ownPlans: fromParent ? own : [], section });
    }
    const searched = order.flatMap((id) => this.headers(id));
    return composeNotCovered(question, searched, ctx.language, shape.type, best, ctx.localities);
  }

  /** A plan the question names by its number ("kế hoạch 220"). */
  #namedPlan(question: string, order: readonly string[]): PlanHeaderFacts | undefined {
    const digits = question.match(/\b\d{2,4}\b/g) ?? [];
    return order.flatMap((id) => this.headers(id)).find((h) => h.number && digits.some((d) => h.number!.startsWith(`${d}/`)));
  }
}
