import { DeliveryRefused, type DeliveryWindow, type OutboundChannel, type OutOfWindowKind, type Recipient, type SendOptions, type TemplateContent } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { zaloWasDelivered } from "./delivery-check.js";
import { renderForZalo as render } from "./render.js";
import { isTransient, ZaloApiError, type Api, type ZaloButton, type ZaloCsMessage, type ZaloTransactionTemplate } from "./sdk/index.js";

const HOUR = 3_600_000;

/**
 * Zalo's rules: free consultation replies within 48 h of the person's last message; after 7 days nothing goes
 * through (-230). Between 48 h and 7 days a message costs the OA's paid quota, so only staff replies use it.
 */
export const ZALO_WINDOW: DeliveryWindow = { freeMs: 48 * HOUR, staffMs: 7 * 24 * HOUR };

/** The kinds for outside the window the deployment configured (ZALO_TRANSACTION_TEMPLATES, ZALO_ZNS_TEMPLATES). */
export interface ZaloReachOptions {
  /** Purpose → transaction template type ("report_update" → "transaction_account"). */
  transactionTemplates?: Partial<Record<string, string>>;
  /** Purpose → approved ZNS template id. */
  znsTemplates?: Partial<Record<string, string>>;
}

const TRANSACTION = "transaction:";
const ZNS = "zns:";

/**
 * The Zalo OA as an outbound channel of the pipeline: renders the neutral reply and sends it through the SDK's Api.
 * Outside the 48-hour window it offers what the deployment configured, in this order: a transaction message to a
 * person who wrote to the OA (they must follow it), then a ZNS template to the phone number they gave for the
 * matter, with their consent.
 *
 * @example channels.add(new ZaloOutbound(api, { contactCardImageUrl, znsTemplates: { class_reminder: "248079" } }));
 */
export class ZaloOutbound implements OutboundChannel {
  readonly name = "zalo";
  readonly window = ZALO_WINDOW;
  readonly outOfWindow: readonly OutOfWindowKind[];
  /** The picture of the request_user_info card (ZALO_CONTACT_CARD_IMAGE_URL); without it, contact is typed. */
  private readonly contactCardImageUrl?: string;

  constructor(
    private readonly api: Api,
    options: { contactCardImageUrl?: string } & ZaloReachOptions = {},
  ) {
    this.contactCardImageUrl = options.contactCardImageUrl;
    this.outOfWindow = [
      ...Object.entries(options.transactionTemplates ?? {}).map(([purpose, type]): OutOfWindowKind => ({
        send: { kind: "template", templateId: `${TRANSACTION}${type}` },
        purposes: [purpose],
        needsInbound: true,
      })),
      ...Object.entries(options.znsTemplates ?? {}).map(([purpose, id]): OutOfWindowKind => ({
        send: { kind: "template", templateId: `${ZNS}${id}` },
        purposes: [purpose],
        byPhone: true,
        label: { vi: "tin thông báo ZNS của Zalo", en: "a Zalo notification (ZNS)" },
      })),
    ];
  }

  async send(to: Recipient, reply: Reply, options: SendOptions = {}): Promise<void> {
    const reach = options.reach;
    if (reach?.kind === "template" && options.template) return this.#sendTemplate(to, reply, reach.templateId, options.template, reach.phone);
    try {
      for (const message of render(reply, { contactCardImageUrl: this.contactCardImageUrl })) {
        // The one-tap contact card is a convenience: if Zalo refuses it (an OA without that permission), the
        // question already sent asks the person to type, so the reply is not failed (and not sent twice).
        if (isContactCard(message)) await this.api.sendMessage(to.userId, message).catch((error) => ignoreCardRefusal(error));
        else await this.api.sendMessage(to.userId, message);
      }
    } catch (error) {
      if (error instanceof ZaloApiError && error.isUndeliverable) {
        throw new DeliveryRefused("zalo", error.errorCode === -230 ? "window_closed" : "not_follower", error.message, { cause: error });
      }
      throw error;
    }
  }

  /** A transaction message (to the person's user id) or a ZNS (to their phone), filled from the message's facts. */
  async #sendTemplate(to: Recipient, reply: Reply, templateId: string, content: TemplateContent, phone: string | undefined): Promise<void> {
    try {
      if (templateId.startsWith(TRANSACTION)) {
        await this.api.sendTransaction(to.userId, {
          template: templateId.slice(TRANSACTION.length) as ZaloTransactionTemplate,
          language: content.language === "en" ? "EN" : "VI",
          elements: [
            { type: "header", content: content.title },
            { type: "text", content: reply.text },
          ],
          // Zalo shows at most 4 buttons under a transaction message; each sends its payload back as the person's message.
          buttons: (reply.choices ?? []).slice(0, 4).map((choice): ZaloButton => ({ title: choice.title, type: "oa.query.show", payload: `#${choice.payload}` })),
        });
        return;
      }
      if (!templateId.startsWith(ZNS) || !phone) throw new DeliveryRefused("zalo", "invalid_recipient", "a ZNS needs the person's phone number");
      await this.api.sendZns(phone, templateId.slice(ZNS.length), Object.fromEntries(content.fields.map((field) => [field.name, field.value])));
    } catch (error) {
      // Zalo answered and refused (not a follower, no permission for the template, no Zalo account for the number):
      // waiting will not change it. No answer, 5xx and rate limits are thrown as they are, for a later try.
      if (error instanceof ZaloApiError && !isTransient(error) && !error.isTokenProblem) {
        const reason = error.errorCode === -213 ? "not_follower" : error.isZnsRecipientProblem ? "invalid_recipient" : "other";
        throw new DeliveryRefused("zalo", reason, error.message, { cause: error });
      }
      throw error;
    }
  }

  /** After a send that timed out: whether the OA's conversation shows the reply (delivery-check.ts). */
  wasDelivered(to: Recipient, reply: Reply, since: number): Promise<boolean | "partly" | undefined> {
    return zaloWasDelivered(this.api, to, reply, since, { contactCardImageUrl: this.contactCardImageUrl });
  }
}

function isContactCard(message: ZaloCsMessage): boolean {
  return "attachment" in message && message.attachment.type === "template" && "template_type" in message.attachment.payload && message.attachment.payload.template_type === "request_user_info";
}

function ignoreCardRefusal(error: unknown): void {
  if (error instanceof ZaloApiError && !error.isUndeliverable) return;
  throw error;
}
