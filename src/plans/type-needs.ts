/**
 * What a question's type needs of a passage before it can answer: a who-answer a unit given the work (where the text
 * is cut off before its assignments), a how-many answer a figure counting what was asked, a when-answer a time or
 * frequency said about it. A how-many question the plan gives no count for may be answered by the section headed by
 * what is counted, as a list (`listInstead`).
 *
 * @example
 * needs.filter("mỗi tổ dân phố mấy buổi sinh hoạt", "tan-an", { type: "how_many" }, false, hits) // hits with "01 buổi"
 */
import { fold } from "../nlu/fold.js";
import { clauses } from "./answer-lead.js";
import { AMOUNT, ASKS_AMOUNT, ASSIGNS, TIME, WHICH, QUESTION_FRAME, WHO_FRAME, about, countedNoun, hasFigure } from "./answer-needs.js";
import type { PlanHit, PlanSearchIndex } from "./plan-search.js";
import type { QuestionShape } from "./question-type.js";
import type { QuestionTexts } from "./question-texts.js";
import { STOP_SYLLABLES, syllables } from "./terms.js";

export class TypeNeeds {
  constructor(
    readonly index: PlanSearchIndex,
    readonly texts: QuestionTexts,
    /** Whether a pack's plan text is cut off (before its assignments). */
    readonly truncated: (packId: string) => boolean,
  ) {}

  /** How much a syllable says (its rarity in the plans). */
  readonly #weight = (syllable: string): number => this.index.weight(syllable);

  /** The hits that hold what the question's type needs (a figure, a time, a unit). */
  filter(question: string, packId: string, shape: QuestionShape, english: boolean, hits: PlanHit[]): PlanHit[] {
    // A how-many answer needs a figure: passages without one cannot answer it (never a number the plan lacks).
    // A who-answer needs a unit the plan gives the work to (a section's or row's unit, or "… chủ trì").
    // (Only where the text is cut off before its assignments: a whole plan may name the actor anywhere.)
    if (shape.type === "who" && this.truncated(packId)) return hits.filter((h) => h.passage.unit || ASSIGNS.test(h.passage.text));
    // "giao lưu với mấy nước, nước nào" asks for the list as well: a list answers it.
    // An amount of money needs a sum in the text: a count or a frequency ("03 năm/lần") is no answer to it.
    if (shape.type === "how_many" && ASKS_AMOUNT.test(fold(question))) return hits.filter((h) => AMOUNT.test(h.passage.text));
    if (shape.type === "how_many" && !WHICH.test(fold(question))) {
      const asked = this.texts.asked(question, english);
      // A share ("bao nhiêu %", "tỷ lệ") is answered by a percentage; a count by a number before what is counted.
      const share = /%|phan tram|ti le|ty le|percent|share/.test(fold(question));
      const counted = share ? undefined : english ? this.countedEnglish(question) : this.counted(question);
      // The figure counts it: "01 sản phẩm", "100% cán bộ" (a number at most two syllables before the counted word;
      // eight for an English question, whose counted noun may be the last of several: "how many UNESCO listings").
      const gap = english ? 8 : 2;
      // An English count may name its noun with adjectives ("how many big cultural diplomacy events"): any of them.
      const alternatives = english ? this.#countedPhraseEnglish(question) : counted ? [counted] : [];
      const names = (c: string) => !counted || alternatives.some((a) => new RegExp(`(^| )\\d+( [a-z]+){0,${gap}} ${a}( |$)`).test(syllables(c).join(" ")));
      return hits.filter((h) => clauses(h.passage.text).some((c) => hasFigure(c) && about(c, asked, this.#weight) && names(c) && (!share || c.includes("%"))));
    }
    // A when-answer needs a time or a frequency said about what was asked.
    if (shape.type === "when") {
      const asked = this.texts.asked(question, english);
      // The time may be the section's own ("Mục tiêu cụ thể đến năm 2030" answers "by when are the targets met").
      const frames = english ? [QUESTION_FRAME, WHO_FRAME] : [];
      const text = this.texts.searchText(question, english);
      const paraphrased = (c: string) => this.index.paraphrasedIn(text, english, c, frames);
      const aboutIt = (c: string) => about(c, asked, this.#weight, paraphrased);
      const titled = (h: PlanHit) => TIME.test(h.passage.section.title) && aboutIt(`${h.passage.section.title} ${h.passage.text}`);
      return hits.filter((h) => (h.passage.row?.time && aboutIt(h.passage.text)) || clauses(h.passage.text).some((c) => TIME.test(c) && aboutIt(c)) || titled(h));
    }
    return hits;
  }

  /** What an English how-many question counts, in the plans' words ("how many visitors" → "du khach"), or undefined. */
  countedEnglish(question: string): string | undefined {
    const q = question.toLowerCase();
    const m = q.match(/how many (?:more |of the )?([a-z0-9-]+)/);
    // "every how many years", "how many times": a frequency, answered by "03 năm/lần".
    if (!m || /how often|how many (years|times|days|months)|every how many/.test(q)) return undefined;
    const words = this.index.queryWords(m[1], true).filter((w) => !STOP_SYLLABLES.has(w) && !/^\d+$/.test(w));
    if (!words.length) return undefined;
    return words.length > 1 && this.index.knows(`${words[0]} ${words[1]}`) ? `${words[0]} ${words[1]}` : words[0];
  }

  /**
   * The words of an English how-many question's noun phrase ("how many big cultural diplomacy events should …" →
   * "lon", "ngoai giao", "van hoa", "su kien"), in the plans' words: a figure counting any of them answers.
   */
  #countedPhraseEnglish(question: string): string[] {
    const first = this.countedEnglish(question);
    if (!first) return [];
    const phrase = question.toLowerCase().match(/how many (?:more |of the )?((?:[a-z0-9-]+ ){0,4}?[a-z0-9-]+)(?= (?:should|must|will|would|does|do|did|are|is|can|could|has|have|a|an|per|each|every|in|by|of|to|for|are|were|planned|expected)\b|\s*[?.]|$)/)?.[1];
    const words = phrase ? this.index.queryWords(phrase, true).filter((w) => !STOP_SYLLABLES.has(w) && !/^\d+$/.test(w)) : [];
    const out = new Set([first]);
    for (let i = 0; i < words.length; i++) {
      if (i + 1 < words.length && this.index.knows(`${words[i]} ${words[i + 1]}`)) out.add(`${words[i]} ${words[++i]}`);
      else out.add(words[i]);
    }
    return [...out];
  }

  /** What a Vietnamese how-many question counts ("mấy nước" → "nuoc"), or undefined. */
  counted(question: string): string | undefined {
    return countedNoun(fold(this.texts.expanded(question)), (t) => this.index.knows(t));
  }

  /**
   * "Huyện giao lưu với mấy nước?", "có mấy mục tiêu cụ thể?" when the plan gives no number but a section headed by
   * what is counted lists them: that section answers, as a list (the answer says the plan gives no count).
   */
  listInstead(question: string, shape: QuestionShape, english: boolean, hits: PlanHit[], minCoverage: number): PlanHit[] {
    if (shape.type !== "how_many") return [];
    const counted = english ? this.countedEnglish(question) : this.counted(question);
    if (!counted) return [];
    // The section's title, or the appendix's ("Danh mục các nhiệm vụ chủ yếu") for one of its rows.
    const headed = (h: PlanHit) => ` ${syllables(h.passage.headingPath.join(" ")).join(" ")} `.includes(` ${counted} `);
    return hits.filter((h) => h.coverage >= minCoverage && headed(h));
  }
}
