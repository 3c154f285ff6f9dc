/**
 * What an answer needs: the message as understood (the understanding layer's types), today's date and the
 * person's content pack.
 *
 * @example
 * const input: AnswerInput = {
 *   text: "Hội Lim năm 2027 ngày nào?", intent: "festival_dates", language: "vi",
 *   entities: { festivals: ["hoi-lim"], year: 2027 }, today: "2026-11-20", pack: library.pack("vo-cuong"),
 * };
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ContentPack } from "../../content/index.js";
import type { Entities, IntentLabel, Language } from "../../nlu/index.js";
import type { PlanEngine } from "../../plans/index.js";

/** The intents of the understanding layer. */
export type AnswerIntent = IntentLabel;

/** The language of the answer: the person's language. */
export type AnswerLanguage = Language;

/** What the message mentions; catalogue ids are best first. */
export type AnswerEntities = Entities;

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
   * The plan engine built once per content library (`createPlanEngine(library.packs.values())`).
   * Left out, plan answers build (and cache) one over this pack's own plans.
   */
  plans?: PlanEngine;
  /** A chat model for wording plan answers from the retrieved passages; off when left out. */
  model?: BaseChatModel;
}
