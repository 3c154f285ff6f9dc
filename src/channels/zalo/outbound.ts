import { DeliveryRefused, type DeliveryWindow, type OutboundChannel, type Recipient, type SendOptions } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { renderForZalo as render } from "./render.js";
import type { OwnSends } from "../own-sends.js";
import { ZaloApiError, type Api, type ZaloCsMessage } from "./sdk/index.js";

const HOUR = 3_600_000;

/**
 * Zalo's rules: free consultation replies within 48 h of the person's last message; after 7 days nothing goes
 * through (-230). Between 48 h and 7 days a message costs the OA's paid quota, so only staff replies use it.
 */
export const ZALO_WINDOW: DeliveryWindow = { freeMs: 48 * HOUR, staffMs: 7 * 24 * HOUR };

/**
 * The Zalo OA as an outbound channel of the pipeline: renders the neutral reply and sends it through the SDK's Api.
 *
 * @example channels.add(new ZaloOutbound(api));
 */
export class ZaloOutbound implements OutboundChannel {
  readonly name = "zalo";
  readonly window = ZALO_WINDOW;

  constructor(
    private readonly api: Api,
    /** The picture of the request_user_info card (ZALO_CONTACT_CARD_IMAGE_URL); without it, contact is typed. */
    private readonly contactCardImageUrl?: string,
    /** Records the id of each message sent, so its echo (oa_send_*) is known as the bot's own (handlers.ts). */
    private readonly own?: OwnSends,
  ) {}

  async send(to: Recipient, reply: Reply, _options?: SendOptions): Promise<void> {
    try {
      for (const message of render(reply, { contactCardImageUrl: this.contactCardImageUrl })) {
        // The one-tap contact card is a convenience: if Zalo refuses it (an OA without that permission), the
        // question already sent asks the person to type, so the reply is not failed (and not sent twice).
        if (isContactCard(message)) await this.#deliver(to.userId, message).catch((error) => ignoreCardRefusal(error));
        else await this.#deliver(to.userId, message);
      }
    } catch (error) {
      if (error instanceof ZaloApiError && error.isUndeliverable) {
        throw new DeliveryRefused("zalo", error.errorCode === -230 ? "window_closed" : "not_follower", error.message, { cause: error });
      }
      throw error;
    }
  }

  #deliver(userId: string, message: ZaloCsMessage): Promise<unknown> {
    const send = () => this.api.sendMessage(userId, message);
    return this.own ? this.own.track(userId, send, (result) => result.message_id) : send();
  }
}

function isContactCard(message: ZaloCsMessage): boolean {
  return "attachment" in message && message.attachment.type === "template" && "template_type" in message.attachment.payload && message.attachment.payload.template_type === "request_user_info";
}

function ignoreCardRefusal(error: unknown): void {
  if (error instanceof ZaloApiError && !error.isUndeliverable) return;
  throw error;
}
