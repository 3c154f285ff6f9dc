import { DeliveryRefused, type DeliveryWindow, type OutboundChannel, type Recipient, type SendOptions } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { renderForZalo as render } from "./render.js";
import { ZaloApiError, type Api } from "./sdk/index.js";

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

  constructor(private readonly api: Api) {}

  async send(to: Recipient, reply: Reply, _options?: SendOptions): Promise<void> {
    try {
      for (const message of render(reply)) await this.api.sendMessage(to.userId, message);
    } catch (error) {
      if (error instanceof ZaloApiError && error.isUndeliverable) {
        throw new DeliveryRefused("zalo", error.errorCode === -230 ? "window_closed" : "not_follower", error.message, { cause: error });
      }
      throw error;
    }
  }
}
