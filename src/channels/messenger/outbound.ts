import { DeliveryRefused, type DeliveryWindow, type OutboundChannel, type OutOfWindowKind, type Recipient, type SendOptions, type TemplateContent } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { MESSENGER_TAG_PURPOSES } from "./config.js";
import { messengerWasDelivered } from "./delivery-check.js";
import type { GraphClient } from "./graph/client.js";
import { GraphApiError, isTransientGraphError } from "./graph/errors.js";
import type { MessageTag, SendKind } from "./graph/send-types.js";
import { renderForMessenger } from "./render.js";

const HOUR = 3_600_000;

/** Messenger's rules: 24 h standard window; a human agent may answer up to 7 days with the HUMAN_AGENT tag. */
export const MESSENGER_WINDOW: DeliveryWindow = { freeMs: 24 * HOUR, staffMs: 7 * 24 * HOUR };

/** The kinds for outside the window the deployment configured (FB_UTILITY_TEMPLATES, FB_MESSAGE_TAGS). */
export interface MessengerReachOptions {
  /** Purpose → the name of an approved utility template of the page. */
  utilityTemplates?: Partial<Record<string, string>>;
  /** Language codes the templates are approved in, preferred first ("vi", "en_US"). */
  utilityLanguages?: readonly string[];
  /** Tags the page may use (each carries the purposes MESSENGER_TAG_PURPOSES gives it). */
  tags?: readonly (keyof typeof MESSENGER_TAG_PURPOSES)[];
}

/**
 * The Facebook page as an outbound channel: picks the kind of send from the purpose and the window, renders the
 * neutral reply and sends it through the Graph client. Outside the 24-hour window it offers what the deployment
 * configured: a utility message from an approved template first (Meta's way for updates and reminders), then a
 * message tag for its own use.
 *
 * @example channels.add(new MessengerOutbound(graph, Date.now, { tags: ["CONFIRMED_EVENT_UPDATE"] }));
 */
export class MessengerOutbound implements OutboundChannel {
  readonly name = "messenger";
  readonly window = MESSENGER_WINDOW;
  readonly outOfWindow: readonly OutOfWindowKind[];
  private readonly languages: readonly string[];

  constructor(
    private readonly graph: GraphClient,
    private readonly now: () => number = Date.now,
    options: MessengerReachOptions = {},
  ) {
    this.languages = options.utilityLanguages?.length ? options.utilityLanguages : ["vi"];
    this.outOfWindow = [
      ...Object.entries(options.utilityTemplates ?? {}).map(([purpose, name]): OutOfWindowKind => ({
        send: { kind: "template", templateId: name! },
        purposes: [purpose],
        needsInbound: true,
      })),
      ...(options.tags ?? []).map((tag): OutOfWindowKind => ({ send: { kind: "tagged", tag }, purposes: MESSENGER_TAG_PURPOSES[tag], needsInbound: true })),
    ];
  }

  async send(to: Recipient, reply: Reply, options: SendOptions = {}): Promise<void> {
    const reach = options.reach;
    const outsideStandardWindow = options.lastInboundAt !== undefined && this.now() - options.lastInboundAt > MESSENGER_WINDOW.freeMs;
    try {
      if (reach?.kind === "template" && options.template) {
        await this.graph.sendUtilityMessage(to.userId, { name: reach.templateId, language: this.#language(options.template), body: options.template.fields.map((field) => ({ name: field.name, text: field.value })) });
        return;
      }
      const kind: SendKind =
        reach?.kind === "tagged"
          ? { type: "MESSAGE_TAG", tag: reach.tag as MessageTag }
          : options.purpose === "staff" && outsideStandardWindow
            ? { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }
            : { type: options.purpose === "update" ? "UPDATE" : "RESPONSE" };
      for (const message of renderForMessenger(reply)) await this.graph.sendMessage(to.userId, message, kind);
    } catch (error) {
      if (error instanceof GraphApiError && error.isOutsideWindow) throw new DeliveryRefused("messenger", "window_closed", error.message, { cause: error });
      // A template or tag Graph refused (no page_utility_messaging permission, a template not approved, a tag the
      // page may not use): asking again will not change it. No answer, 5xx and rate limits are tried again later.
      if (reach && reach.kind !== "free" && error instanceof GraphApiError && !isTransientGraphError(error)) {
        throw new DeliveryRefused("messenger", "other", error.message, { cause: error });
      }
      throw error;
    }
  }

  /** After a send that timed out: whether the page's conversation shows the reply (delivery-check.ts). */
  wasDelivered(to: Recipient, reply: Reply, since: number): Promise<boolean | "partly" | undefined> {
    return messengerWasDelivered(this.graph, to, reply, since);
  }

  /** "typing…" before a slow answer. */
  async typing(to: Recipient): Promise<void> {
    await this.graph.sendAction(to.userId, "typing_on");
  }

  /** The template language for the person's: "en" → "en_US" when approved, else the first configured. */
  #language(content: TemplateContent): string {
    return this.languages.find((code) => code.split("_")[0] === content.language) ?? this.languages[0];
  }
}
