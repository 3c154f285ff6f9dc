import type { Logger } from "pino";
import { DeliveryRefused, type Recipient, type SendOptions, type TemplateContent } from "../core/channel.js";
import type { Reply } from "../core/message.js";
import type { PersonRef } from "../domain/person.js";
import type { KeptMessages, KeptSource } from "./kept-messages.js";
import { isKept, type KeptReason, type ReachDecision, type ReachPolicy, type ReachPurpose } from "./reach-policy.js";

/** How one bot-started message ended. */
export type ReachResult =
  | { status: "sent"; decision: Exclude<ReachDecision, { kept: KeptReason }> }
  /** Kept for the person's next message (shown to staff as "chưa gửi được"), or dropped when its time passed. */
  | { status: "kept"; reason: KeptReason }
  /** The platform refused for good (blocked, invalid recipient): never retried. */
  | { status: "failed"; error: string };

/** What the sender needs: narrow on purpose, so tests and the announcement worker can pass their own. */
export interface ReachSenderDeps {
  policy: ReachPolicy;
  /** The channel registry's send. */
  send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void>;
  /** When the person last wrote (their conversation). */
  lastInboundAt(personKey: string): Promise<number | undefined>;
  /** Writes the sent message in the person's transcript (staff see it in the inbox). */
  record?(personKey: string, line: { at: number; from: "bot"; text: string }): Promise<void>;
  kept: KeptMessages;
  logger: Logger;
  now: () => number;
}

/** What a message is, for the kept list and the expiry. */
export interface ReachMessage {
  purpose: ReachPurpose;
  source: KeptSource;
  /** After this instant the message is pointless (the event has started): kept messages expire then. */
  deliverUntil?: number;
  /** The facts for a template kind (Zalo transaction / ZNS, Messenger utility); without them no template is used. */
  template?: TemplateContent;
  /**
   * The phone number the person gave for this matter and agreed to be told about it by (a registration's, with its
   * consent): only with it may a kind sent by phone number be chosen. Never any other number.
   */
  phone?: string;
}

/**
 * Sends a message the bot starts (not an answer) the way the policy allows, or keeps it with the reason.
 * Transport errors (network, 5xx, 429) are thrown: the caller retries (the reminder scheduler on its next run, the
 * announcement worker with its backoff).
 *
 * @example
 * const result = await sender.send(person, { text: "Nhắc lịch: …" }, { purpose: "class_reminder", source, deliverUntil });
 */
export class ReachSender {
  constructor(private readonly deps: ReachSenderDeps) {}

  async send(person: PersonRef, reply: Reply, message: ReachMessage): Promise<ReachResult> {
    const now = this.deps.now();
    const lastInboundAt = await this.deps.lastInboundAt(person.key);
    const who = { ref: person, lastInboundAt, ...(message.phone ? { phone: message.phone } : {}) };
    const decisions = this.deps.policy.decideAll?.(who, message.purpose, now) ?? [this.deps.policy.decide(who, message.purpose, now)];
    let refused: DeliveryRefused | undefined;
    for (const decision of decisions) {
      if (isKept(decision)) return this.#keep(person, reply, message, refused ? "refused" : decision.kept, refused && `${refused.channel}: ${refused.reason}`);
      // A template is filled from the message's facts: a message without them cannot go as one.
      if (decision.kind === "template" && !message.template) continue;
      try {
        await this.deps.send(person, reply, {
          purpose: message.purpose === "staff_reply" ? "staff" : "update",
          lastInboundAt,
          reach: decision,
          ...(message.template ? { template: message.template } : {}),
        });
      } catch (error) {
        if (!(error instanceof DeliveryRefused)) throw error;
        this.deps.logger.warn({ err: error, channel: person.channel, source: message.source.kind, kind: decision.kind }, "bot-started message refused by the platform");
        // A template or tag the platform refused (not a follower, no permission, ZNS refused): the next allowed kind
        // is tried, and when none is left the message waits for the person's next message.
        if (decision.kind === "template" || (decision.kind === "tagged" && decision.tag !== "HUMAN_AGENT")) {
          refused = error;
          continue;
        }
        // A closed window the policy did not know of (the person wrote on another device, clocks) is kept for later;
        // a block or an unknown recipient will not change by waiting.
        if (error.reason === "window_closed") return this.#keep(person, reply, message, "window_closed");
        return { status: "failed", error: `${error.reason}: ${error.message}` };
      }
      await this.deps.record?.(person.key, { at: now, from: "bot", text: reply.text }).catch((error: unknown) =>
        this.deps.logger.warn({ err: error }, "sent message not written in the transcript"),
      );
      return { status: "sent", decision };
    }
    return this.#keep(person, reply, message, refused ? "refused" : "window_closed");
  }

  async #keep(person: PersonRef, reply: Reply, message: ReachMessage, reason: KeptReason, detail?: string): Promise<ReachResult> {
    await this.deps.kept.keep(
      { person, reply, purpose: message.purpose, reason, ...(detail ? { detail } : {}), source: message.source, deliverUntil: message.deliverUntil },
      this.deps.now(),
    );
    return { status: "kept", reason };
  }
}
