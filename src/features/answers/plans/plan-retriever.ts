/**
 * The plan search as a LangChain retriever (`await retriever.invoke("festival về miền quan họ")` → Document[]),
 * for composing with other LangChain pieces. The bot's own answers use PlanIndex directly (plan-index.ts), which
 * does not load LangChain; this file does, so import it only where the LangChain interface is wanted.
 *
 * @example
 *   const retriever = new PlanRetriever(sections, { k: 3 });
 *   const [best] = retriever.search("lớp quan họ mỗi năm mấy lớp", 1, { packIds: ["tan-an"] });
 *   citation(best.document, "vi") // "Kế hoạch thực hiện … phường Tân An giai đoạn 2026-2030, mục II.2, đoạn 2"
 *   await retriever.invoke("festival về miền quan họ") // Document[]
 */
import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { PlanPassageMetadata } from "./plan-citation.js";
import { PlanIndex, planPassages, type PlanHit, type PlanIndexOptions, type PlanSearchFilter, type PlanSectionInput } from "./plan-index.js";

export { citation, sectionLabel, type PlanPassageMetadata } from "./plan-citation.js";
export { condense } from "./plan-condense.js";
export type { PlanHit, PlanSearchFilter, PlanSectionInput } from "./plan-index.js";

/** Retriever options: PlanIndex's, plus LangChain's (callbacks, tags). `invoke()` uses these defaults. */
export interface PlanRetrieverOptions extends BaseRetrieverInput, PlanIndexOptions {}

type PlanDocument = Document<PlanPassageMetadata> & { id: string };

/** BM25 retriever over plan sections, usable directly (`search`) or as a LangChain retriever (`invoke`). */
export class PlanRetriever extends BaseRetriever<PlanPassageMetadata> {
  lc_namespace = ["tro-ly-van-hoa", "answers", "plan-retriever"];

  readonly #index: PlanIndex<PlanDocument>;

  constructor(sections: PlanSectionInput[], options: PlanRetrieverOptions = {}) {
    const { k, minScore, minCoverage, ...base } = options;
    super(base);
    const documents = planPassages(sections).map((p) => new Document(p) as PlanDocument);
    this.#index = new PlanIndex(documents, { k, minScore, minCoverage });
  }

  /** The best `k` passages for `query`, best first (see PlanIndex.search). */
  search(query: string, k?: number, filter: PlanSearchFilter = {}): PlanHit<PlanDocument>[] {
    return this.#index.search(query, k, filter);
  }

  /** LangChain entry point (`retriever.invoke(query)`): the documents of `search(query)`. */
  async _getRelevantDocuments(query: string): Promise<Document<PlanPassageMetadata>[]> {
    return this.search(query).map((h) => h.document);
  }
}
