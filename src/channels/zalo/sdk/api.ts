import { ApiClient, type ApiClientOptions, type ConversationMessage, type SendResult, type Transformer, type UserDetail, type ZnsResult } from "./client.js";
import {
  buildButtons,
  buildImage,
  buildList,
  buildRequestUserInfo,
  buildTransaction,
  type ZaloButton,
  type ZaloCsMessage,
  type ZaloImage,
  type ZaloListElement,
  type ZaloTransactionMessage,
} from "./messages.js";

/**
 * The Zalo Official Account API, one line per method over `raw` (grammY's src/core/api.ts). `config.use` installs
 * transformers around every call: retry, token refresh, logging (see transformers.ts).
 *
 * @example
 * const api = new Api({ apiRoot: "https://openapi.zalo.me" });
 * api.config.use(retry({ attempts: 4 }), autoToken(tokens));
 * await api.sendText("2512523625412515000", "Xin chào!");
 */
export class Api {
  readonly #client: ApiClient;
  /** The raw methods, with Zalo's own payloads (`METHODS` in client.ts). */
  readonly raw: ApiClient["raw"];
  readonly config: { use(...transformers: Transformer[]): void; installedTransformers(): Transformer[] };

  constructor(options: ApiClientOptions = {}) {
    this.#client = new ApiClient(options);
    this.raw = this.#client.raw;
    this.config = {
      use: (...transformers) => void this.#client.use(...transformers),
      installedTransformers: () => this.#client.installedTransformers(),
    };
  }

  // ===  Consultation messages (free within 48 h of the person's last message)  ===

  /** Any consultation message (text, buttons, list, media, request_user_info, file). */
  sendMessage(userId: string, message: ZaloCsMessage): Promise<SendResult> {
    return this.raw.sendConsultation({ recipient: { user_id: userId }, message });
  }

  /** One text of at most 2,000 characters (ZALO_TEXT_LIMIT). */
  sendText(userId: string, text: string): Promise<SendResult> {
    return this.sendMessage(userId, { text });
  }

  /** Text with up to 5 buttons; `oa.query.show` buttons stand in for quick replies. */
  sendButtons(userId: string, text: string, buttons: ZaloButton[]): Promise<SendResult> {
    return this.sendMessage(userId, buildButtons(text, buttons));
  }

  /** A picture by URL or by the attachment id of `uploadImage`, with an optional caption. */
  sendImage(userId: string, image: ZaloImage, caption?: string): Promise<SendResult> {
    return this.sendMessage(userId, buildImage(image, caption));
  }

  /** A list template ("template list"): up to 5 elements, each opening a URL or sending a query. */
  sendList(userId: string, elements: ZaloListElement[], buttons?: ZaloButton[]): Promise<SendResult> {
    return this.sendMessage(userId, buildList(elements, buttons));
  }

  /** The request_user_info card; the person's answer comes back as a `user_submit_info` event. */
  requestUserInfo(userId: string, card: { title: string; subtitle: string; imageUrl: string }): Promise<SendResult> {
    return this.sendMessage(userId, buildRequestUserInfo(card));
  }

  /** A file by the token of `uploadFile`. */
  sendFile(userId: string, token: string): Promise<SendResult> {
    return this.sendMessage(userId, { attachment: { type: "file", payload: { token } } });
  }

  // ===  Transaction messages (updates about something the person did; needs Zalo's permission)  ===

  /** A transaction message: banner, header, paragraphs, a key/value table and up to 4 buttons. */
  sendTransaction(userId: string, message: ZaloTransactionMessage): Promise<SendResult> {
    return this.raw.sendTransaction({ recipient: { user_id: userId }, message: buildTransaction(message) });
  }

  // ===  ZNS (approved templates sent to a phone number; paid, needs a ZNS account linked to the OA)  ===

  /**
   * A ZNS message: the approved template `templateId` filled with `data` (its parameters by name), to the Zalo
   * account of `phone`. The number is sent as 84xxxxxxxxx (a leading 0 or +84 is rewritten). `trackingId` comes back
   * in ZNS's delivery events.
   *
   * @example await api.sendZns("0912345678", "248079", { code: "LH-2026-0003", date: "26/11/2026" }, { trackingId: "LH-2026-0003" });
   */
  sendZns(phone: string, templateId: string, data: Record<string, string>, options: { trackingId?: string; development?: boolean } = {}): Promise<ZnsResult> {
    return this.raw.sendZnsTemplate({
      phone: znsPhone(phone),
      template_id: templateId,
      template_data: data,
      ...(options.trackingId ? { tracking_id: options.trackingId.slice(0, 48) } : {}),
      ...(options.development ? { mode: "development" as const } : {}),
    });
  }

  // ===  Broadcast (OAs Zalo allows to broadcast, within their package's monthly number)  ===

  /**
   * Sends a published article (its attachment id) to the OA's followers; `target` narrows them (ages, gender,
   * locations, cities, platform: Zalo's codes, comma-separated).
   */
  sendBroadcast(articleId: string, target: Record<string, string> = {}): Promise<{ message_id: string }> {
    return this.raw.sendBroadcast({
      recipient: { target },
      message: { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "article", attachment_id: articleId }] } } },
    });
  }

  // ===  Followers, uploads, tokens  ===

  /** A follower's profile: display name, avatar, and what they shared through request_user_info. */
  getUserProfile(userId: string): Promise<UserDetail> {
    return this.raw.getUserDetail({ user_id: userId });
  }

  /**
   * The last messages between the OA and a person, newest first: `count` at most 10 a page, `offset` pages back.
   * The way to tell whether a send that timed out arrived (the channel's wasDelivered).
   */
  async getConversation(userId: string, offset = 0, count = 10): Promise<ConversationMessage[]> {
    const rows = await this.raw.getConversation({ user_id: userId, offset, count });
    return Array.isArray(rows) ? rows : [];
  }

  /** Uploads a jpg/png of at most 1 MB; returns the attachment id for `sendImage` and banners. */
  async uploadImage(file: Blob | Uint8Array, filename = "image.jpg"): Promise<string> {
    return (await this.raw.uploadImage({ file, filename })).attachment_id;
  }

  /** Uploads a pdf/doc/docx of at most 5 MB; returns the token for `sendFile`. */
  async uploadFile(file: Blob | Uint8Array, filename: string): Promise<string> {
    return (await this.raw.uploadFile({ file, filename })).token;
  }

  /**
   * Exchanges the refresh token for a new pair (the refresh token is single-use: save the new one first).
   * `expiresAt` is epoch ms, from Zalo's `expires_in` seconds (about 25 h).
   */
  async refreshAccessToken(app: { appId: string; appSecret: string }, refreshToken: string): Promise<{ accessToken: string; refreshToken?: string; expiresAt: number }> {
    const answer = await this.raw.getAccessToken({ app_id: app.appId, secret_key: app.appSecret, grant_type: "refresh_token", refresh_token: refreshToken });
    return { accessToken: answer.access_token, refreshToken: answer.refresh_token, expiresAt: Date.now() + Number(answer.expires_in ?? 90_000) * 1000 };
  }
}

/**
 * A Vietnamese number as ZNS takes it: digits only, 84 then the number without its leading 0.
 *
 * @example znsPhone("0912 345 678") // "84912345678"
 */
export function znsPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.startsWith("84")) return digits;
  return digits.startsWith("0") ? `84${digits.slice(1)}` : `84${digits}`;
}
