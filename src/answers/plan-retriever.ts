/**
 * Retrieval over the plan sections (content/<pack>/plans/*.yaml) for the plan_info answer.
 *
 * Each section becomes a LangChain `Document`; ranking is BM25 over folded syllable unigrams and bigrams, so
 * "le hoi" finds "lễ hội". Matching is lexical: an English question does not match the Vietnamese plans (the
 * caller should search with the Vietnamese wording, or answer in English from a Vietnamese query).
 *
 * @example
 *   const retriever = new PlanRetriever(sections, { k: 3 });
 *   const [best] = retriever.search("lớp quan họ mỗi năm mấy lớp", 1, { packIds: ["tan-an"] });
 *   citation(best.document, "vi") // "Kế hoạch thực hiện … phường Tân An giai đoạn 2026-2030, mục II.2, đoạn 2"
 *   condense(best.document.pageContent, "lớp quan họ") // the matching bullet, in the plan's words
 *   await retriever.invoke("festival về miền quan họ") // Document[] (LangChain retriever interface)
 */
import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { Bm25Index } from "./plan-bm25.js";
import type { PlanPassageMetadata } from "./plan-citation.js";
import { planTerms } from "./plan-terms.js";

export { citation, sectionLabel, type PlanPassageMetadata } from "./plan-citation.js";
export { condense } from "./plan-condense.js";

// ===  Input  ===

/** One plan section, as the content loader gives it (plans/<plan-id>.yaml, one entry of `sections`). */
export interface PlanSectionInput {
  packId: string;
  plan: { id: string; title: { vi: string; en?: string }; issuer?: string };
  section: { id: string; title: string; text: string };
}

/**
 * Retriever options: `k` results by default (4); hits with a BM25 score at or below `minScore` (0) or a coverage
 * below `minCoverage` (0) are dropped. `invoke()` uses these defaults.
 */
export interface PlanRetrieverOptions extends BaseRetrieverInput {
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
export interface PlanHit {
  document: Document<PlanPassageMetadata>;
  score: number;
  coverage: number;
}

// ===  Retriever  ===

/** BM25 retriever over plan sections, usable directly (`search`) or as a LangChain retriever (`invoke`). */
export class PlanRetriever extends BaseRetriever<PlanPassageMetadata> {
  lc_namespace = ["tro-ly-van-hoa", "answers", "plan-retriever"];

  readonly #documents: Document<PlanPassageMetadata>[];
  readonly #index: Bm25Index;
  readonly #k: number;
  readonly #minScore: number;
  readonly #minCoverage: number;

  constructor(sections: PlanSectionInput[], options: PlanRetrieverOptions = {}) {
    const { k, minScore, minCoverage, ...base } = options;
    super(base);
    this.#k = k ?? 4;
    this.#minScore = minScore ?? 0;
    this.#minCoverage = minCoverage ?? 0;
    this.#documents = sections.map(({ packId, plan, section }) => {
      const metadata: PlanPassageMetadata = {
        packId,
        planId: plan.id,
        planTitle: plan.title.vi,
        sectionId: section.id,
        sectionTitle: section.title,
      };
      if (plan.title.en) metadata.planTitleEn = plan.title.en;
      if (plan.issuer) metadata.planIssuer = plan.issuer;
      return new Document({ id: `${packId}/${plan.id}#${section.id}`, pageContent: section.text, metadata });
    });
    // The section title is indexed with the text: "Công an phường" or "Mục tiêu cụ thể" is often what is asked.
    this.#index = new Bm25Index(this.#documents.map((d) => planTerms(`${d.metadata.sectionTitle}\n${d.pageContent}`)));
  }

  /** The best `k` passages for `query`, best first; empty when nothing in the plans shares a term with it. */
  search(query: string, k: number = this.#k, filter: PlanSearchFilter = {}): PlanHit[] {
    const terms = planTerms(query);
    const scores = this.#index.scores(terms);
    const packs = filter.packIds ? new Set(filter.packIds) : undefined;
    return this.#documents
      .map((document, i) => ({ document, score: scores[i], i }))
      .filter((h) => h.score > this.#minScore && (!packs || packs.has(h.document.metadata.packId)))
      .map(({ document, score, i }) => ({ document, score, coverage: this.#index.coverage(terms, i) }))
      .filter((h) => h.coverage >= this.#minCoverage)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  /** LangChain entry point (`retriever.invoke(query)`): the documents of `search(query)`. */
  async _getRelevantDocuments(query: string): Promise<Document<PlanPassageMetadata>[]> {
    return this.search(query).map((h) => h.document);
  }
}
