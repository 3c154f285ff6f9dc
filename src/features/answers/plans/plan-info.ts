/**
 * plan_info: answer from the culture plans of the person's pack. The best passage is condensed to the sentences
 * that answer, and cited ("Theo Kế hoạch … , mục III.2: …"). When the plans do not cover the question (coverage
 * below 0.35) the reply says so and offers staff. A configured chat model may word the answer from the retrieved
 * passages only (off by default); if it fails, the condensed passage is used.
 *
 * @example
 * const plans = createPlanIndex(library.packs.values());   // once per content library
 * await answerPlan({ ...input, text: "Ai chủ trì số hóa di sản?", plans })
 * // { text: "Theo Kế hoạch thực hiện … phường Tân An giai đoạn 2026-2030, Phụ lục, nhiệm vụ 3:\n…" }
 */
import type { Reply } from "../../../core/message.js";
import type { ContentPack } from "../../../content/index.js";
import type { AnswerInput } from "../answer-input.js";
import { lines, speaker, staffChoice } from "../answer-text.js";
import { citation } from "./plan-citation.js";
import { condense } from "./plan-condense.js";
import { PlanIndex, type PlanHit, type PlanSearch, type PlanSectionInput } from "./plan-index.js";

export type { PlanSearch };
// plan-wording.js (LangChain messages) is imported only when a chat model is configured: see answerPlan.
import type { WordingPassage } from "./plan-wording.js";

/** Below this coverage the plans most likely do not talk about what was asked (see PlanHit). */
export const MIN_PLAN_COVERAGE = 0.35;
/** Longest condensed passage in a reply. */
const PASSAGE_CHARS = 500;

// ===  Building the retriever  ===

/**
 * The plan sections of some packs, as the retriever takes them (each pack's own plans, tagged with its id).
 * @example planSections([library.pack("tan-an")]).length // number of sections in tan-an's plan
 */
export function planSections(packs: Iterable<ContentPack>): PlanSectionInput[] {
  return [...packs].flatMap((pack) =>
    pack.plans.flatMap((file) => file.sections.map((section) => ({ packId: pack.id, plan: file.plan, section }))),
  );
}

/**
 * Build the plan retriever once per content library (not per message); rebuild it after a content reload.
 * @example const plans = createPlanIndex(library.packs.values());
 */
export function createPlanIndex(packs: Iterable<ContentPack>): PlanIndex {
  return PlanIndex.of(planSections(packs));
}


// A caller that passes no retriever still builds one only once per pack object (a reload makes new packs).
const ownPlans = new WeakMap<ContentPack, PlanSearch>();

function retrieverFor(input: AnswerInput): PlanSearch {
  if (input.plans) return input.plans;
  let retriever = ownPlans.get(input.pack);
  if (!retriever) {
    retriever = createPlanIndex([input.pack]);
    ownPlans.set(input.pack, retriever);
  }
  return retriever;
}

// ===  Search  ===

/**
 * The passages that cover `question`, best first: the pack's own plans first, then the packs it extends (a ward's
 * own plan answers before the province's).
 */
export function findPlanPassages(retriever: PlanSearch, pack: ContentPack, question: string, k = 3): PlanHit[] {
  for (const packId of pack.lineage) {
    const hits = retriever.search(question, k, { packIds: [packId] }).filter((h) => h.coverage >= MIN_PLAN_COVERAGE);
    if (hits.length > 0) return hits;
  }
  return [];
}

// ===  The answer  ===

/** Answer a plan_info message from the plans of the person's pack. */
export async function answerPlan(input: AnswerInput): Promise<Reply> {
  const say = speaker(input.language);
  const hits = findPlanPassages(retrieverFor(input), input.pack, input.text);
  if (hits.length === 0) {
    return {
      text: lines(
        say.phrase({ vi: `Các kế hoạch văn hóa của ${say.text(input.pack.names)} mà mình có chưa đề cập nội dung này.`, en: `The culture plans of ${say.text(input.pack.names)} that I have do not mention this.` }),
        say.phrase({
          vi: "Bạn có thể gặp cán bộ văn hóa để được trả lời.",
          // Retrieval is lexical over Vietnamese plans: an English question rarely matches, so say how to get an answer.
          en: "The plans are in Vietnamese: you can ask again in Vietnamese, or ask the culture staff.",
        }),
      ),
      choices: [staffChoice(say.lang)],
    };
  }

  const passages: WordingPassage[] = hits.map((h) => ({
    text: condense(h.document.pageContent, input.text, PASSAGE_CHARS),
    citation: citation(h.document, say.lang),
  }));
  const [best] = passages;
  if (input.model) {
    const { wordAnswer } = await import("./plan-wording.js");
    const worded = await wordAnswer(input.model, input.text, passages);
    if (worded) {
      // The model is asked to end with the citation; add it when it did not, so every answer names its section.
      const cited = passages.some((p) => worded.includes(p.citation));
      return { text: cited ? worded : lines(worded, `${say.phrase({ vi: "Nguồn", en: "Source" })}: ${best.citation}`) };
    }
  }
  return {
    text: lines(
      say.phrase({ vi: `Theo ${best.citation}:`, en: `According to ${best.citation} (the plan is in Vietnamese):` }),
      best.text,
    ),
  };
}
