import { DeliveryRefused, type DeliveryWindow, type OutboundChannel, type Recipient, type SendOptions } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import type { GraphClient } from "./graph/client.js";
import { GraphApiError } from "./graph/errors.js";
import type { SendKind } from "./graph/send-types.js";
import type { OwnSends } from "../own-sends.js";
import { renderForMessenger } from "./render.js";
import { BOT_METADATA } from "./to-message.js";

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
    /** Records each sent message's id, so its echo is known as the bot's own (webhook.ts). */
    private readonly own?: OwnSends,
  ) {}

  async send(to: Recipient, reply: Reply, options: SendOptions = {}): Promise<void> {
    const outsideStandardWindow = options.lastInboundAt !== undefined && this.now() - options.lastInboundAt > MESSENGER_WINDOW.freeMs;
    const kind: SendKind =
      options.purpose === "staff" && outsideStandardWindow
        ? { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }
        : { type: options.purpose === "update" ? "UPDATE" : "RESPONSE" };
    try {
      for (const message of renderForMessenger(reply)) {
        // The metadata comes back in the echo: the bot's own message, not a staff member's from the Page inbox.
        const send = () => this.graph.sendMessage(to.userId, { ...message, metadata: BOT_METADATA }, kind);
        await (this.own ? this.own.track(to.userId, send, (result) => result.message_id) : send());
      }
    } catch (error) {
      if (error instanceof GraphApiError && error.isOutsideWindow) throw new DeliveryRefused("messenger", "window_closed", error.message, { cause: error });
      throw error;
    }
  }

  /** "typing…" before a slow answer. */
  async typing(to: Recipient): Promise<void> {
    await this.graph.sendAction(to.userId, "typing_on");
  }
}
