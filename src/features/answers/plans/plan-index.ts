/**
 * BM25 search over the plan sections (content/<pack>/plans/*.yaml): what the plan_info answer uses on every
 * plan question.
 *
 * Passages are plain `{ id, pageContent, metadata }` objects — the shape of LangChain's `DocumentInterface` — so
 * this file loads nothing of LangChain: importing @langchain/core costs ≈ 250 ms and tens of MB at start-up, and
 * only the optional parts need it (the LangChain retriever in plan-retriever.ts, chat-model wording).
 * Ranking is BM25 over folded syllable unigrams and bigrams, so "le hoi" finds "lễ hội". Matching is lexical: an
 * English question does not match the Vietnamese plans.
 *
 * @example
 *   const index = new PlanIndex(sections);
 *   const [best] = index.search("lớp quan họ mỗi năm mấy lớp", 1, { packIds: ["tan-an"] });
 *   citation(best.document, "vi") // "Kế hoạch thực hiện … phường Tân An giai đoạn 2026-2030, mục II.2, đoạn 2"
 */
import type { DocumentInterface } from "@langchain/core/documents";
import { Bm25Index } from "./plan-bm25.js";
import type { PlanPassageMetadata } from "./plan-citation.js";
import { planTerms } from "./plan-terms.js";

// ===  Input and output  ===

/** One plan section, as the content loader gives it (plans/<plan-id>.yaml, one entry of `sections`). */
export interface PlanSectionInput {
  packId: string;
  plan: { id: string; title: { vi: string; en?: string }; issuer?: string };
  section: { id: string; title: string; text: string };
}

/** A plan section ready to cite: its text and where it comes from. */
export type PlanPassage = DocumentInterface<PlanPassageMetadata> & { id: string };

/**
 * Search options: `k` results by default (4); hits with a BM25 score at or below `minScore` (0) or a coverage
 * below `minCoverage` (0) are dropped.
 */
export interface PlanIndexOptions {
  k?: number;
  minScore?: number;
  minCoverage?: number;
}

/** Restrict a search to some packs (the user's pack and the pack it extends). */
export interface PlanSearchFilter {
  packIds?: string[];
}

/**
 * A ranked passage. `score` is raw BM25 (comparable within one query only); `coverage` (0–1) is the share of the
 * question's weight found in the passage, comparable across queries: below about 0.35 the plans most likely do not
 * talk about what was asked.
 */
export interface PlanHit<D extends PlanPassage = PlanPassage> {
  document: D;
  score: number;
  coverage: number;
}

// ===  Index  ===

/** The passages of `sections`, each with the metadata a citation needs. */
export function planPassages(sections: PlanSectionInput[]): PlanPassage[] {
  return sections.map(({ packId, plan, section }) => {
    const metadata: PlanPassageMetadata = {
      packId,
      planId: plan.id,
      planTitle: plan.title.vi,
      sectionId: section.id,
      sectionTitle: section.title,
    };
    if (plan.title.en) metadata.planTitleEn = plan.title.en;
    if (plan.issuer) metadata.planIssuer = plan.issuer;
    return { id: `${packId}/${plan.id}#${section.id}`, pageContent: section.text, metadata };
  });
}

/** BM25 over plan passages. `D` lets the LangChain retriever index its own `Document` objects. */
export class PlanIndex<D extends PlanPassage = PlanPassage> {
  readonly #documents: D[];
  readonly #index: Bm25Index;
  readonly #k: number;
  readonly #minScore: number;
  readonly #minCoverage: number;

  constructor(documents: D[], options: PlanIndexOptions = {}) {
    this.#documents = documents;
    this.#k = options.k ?? 4;
    this.#minScore = options.minScore ?? 0;
    this.#minCoverage = options.minCoverage ?? 0;
    // The section title is indexed with the text: "Công an phường" or "Mục tiêu cụ thể" is often what is asked.
    this.#index = new Bm25Index(documents.map((d) => planTerms(`${d.metadata.sectionTitle}\n${d.pageContent}`)));
  }

  /** An index over plan sections as the content loader gives them. */
  static of(sections: PlanSectionInput[], options: PlanIndexOptions = {}): PlanIndex {
    return new PlanIndex(planPassages(sections), options);
  }

  /** The best `k` passages for `query`, best first; empty when nothing in the plans shares a term with it. */
  search(query: string, k: number = this.#k, filter: PlanSearchFilter = {}): PlanHit<D>[] {
    const terms = planTerms(query);
    const scores = this.#index.scores(terms);
    const packs = filter.packIds ? new Set(filter.packIds) : undefined;
    const hits: PlanHit<D>[] = [];
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i];
      const document = this.#documents[i];
      if (score <= this.#minScore || (packs && !packs.has(document.metadata.packId))) continue;
      const coverage = this.#index.coverage(terms, i);
      if (coverage >= this.#minCoverage) hits.push({ document, score, coverage });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, k);
  }
}

/** What plan answers search with: a PlanIndex, or the LangChain PlanRetriever (same `search`). */
export interface PlanSearch {
  search(query: string, k?: number, filter?: PlanSearchFilter): PlanHit[];
}
