import { BotContext } from "../core/context.js";
import type { Conversation } from "../core/conversation.js";
import type { InboundMessage } from "../core/message.js";
import type { ContentPack } from "../content/index.js";
import { cutForUnderstanding, type Understanding } from "../nlu/index.js";
import type { PlanQuestion } from "../plans/index.js";
import type { Services } from "./services.js";
import { say, viOrEn, type Bilingual, type TextValues } from "./bilingual.js";

/**
 * The product's context: the core context plus the services every feature uses, and what the
 * understanding step found (set once per text message by src/features/understand/understand.ts).
 */
export class AppContext extends BotContext {
  /** What the understanding step made of the text (undefined for choices, locations, follows). */
  understanding?: Understanding;
  /**
   * The plan question read when a message put to a dialog's intent was passed on to the plans (questionsBeforeDialogs):
   * its passages are scored already, so the answer does not search the plans again.
   */
  planQuestion?: PlanQuestion;
  #pack?: ContentPack;
  #choice?: string;
  #text?: { value: string | undefined };

  constructor(
    message: InboundMessage,
    conversation: Conversation,
    readonly services: Services,
  ) {
    super(message, conversation);
    this.inDialogBefore = conversation.state.dialog !== undefined;
  }

  /** Whether the person was inside a dialog when this message came (a step's answer is not a content gap). */
  readonly inDialogBefore: boolean;

  /**
   * The text, cut to MAX_UNDERSTOOD_CHARS (src/nlu/text-limit.ts): every feature works on a bounded text, so a
   * 1 MB message costs what a page of text costs. The transcript keeps the whole message (InboundMessage.long).
   */
  override get text(): string | undefined {
    if (this.#text === undefined) {
      const whole = super.text;
      this.#text = { value: whole === undefined ? undefined : cutForUnderstanding(whole) };
    }
    return this.#text.value;
  }

  /**
   * Work to run once this message is handled: its step stored and its replies handed on (the pipeline's onHandled).
   * An erasure rewrites lowdb's append-only files here, after its confirmation has gone out.
   */
  readonly afterHandled: (() => Promise<void>)[] = [];

  /** Today's date in Asia/Ho_Chi_Minh (or BOT_TODAY), YYYY-MM-DD. */
  get today(): string {
    return this.services.today();
  }

  /** The content pack of the OA / page the person wrote to. */
  get pack(): ContentPack {
    this.#pack ??= this.services.knowledge.packFor(this.message.accountId);
    return this.#pack;
  }

  /** Shows "typing…" where the channel can (before a slow answer); never fails the answer. */
  async typing(): Promise<void> {
    await this.services.channels
      .get(this.message.channel)
      ?.typing?.(this.recipient)
      .catch((error: unknown) => this.services.logger.debug({ err: error }, "typing indicator not sent"));
  }

  /**
   * Vietnamese or English, for the parts that speak only those (reports, class registration, status lookups):
   * Chinese and Korean speakers get English there.
   */
  get viOrEn(): "vi" | "en" {
    return viOrEn(this.language);
  }

  /** The payload features see: the tapped one, or the one a language choice continues with. */
  override get choice(): string | undefined {
    return this.#choice ?? super.choice;
  }

  /** Continues with another payload ("lang:zh:menu:festivals" → "menu:festivals" once the language is set). */
  continueWithChoice(payload: string): void {
    this.#choice = payload;
  }

  /** Our text in this person's language (src/shared/bilingual.ts; English for a Chinese or Korean one not written yet). */
  say(text: Bilingual, values?: TextValues): string {
    return say(this.language, text, values);
  }

  /**
   * Picks the Vietnamese or English text for this person (English for Chinese and Korean speakers): the
   * Vietnamese/English-only parts (reports, class registration). Elsewhere use `say({ vi, en, zh, ko })`.
   */
  t(vi: string, en: string): string {
    return say(this.language, { vi, en });
  }
}

/** The context after understanding: `ctx.understanding` is set. */
export type UnderstoodContext = AppContext & { understanding: Understanding; readonly text: string };
