/**
 * What the plan engine answers with, and what it needs to know about who asks.
 */
import type { QuestionType } from "./question-type.js";

/** The languages a plan answer's lead is written in (the app's four; engines import nothing from the app). */
export type PlanLanguage = "vi" | "en" | "zh" | "ko";

/** A unit's names (contacts), for English leads. */
export interface UnitName {
  vi: string;
  en?: string;
  zh?: string;
  ko?: string;
}

/** Who is asking: their pack and the packs it extends (own first), their language, names of units in English. */
export interface PlanAskContext {
  lineage: readonly string[];
  language: PlanLanguage;
  /** The pack's units (contacts) with their English names, for English leads. */
  units?: readonly UnitName[];
  /** The pack's locality and province by name ("Phường Võ Cường" = 武强坊), so a zh/ko reader is told who issued a plan. */
  localities?: readonly UnitName[];
}

/** A plan answer, with what it cites (for the caller's choices and for the eval). */
export interface PlanAnswer {
  text: string;
  /** The lines of `text` before the citation (what was asked, said first), for joining the answers to two asks. */
  lead?: string;
  covered: boolean;
  type: QuestionType;
  packId?: string;
  planId?: string;
  /** Section ids cited: "V.3", "appendix:3", "header". */
  sections: string[];
  /** The answer comes from a plan of a pack the person's pack extends (a ward asking, the province's plan answering). */
  fromParent: boolean;
  coverage: number;
  /** The quoted passages with their citations (for an optional chat model that words the answer from them only). */
  quotes: { text: string; citation: string }[];
}

