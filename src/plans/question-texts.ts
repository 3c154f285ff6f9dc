/**
 * A plan question as it is searched: chat shorthand and plan abbreviations expanded, the place names of the plans'
 * issuers and the question frames ("đơn vị nào", "bao lâu … một lần", "ai lo") taken out, kept with its diacritics
 * position for position when the person typed them; and its content syllables (what `about` and coverage look for).
 * Routing and the answer read one question several times: the last questions' texts are kept.
 *
 * @example
 * const texts = new QuestionTexts(index, models);
 * texts.searchText("ai lo số hóa di tích ở phường Tân An", false, { type: "who" }) // "  số hóa di tích ở phường   " folded
 */
import { fold } from "../nlu/fold.js";
import { normalize } from "../nlu/normalize.js";
import { QUESTION_FRAME, WHO_FRAME, typedWithDiacritics } from "./answer-needs.js";
import type { PlanHeaderFacts, PlanModel } from "./plan-model.js";
import type { PlanSearchIndex } from "./plan-search.js";
import { questionType, type QuestionShape } from "./question-type.js";
import { STOP_SYLLABLES, syllables } from "./terms.js";

/** How many search texts and asked-word sets are kept: those of the message being answered. */
const RECENT_QUESTIONS = 8;

/** The folded search text and the same text with its diacritics ("" when the person typed none). */
export interface SearchTexts {
  folded: string;
  accented: string;
}

/** The issuer's place in a plan header ("tan an" of "UBND phường Tân An"), folded. */
export const issuerPlace = (h: PlanHeaderFacts): string => fold(h.issuer.replace(/^(UBND|Ủy ban nhân dân)\s+(tỉnh|huyện|phường|xã|thành phố)\s+/i, ""));

export class QuestionTexts {
  /** Folded place names of the plans' issuers ("tan an", "bac ninh"): they name the plan, not the question's topic. */
  readonly #places: RegExp;
  /** The plans' titles after "Kế hoạch", folded (" hoi nhap quoc te ve van hoa tren dia ban phuong vo cuong "). */
  readonly #titles: string[];
  readonly #recentTexts = new Map<string, SearchTexts>();
  readonly #recentAsked = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly index: PlanSearchIndex,
    models: readonly PlanModel[],
  ) {
    const places = new Set(["kon tum", "viet nam"]);
    for (const m of models) places.add(issuerPlace(m.header));
    // Plan numbers name the plan too ("kế hoạch 220 có nhắc ASEAN không").
    for (const m of models) if (m.header.number) places.add(m.header.number.split("/")[0]);
    this.#places = new RegExp(`\\b(${[...places].join("|")})\\b`, "g");
    this.#titles = models.map((m) => ` ${syllables(m.header.title).join(" ").replace(/^ke hoach /, "")} `);
  }

  /**
   * Where the question names a plan by its title's words ("kế hoạch hội nhập", "kế hoạch ngoại giao văn hóa"): the
   * syllables after "kế hoạch" that run on in some plan's title. They name the plan, not what is asked about it, and
   * are in most of its passages ("tiền để làm kế hoạch hội nhập lấy ở đâu" asks about money).
   */
  #titleWords(folded: string): RegExp | undefined {
    const spans: string[] = [];
    for (const m of folded.matchAll(/\bke hoach((?: [a-z0-9]+)+)/g)) {
      const after = m[1].trim().split(" ");
      let run = "";
      for (const w of after) {
        const next = `${run} ${w}`;
        if (!this.#titles.some((t) => t.includes(`${next} `))) break;
        run = next;
      }
      if (run) spans.push(run.trim());
    }
    return spans.length ? new RegExp(`(?<=\\bke hoach )(${spans.join("|")})\\b`, "g") : undefined;
  }

  /** The folded search text (see `searchTexts`). */
  searchText(question: string, english: boolean, shape?: QuestionShape): string {
    return this.searchTexts(question, english, shape).folded;
  }

  /**
   * The question as it is searched: teencode expanded ("dc ko" → "được không"), place names and question frames
   * ("đơn vị nào", "bao lâu … một lần": they say what kind of answer is wanted, not what about) taken out; folded,
   * and with its diacritics position for position.
   */
  searchTexts(question: string, english: boolean, shape?: QuestionShape): SearchTexts {
    const key = `${english ? "en" : "vi"}${shape?.type === "who" ? "w" : "-"}${question}`;
    const known = this.#recentTexts.get(key);
    if (known) return known;
    if (this.#recentTexts.size >= RECENT_QUESTIONS) this.#recentTexts.clear();
    const texts = this.#searchTextsNow(question, english, shape);
    this.#recentTexts.set(key, texts);
    return texts;
  }

  #searchTextsNow(question: string, english: boolean, shape?: QuestionShape): SearchTexts {
    const accented = ` ${english ? question.toLowerCase() : this.expanded(question)} `.normalize("NFC");
    let folded = fold(accented);
    // Folding keeps NFC Vietnamese letter for letter, so a span found in the folded text is the same span with diacritics.
    // Diacritics tell "tiền" from "tiến" only when the person typed them: teencode expanded in a question typed
    // without them ("ko" → "không") must not make it look accented.
    if (folded.length !== accented.length || !typedWithDiacritics(question)) return { folded: this.#strip(folded, shape), accented: "" };
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
    const titled = this.#titleWords(folded);
    if (titled) [folded, acc] = blank(titled, folded, acc);
    [folded, acc] = blank(this.#places, folded, acc);
    [folded, acc] = blank(QUESTION_FRAME, folded, acc);
    if (shape?.type === "who") [folded, acc] = blank(WHO_FRAME, folded, acc);
    return { folded, accented: acc };
  }

  #strip(folded: string, shape?: QuestionShape): string {
    const titled = this.#titleWords(folded);
    const out = (titled ? folded.replace(titled, (m) => " ".repeat(m.length)) : folded).replace(this.#places, " ").replace(QUESTION_FRAME, " ");
    return shape?.type === "who" ? out.replace(WHO_FRAME, " ") : out;
  }

  /** The question's content syllables (no stop syllables, no bare numbers); kept for the last questions (read-only). */
  asked(question: string, english: boolean): ReadonlySet<string> {
    const key = `${english ? "en" : "vi"}${question}`;
    const known = this.#recentAsked.get(key);
    if (known) return known;
    if (this.#recentAsked.size >= RECENT_QUESTIONS) this.#recentAsked.clear();
    const frames = english ? [QUESTION_FRAME, WHO_FRAME] : [];
    const asked = new Set(this.index.queryWords(this.searchText(question, english), english, frames).filter((w) => !STOP_SYLLABLES.has(w) && w.length > 1 && !/^\d+$/.test(w)));
    this.#recentAsked.set(key, asked);
    return asked;
  }

  /** The question's type, read after chat shorthand is expanded ("bn" → "bao nhiêu", "ntn" → "như thế nào"). */
  shape(question: string, english: boolean): QuestionShape {
    return questionType(english ? question : this.expanded(question));
  }

  /** A Vietnamese question with chat shorthand ("bn", "ko") and plan abbreviations ("sp", "tdp") expanded. */
  expanded(question: string): string {
    return this.index.expandAbbreviations(normalize(question, { language: "vi" }).expanded);
  }

  /** Whether the question names the place of a plan's issuer ("vo cuong" for UBND phường Võ Cường). */
  namesPlace(question: string, h: PlanHeaderFacts): boolean {
    return ` ${fold(question).replace(/[^a-z0-9]+/g, " ")} `.includes(` ${issuerPlace(h)} `);
  }
}
