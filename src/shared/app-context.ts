import { BotContext } from "../core/context.js";
import type { Conversation } from "../core/conversation.js";
import type { InboundMessage } from "../core/message.js";
import type { ContentPack } from "../content/index.js";
import { cutForUnderstanding, type Understanding } from "../nlu/index.js";
import type { Services } from "./services.js";
import { say, type Bilingual, type TextValues } from "./bilingual.js";

/**
 * The product's context: the core context plus the services every feature uses, and what the
 * understanding step found (set once per text message by src/features/understand/understand.ts).
 */
export class AppContext extends BotContext {
  /** What the understanding step made of the text (undefined for choices, locations, follows). */
  understanding?: Understanding;
  #pack?: ContentPack;
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
   * 1 MB message costs what a page of text costs. The transcript keeps the whole message (`wholeText`).
   */
  override get text(): string | undefined {
    if (this.#text === undefined) {
      const whole = super.text;
      this.#text = { value: whole === undefined ? undefined : cutForUnderstanding(whole) };
    }
    return this.#text.value;
  }

  /** Everything the person wrote, trimmed (for storing, never for parsing: see `text`). */
  get wholeText(): string | undefined {
    return super.text;
  }

  /**
   * Work to run once this message is handled and its conversation saved (the pipeline's onHandled): erasing the
   * person's data must come after the save, or the save would write their conversation back.
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

  /** Our text in this person's language (src/shared/bilingual.ts). */
  say(text: Bilingual, values?: TextValues): string {
    return say(this.language, text, values);
  }
}

/** The context after understanding: `ctx.understanding` is set. */
export type UnderstoodContext = AppContext & { understanding: Understanding; readonly text: string };
