import { DeliveryRefused, type DeliveryWindow, type OutboundChannel, type Recipient, type SendOptions } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { messengerWasDelivered } from "./delivery-check.js";
import type { GraphClient } from "./graph/client.js";
import { GraphApiError } from "./graph/errors.js";
import type { SendKind } from "./graph/send-types.js";
import { renderForMessenger } from "./render.js";

const HOUR = 3_600_000;

/** Messenger's rules: 24 h standard window; a human agent may answer up to 7 days with the HUMAN_AGENT tag. */
export const MESSENGER_WINDOW: DeliveryWindow = { freeMs: 24 * HOUR, staffMs: 7 * 24 * HOUR };

/**
 * The Facebook page as an outbound channel: picks the kind of send from the purpose and the window, renders the
 * neutral reply and sends it through the Graph client.
 *
 * @example channels.add(new MessengerOutbound(graph));
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
    const kind: SendKind =
      options.purpose === "staff" && outsideStandardWindow
        ? { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }
        : { type: options.purpose === "update" ? "UPDATE" : "RESPONSE" };
    try {
      for (const message of renderForMessenger(reply)) await this.graph.sendMessage(to.userId, message, kind);
    } catch (error) {
      if (error instanceof GraphApiError && error.isOutsideWindow) throw new DeliveryRefused("messenger", "window_closed", error.message, { cause: error });
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
}
