/**
 * What an answer needs: the message as understood, today's date and the person's content pack. Defined here
 * (not imported from src/nlu) so answers depend only on this small shape; an nlu `Understanding` fits it.
 *
 * @example
 * const input: AnswerInput = {
 *   text: "Hội Lim năm 2027 ngày nào?", intent: "festival_dates", language: "vi",
 *   entities: { festivals: ["hoi-lim"], year: 2027 }, today: "2026-11-20", pack: library.pack("vo-cuong"),
 * };
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ContentPack } from "../content/index.js";
import type { PlanRetriever } from "./plan-retriever.js";

/** The intents of the understanding layer (the same labels as src/nlu/intent-labels.ts). */
export type AnswerIntent =
  | "greeting"
  | "thanks"
  | "festival_dates"
  | "heritage_info"
  | "join_class"
  | "report_violation"
  | "report_status"
  | "human_handoff"
  | "plan_info"
  | "contact_info"
  | "out_of_scope";

/** The language of the answer: the person's language. */
export type AnswerLanguage = "vi" | "en";

/** What the message mentions; catalogue ids are best first (the nlu `Entities` fit this shape). */
export interface AnswerEntities {
  festivals?: string[];
  heritage?: string[];
  classes?: string[];
  contacts?: string[];
  year?: number;
  month?: number;
  /** The month was named the lunar way ("tháng Giêng", "tháng 3 âm lịch"). */
  lunarMonth?: boolean;
  /** A day window the message names ("cuối tuần này", "tháng sau"); ISO dates, inclusive. */
  window?: { from: string; to: string; label: string };
  upcoming?: boolean;
  ticketCodes?: string[];
  phones?: string[];
}

/** Everything an answer function reads. */
export interface AnswerInput {
  /** The message as the person wrote it. */
  text: string;
  intent: AnswerIntent;
  language: AnswerLanguage;
  entities: AnswerEntities;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh (or BOT_TODAY), so answers are reproducible. */
  today: string;
  /** The person's content pack. */
  pack: ContentPack;
  /**
   * The plan retriever built once per content library (`createPlanRetriever(library.packs.values())`).
   * Left out, plan_info builds (and caches) one over this pack's own plans.
   */
  plans?: PlanRetriever;
  /** A chat model for wording plan answers from the retrieved passages; off when left out. */
  model?: BaseChatModel;
}
