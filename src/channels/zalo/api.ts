import type { ZaloClient } from "./client.js";
import { splitText } from "../split-text.js";
import type { ZaloApiResponse, ZaloButton, ZaloOutboundMessage } from "./types.js";

/** Zalo's limit for one consultation text. */
export const ZALO_TEXT_LIMIT = 2000;

/**
 * Typed Open API methods, each a thin line over `client.call` (grammY's src/core/api.ts).
 *
 * @example await api.sendText("2512523625412515000", "Xin chào!");
 */
export class ZaloApi {
  constructor(readonly client: ZaloClient) {}

  /** One consultation ("cs") message: text, buttons or a list/media template. */
  sendMessage(userId: string, message: ZaloOutboundMessage): Promise<ZaloApiResponse<{ message_id: string }>> {
    return this.client.call({
      method: "POST",
      path: "/v3.0/oa/message/cs",
      body: { recipient: { user_id: userId }, message },
    }) as Promise<ZaloApiResponse<{ message_id: string }>>;
  }

  /** Text; longer than 2,000 characters is split at sentence or word boundaries and sent in order. */
  async sendText(userId: string, text: string): Promise<void> {
    for (const part of splitText(text, ZALO_TEXT_LIMIT)) await this.sendMessage(userId, { text: part });
  }

  /** Text with buttons (`oa.query.show` stands in for quick replies). */
  sendButtons(userId: string, text: string, buttons: ZaloButton[]): Promise<ZaloApiResponse<{ message_id: string }>> {
    return this.sendMessage(userId, { text, attachment: { type: "template", payload: { buttons } } });
  }

  /** A picture by URL. */
  sendImage(userId: string, url: string): Promise<ZaloApiResponse<{ message_id: string }>> {
    return this.sendMessage(userId, {
      attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", url }] } },
    });
  }

  /** A list template: up to 5 elements, each opening a URL or sending a query. */
  sendList(
    userId: string,
    elements: { title: string; subtitle?: string; image_url?: string; default_action?: ZaloButton }[],
  ): Promise<ZaloApiResponse<{ message_id: string }>> {
    return this.sendMessage(userId, { attachment: { type: "template", payload: { template_type: "list", elements: elements.slice(0, 5) } } });
  }

  /** A follower's profile (display name), for staff. */
  getUserProfile(userId: string): Promise<ZaloApiResponse<{ display_name?: string; user_id?: string }>> {
    return this.client.call({ method: "GET", path: "/v3.0/oa/user/detail", query: { data: JSON.stringify({ user_id: userId }) } }) as Promise<
      ZaloApiResponse<{ display_name?: string }>
    >;
  }
}
