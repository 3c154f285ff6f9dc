/**
 * The public types of the understanding layer.
 */

import type { CatalogMatches } from "./catalog-matcher.js";
import type { IntentLabel } from "./intent-labels.js";
import type { Language } from "./language.js";

export type { CatalogEntry } from "./catalog-matcher.js";
export type { IntentLabel } from "./intent-labels.js";
export type { Language } from "./language.js";

/** What a message mentions. Catalogue ids are best first. */
export interface Entities extends CatalogMatches {
  /** Resolved against today ("năm nay", "sang năm", "2027", "next year"). */
  year?: number;
  /** 1..12 ("tháng 3", "tháng Giêng", "tháng sau", "this month"). */
  month?: number;
  /** The month was named the lunar way ("tháng Giêng", "tháng Chạp", "tháng 3 âm lịch"). */
  lunarMonth?: boolean;
  /** YYYY-MM-DD days for "hôm nay", "ngày mai", "cuối tuần này", "tuần sau", "tháng này"... */
  window?: { from: string; to: string; label: string };
  /** "sắp tới", "upcoming", "next". */
  upcoming?: boolean;
  /** "PA-2026-0012" (reports), "LH-2026-0031" (class registrations). */
  ticketCodes?: string[];
  /** National form: "0912345678". */
  phones?: string[];
}

/** The result of understanding one message. */
export interface Understanding {
  /** The text understood: the message, cut to MAX_UNDERSTOOD_CHARS when longer (src/nlu/text-limit.ts). */
  text: string;
  /** The message was longer than what was understood. */
  truncated: boolean;
  intent: IntentLabel;
  /** 0..1: the classifier's probability of `intent` (for out_of_scope: how sure it is that nothing fits). */
  confidence: number;
  language: Language;
  entities: Entities;
  /** Teencode expanded, lower case, diacritics kept (codes and phones replaced by their kind). */
  normalized: string;
  /** `normalized` without diacritics. */
  folded: string;
}

/** Per-message options. */
export interface UnderstandOptions {
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh; defaults to the current date there. */
  today?: string;
  /** The language the person used before; decides short messages such as "ok". */
  previousLanguage?: Language;
}

/** Why the classifier decided what it did (for evaluation and threshold tuning). */
export interface Explanation {
  /** Probability of every intent before the out-of-scope rules. */
  probabilities: Record<IntentLabel, number>;
  /** Share of the message's content words known to the domain (0..1; 1 when it has no content words). */
  coverage: number;
}

/** Understands messages; build one at start-up with createUnderstander(). */
export interface Understander {
  understand(text: string, options?: UnderstandOptions): Understanding;
  /** Raw scores behind understand(): used by scripts/eval-nlu.ts to choose thresholds. */
  explain(text: string, options?: UnderstandOptions): Explanation;
}
