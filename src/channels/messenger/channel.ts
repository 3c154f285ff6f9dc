import { DeliveryRefused, type DeliveryWindow, type OutboundChannel, type Recipient, type SendOptions } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import type { GraphClient } from "./client.js";
import { GraphError } from "./errors.js";
import { renderForMessenger } from "./render.js";
import type { MessengerSendBody } from "./types.js";

const HOUR = 3_600_000;

/** Messenger's rules: 24 h standard window; a human agent may answer up to 7 days with the HUMAN_AGENT tag. */
export const MESSENGER_WINDOW: DeliveryWindow = { freeMs: 24 * HOUR, staffMs: 7 * 24 * HOUR };

/**
 * The Facebook page as an outbound channel.
 *
 * @example registry.add(new MessengerOutbound(graph));
 */
export class MessengerOutbound implements OutboundChannel {
  readonly name = "messenger";
  readonly window = MESSENGER_WINDOW;

  constructor(
    private readonly graph: GraphClient,
    private readonly now: () => number = Date.now,
  ) {}

  async send(to: Recipient, reply: Reply, options: SendOptions = {}): Promise<void> {
    const outsideStandardWindow = options.lastInboundAt !== undefined && this.now() - options.lastInboundAt > MESSENGER_WINDOW.freeMs;
    const envelope: Omit<MessengerSendBody, "message"> =
      options.purpose === "staff" && outsideStandardWindow
        ? { recipient: { id: to.userId }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }
        : { recipient: { id: to.userId }, messaging_type: options.purpose === "update" ? "UPDATE" : "RESPONSE" };
    try {
      for (const message of renderForMessenger(reply)) await this.graph.call("/me/messages", { ...envelope, message });
    } catch (error) {
      if (error instanceof GraphError && error.isOutsideWindow) throw new DeliveryRefused("messenger", "window_closed", error.message, { cause: error });
      throw error;
    }
  }

  /** "typing…" before a slow answer. */
  async typing(to: Recipient): Promise<void> {
    await this.graph.call("/me/messages", { recipient: { id: to.userId }, sender_action: "typing_on" });
  }
}
