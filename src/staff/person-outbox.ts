import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { canDeliver, type ChannelRegistry, type SendOptions } from "../core/channel.js";
import type { ConversationRepository } from "../core/conversation.js";
import type { Reply } from "../core/message.js";
import { OUTBOX, outboxEntry, type Outbound, type OutboxEntry } from "../core/outbound.js";
import type { PersonRef } from "../domain/person.js";
import type { NoticeAbout, PersonOutbox } from "../domain/staff-event.js";
import { isKept, type KeptReason, type ReachPolicy } from "../reach/index.js";
import type { Store } from "../store/store.js";

/** A message kept until the person writes again. */
export interface PendingMessage {
  id: string;
  personKey: string;
  person: PersonRef;
  reply: Reply;
  purpose: "update" | "staff";
  keptAt: number;
  /** Why it could not go now (shown to staff as "chưa gửi được"); absent on messages kept before reasons were kept. */
  reason?: KeptReason;
}

/**
 * Sends to a person outside an answer, within the channel's rules (Zalo: 48 h free, Messenger: 24 h, or
 * 7 days for a staff reply with the HUMAN_AGENT tag), the one way out: written to the outbox, then handed to the
 * Outbound (kept there through a platform outage, like replies). Outside the window a notice that says what it is
 * about (a report's status) goes as the first kind the reach policy allows for it (a Zalo transaction message, a
 * Messenger utility message or tag, as configured). Otherwise, or when the channel refuses, the message is kept in
 * `pending` with the reason and delivered by `deliverPending` when the person next writes.
 *
 * @example await outbox.send(report.reporter, { text: "Phản ánh PA-2026-0007: Đã xử lý" }, "update");
 */
export class ChannelOutbox implements PersonOutbox {
  constructor(
    private readonly deps: {
      channels: ChannelRegistry;
      outbound: Outbound;
      conversations: ConversationRepository;
      store: Store;
      logger: Logger;
      now: () => number;
      /** The reach policy (built with the services, after this outbox): asked for notices outside the window. */
      policy?: () => ReachPolicy;
    },
  ) {}

  private get pending() {
    return this.deps.store.collection<PendingMessage>("pending");
  }

  async send(person: PersonRef, reply: Reply, purpose: "update" | "staff", about?: NoticeAbout): Promise<"sent" | "kept"> {
    const channel = this.deps.channels.get(person.channel);
    const conversation = await this.deps.conversations.get(person.key);
    const lastInboundAt = conversation?.lastInboundAt;
    const now = this.deps.now();
    if (channel && canDeliver(channel.window, lastInboundAt, now, purpose)) return this.#deliver(person, reply, purpose, { purpose, lastInboundAt });
    let reason: KeptReason = !channel ? "channel_off" : lastInboundAt === undefined ? "never_wrote" : "window_closed";
    const policy = about && channel ? this.deps.policy?.() : undefined;
    if (policy && about) {
      const who = { ref: person, lastInboundAt };
      const decisions = policy.decideAll?.(who, about.purpose, now) ?? [policy.decide(who, about.purpose, now)];
      const allowed = decisions.find((decision) => !isKept(decision));
      if (allowed && !isKept(allowed)) return this.#deliver(person, reply, purpose, { purpose, lastInboundAt, reach: allowed, template: about.template });
      const kept = decisions.find(isKept);
      if (kept) reason = kept.kept;
    }
    await this.keep(person, reply, purpose, reason);
    return "kept";
  }

  async #deliver(person: PersonRef, reply: Reply, purpose: "update" | "staff", options: SendOptions): Promise<"sent" | "kept"> {
    const entry = outboxEntry(`notice:${randomUUID()}`, person, [reply], this.deps.now(), { options });
    await this.deps.store.commit([{ collection: OUTBOX, id: entry.id, value: entry }]);
    // "retrying": in the outbox, sent when the platform takes it again; a refusal comes back through `keepRefused`.
    if ((await this.deps.outbound.deliver(entry)) !== "refused") {
      await this.deps.conversations.append(person.key, { at: this.deps.now(), from: purpose === "staff" ? "staff" : "bot", text: reply.text });
      return "sent";
    }
    return "kept";
  }

  /** A notice the channel refused after it left the outbox (OutboxDeps.onRefusedNotice): kept for the person's next message. */
  async keepRefused(entry: OutboxEntry): Promise<void> {
    const purpose = entry.options?.purpose === "staff" ? "staff" : "update";
    const key = `${entry.to.channel}:${entry.to.accountId}:${entry.to.userId}`;
    this.deps.logger.warn({ channel: entry.to.channel }, "message to person refused; kept for their next message");
    for (const reply of entry.replies.slice(entry.sent)) await this.keep({ key, ...entry.to }, reply, purpose, "refused");
  }

  /** Keeps a message until the person writes again. */
  async keep(person: PersonRef, reply: Reply, purpose: "update" | "staff", reason?: KeptReason): Promise<void> {
    const id = `${person.key}:${this.deps.now()}:${Math.random().toString(36).slice(2, 8)}`;
    await this.pending.set(id, { id, personKey: person.key, person, reply, purpose, keptAt: this.deps.now(), ...(reason ? { reason } : {}) }, { durable: true });
    // Staff must see their own reply in the transcript even while it waits for the person to write.
    if (purpose === "staff") {
      await this.deps.conversations.append(person.key, { at: this.deps.now(), from: "staff", text: reply.text, extra: "[chờ gửi: gửi khi người dân nhắn lại]" });
    }
  }

  /** What is waiting for a person, oldest first; removed from the store as it is returned. */
  async takePending(personKey: string): Promise<PendingMessage[]> {
    const waiting = (await this.pending.find({ personKey })).sort((a, b) => a.keptAt - b.keptAt);
    for (const message of waiting) await this.pending.delete(message.id);
    return waiting;
  }
}
