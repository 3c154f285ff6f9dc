/**
 * A question as the plan engine searches it, read once per message: its text (a Chinese or Korean one already in
 * English plan terms), whether it is searched as English, its shape, and — once searched — every passage's score.
 * Routing (`PlanEngine.evidence`) and the answer (`PlanEngine.answer`) given the same PlanQuestion score the
 * passages once between them.
 *
 * @example
 * const question = plans.question("ai lo số hóa di tích?", "vi");
 * if (plans.evidence(question, pack.lineage).coverage >= plans.minCoverage) plans.answer(question, { lineage: pack.lineage, language: "vi" });
 */
import { normalize } from "../nlu/normalize.js";
import type { ScoredPassages } from "./scored-passages.js";
import { questionType, type QuestionShape } from "./question-type.js";

export class PlanQuestion {
  readonly shape: QuestionShape;
  #scored?: ScoredPassages;

  constructor(
    readonly text: string,
    readonly english: boolean,
    shape?: QuestionShape,
  ) {
    // The type is read after chat shorthand is expanded ("bn" → "bao nhiêu", "ntn" → "như thế nào").
    this.shape = shape ?? questionType(english ? text : normalize(text, { language: "vi" }).expanded);
  }

  /** Every passage's score for this question: computed by `score` the first time it is asked for, then kept. */
  scored(score: () => ScoredPassages): ScoredPassages {
    return (this.#scored ??= score());
  }
}
