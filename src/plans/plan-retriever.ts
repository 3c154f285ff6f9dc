/**
 * The plan search as a LangChain retriever (`await retriever.invoke("festival về miền quan họ")` → Document[]), for
 * composing with other LangChain pieces. The bot's own answers use PlanEngine directly, which does not load
 * LangChain; this file does, so import it only where the LangChain interface is wanted.
 *
 * @example
 * const retriever = new PlanRetriever(engine, { packIds: ["tan-an"], k: 3 });
 * const [doc] = await retriever.invoke("ai chủ trì số hóa di sản");
 * doc.metadata.citation // "Kế hoạch thực hiện … của UBND phường Tân An (tháng 05/2026), Phụ lục “…”, nhiệm vụ 3 (…)"
 */
import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { planName, sectionName } from "./citation.js";
import type { PlanEngine } from "./plan-engine.js";
import { questionType } from "./question-type.js";

/** What a retrieved plan passage carries. */
export interface PlanDocumentMetadata {
  packId: string;
  planId: string;
  sectionId: string;
  sectionTitle: string;
  headingPath: string[];
  unit?: string;
  /** The plan and section as a citizen names them. */
  citation: string;
  score: number;
  coverage: number;
}

/** Retriever options: which packs, how many passages, the language of the queries. */
export interface PlanRetrieverOptions extends BaseRetrieverInput {
  packIds?: string[];
  k?: number;
  language?: "vi" | "en";
}

/** Fielded BM25 over plan passages, as a LangChain retriever. */
export class PlanRetriever extends BaseRetriever<PlanDocumentMetadata> {
  lc_namespace = ["tro-ly-van-hoa", "plans", "plan-retriever"];

  readonly #engine: PlanEngine;
  readonly #options: PlanRetrieverOptions;

  constructor(engine: PlanEngine, options: PlanRetrieverOptions = {}) {
    super(options);
    this.#engine = engine;
    this.#options = options;
  }

  async _getRelevantDocuments(query: string): Promise<Document<PlanDocumentMetadata>[]> {
    const { packIds, k = 4, language = "vi" } = this.#options;
    const shape = questionType(query);
    const packs = packIds ?? [...new Set(this.#engine.models.map((m) => m.header.packId))];
    const hits = packs.flatMap((packId) => this.#engine.search(query, packId, shape, language === "en", k));
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, k).map(
      (h) =>
        new Document<PlanDocumentMetadata>({
          id: h.passage.key,
          pageContent: h.passage.text,
          metadata: {
            packId: h.passage.packId,
            planId: h.passage.plan.planId,
            sectionId: h.passage.sectionId,
            sectionTitle: h.passage.section.title,
            headingPath: h.passage.headingPath,
            ...(h.passage.unit ? { unit: h.passage.unit } : {}),
            citation: `${planName(h.passage.plan, language)}, ${sectionName(h.passage.section, language)}`,
            score: h.score,
            coverage: h.coverage,
          },
        }),
    );
  }
}
