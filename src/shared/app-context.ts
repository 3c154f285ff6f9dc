import { BotContext } from "../core/context.js";
import type { Conversation } from "../core/conversation.js";
import type { InboundMessage, Reply } from "../core/message.js";
import type { ContentPack } from "../content/index.js";
import type { Understanding } from "../nlu/index.js";
import type { Services } from "./services.js";

/**
 * The product's context: the core context plus the services every feature uses, and what the
 * understanding step found (set once per text message by src/features/understand/understand.ts).
 */
export class AppContext extends BotContext {
  /** What the understanding step made of the text (undefined for choices, locations, follows). */
  understanding?: Understanding;
  #pack?: ContentPack;

  constructor(
    message: InboundMessage,
    conversation: Conversation,
    deliver: (reply: Reply) => Promise<void>,
    readonly services: Services,
  ) {
    super(message, conversation, deliver);
    this.unansweredBefore = (conversation.state.unanswered as number | undefined) ?? 0;
    this.inDialogBefore = conversation.state.dialog !== undefined;
  }

  /** Whether the person was inside a dialog when this message came (a step's answer is not a content gap). */
  readonly inDialogBefore: boolean;

  /** How many messages had gone unanswered before this one (analytics compares after handling). */
  readonly unansweredBefore: number;

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

  /** Picks the Vietnamese or English text for this person. */
  t(vi: string, en: string): string {
    return this.language === "en" ? en : vi;
  }
}

/** The context after understanding: `ctx.understanding` is set. */
export type UnderstoodContext = AppContext & { understanding: Understanding; readonly text: string };
