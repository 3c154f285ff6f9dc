import type { Services } from "../../shared/services.js";
import type { Conversation } from "../../core/conversation.js";
import type { Handoff } from "../../domain/handoff.js";
import type { Report } from "../../domain/report.js";
import { updateDocument } from "../../store/update-document.js";
import { maskPhones } from "../../logger.js";
import { uriComponent } from "../../http/uri-component.js";
import { addOfficeMinutes } from "../../calendar/index.js";
import { handoffExpiredText, handoffReleasedText } from "./handoff-texts.js";

/** What a conversation keeps in `state.handoff` while handed off (the `handoffs` record is the truth). */
export interface HandoffState {
  openedAt: number;
  reason: Handoff["reason"];
}

declare module "../../core/conversation.js" {
  interface ConversationState {
    /** Set while handed off (src/features/handoff). */
    handoff?: HandoffState;
    /** Misunderstood messages in a row (src/features/handoff/handoff-misunderstood.ts). */
    misunderstoodInARow?: number;
  }
}

/** No handoff for this conversation key. */
export class HandoffNotFound extends Error {
  constructor(readonly key: string) {
    super(`No handoff for conversation ${key}`);
    this.name = "HandoffNotFound";
  }
}

/** The handoff exists but is closed (released, expired, ended by the person): staff cannot reply or release it. */
export class HandoffNotOpen extends Error {
  constructor(readonly handoff: Handoff) {
    super(`The handoff of ${handoff.key} is ${handoff.status}, not open: the person must ask for staff again`);
    this.name = "HandoffNotOpen";
  }
}

/** What the service needs from the deployment. */
export type HandoffDeps = Pick<Services, "store" | "conversations" | "notifier" | "outbox" | "knowledge" | "now" | "logger"> & {
  config: Pick<Services["config"], "HANDOFF_TIMEOUT_OFFICE_HOURS" | "HANDOFF_INBOX_QUIET_MINUTES">;
};

/**
 * Hands a conversation to staff and back: records the `Handoff` (collection `handoffs`, key = conversation key),
 * notifies staff, sends staff replies to the person through their channel, and closes it on release,
 * on the person's "kết thúc" or after a working day of office hours without a staff reply (HANDOFF_TIMEOUT_OFFICE_HOURS).
 * A staff member answering from the platform's own inbox opens one too (`fromPlatformInbox`), which ends after a
 * quiet period (HANDOFF_INBOX_QUIET_MINUTES).
 *
 * @example
 * const handoffs = new HandoffService(services);
 * await handoffs.reply("zalo:5797…:2512…", "Chào bạn, tôi là cán bộ phòng Văn hóa…");
 * await handoffs.release("zalo:5797…:2512…");
 */
export class HandoffService {
  constructor(private readonly deps: HandoffDeps) {}

  private get records() {
    return this.deps.store.collection<Handoff>("handoffs");
  }

  /** The handoff of a conversation, whatever its status. */
  get(key: string): Promise<Handoff | undefined> {
    return this.records.get(key);
  }

  /** Handoffs, newest first, optionally of one status. */
  async list(filter: { status?: Handoff["status"] } = {}): Promise<Handoff[]> {
    const found = await this.records.find(filter.status ? { status: filter.status } : undefined);
    return found.sort((a, b) => b.openedAt - a.openedAt);
  }

  /**
   * When an open handoff ends by itself: HANDOFF_TIMEOUT_OFFICE_HOURS of office time (one working day by default:
   * nights, weekends and public holidays do not count) after it opened or after the last staff reply; one opened by
   * a reply from the platform's inbox, HANDOFF_INBOX_QUIET_MINUTES after the last such reply.
   */
  dueAt(handoff: Handoff): number {
    const lastReply = Math.max(handoff.openedAt, handoff.lastStaffReplyAt ?? 0);
    if (handoff.reason === "platform_inbox") return lastReply + this.deps.config.HANDOFF_INBOX_QUIET_MINUTES * 60_000;
    return addOfficeMinutes(new Date(lastReply), this.deps.config.HANDOFF_TIMEOUT_OFFICE_HOURS * 60).getTime();
  }

  /** Whether an open handoff has passed its due time (no staff reply for a working day, or the quiet period). */
  isDue(handoff: Handoff, now = this.deps.now()): boolean {
    return handoff.status === "open" && now >= this.dueAt(handoff);
  }

  /**
   * Opens a handoff for the conversation being handled (saved here with its marker, and by the pipeline after) and
   * notifies staff, routed to the unit of the person's open report when there is one. An open one is returned as is.
   */
  async start(conversation: Conversation, reason: Handoff["reason"]): Promise<Handoff> {
    const existing = await this.records.get(conversation.key);
    if (existing?.status === "open") return existing;
    const now = this.deps.now();
    const packId = this.deps.knowledge.packFor(conversation.accountId).id;
    const report = await this.openReportOf(conversation.key);
    const handoff: Handoff = {
      key: conversation.key,
      person: { key: conversation.key, channel: conversation.channel, accountId: conversation.accountId, userId: conversation.userId },
      packId,
      ...(report ? { unitId: report.unitId } : {}),
      reason,
      status: "open",
      openedAt: now,
    };
    // The marker is saved before the record: a person with no marker has no open handoff, so the bot need not read
    // the record on every message (src/features/handoff/handoff-feature.ts). A crash in between leaves a marker without a record,
    // which the next message clears.
    conversation.state.handoff = { openedAt: now, reason } satisfies HandoffState;
    await this.deps.conversations.save(conversation);
    // Replaces the person's previous (closed) handoff, at its revision like every other write of these records.
    await updateDocument(this.records, handoff.key, () => handoff, { durable: true });
    await this.deps.notifier.notify({
      type: "handoff",
      ref: handoff.key,
      packId,
      unitId: handoff.unitId,
      summary: staffSummary(conversation, reason, report),
      consolePath: `/admin/inbox/${uriComponent(handoff.key)}`,
      at: now,
    });
    return handoff;
  }

  /**
   * A staff member answered the person from the platform's own inbox (the echo of a message the bot did not send):
   * the bot pauses for that person. An open handoff records the reply (it is answered); otherwise one opens with
   * reason `platform_inbox`, silent for the person and not announced to staff (they are the ones writing), ending
   * HANDOFF_INBOX_QUIET_MINUTES after the last such reply. The conversation is saved with its marker first, as in `start`.
   */
  async noteReplyFromPlatformInbox(conversation: Conversation, at: number): Promise<Handoff> {
    const existing = await this.records.get(conversation.key);
    if (existing?.status === "open" && !this.isDue(existing)) {
      const updated = await updateDocument(
        this.records,
        conversation.key,
        (current) => {
          const base = current ?? existing;
          return { ...base, firstStaffReplyAt: base.firstStaffReplyAt ?? at, lastStaffReplyAt: Math.max(base.lastStaffReplyAt ?? 0, at) };
        },
        { durable: true },
      );
      return updated!;
    }
    if (existing?.status === "open") await this.close(existing.key, "expired", conversation);
    const handoff: Handoff = {
      key: conversation.key,
      person: { key: conversation.key, channel: conversation.channel, accountId: conversation.accountId, userId: conversation.userId },
      packId: this.deps.knowledge.packFor(conversation.accountId).id,
      reason: "platform_inbox",
      status: "open",
      openedAt: at,
      firstStaffReplyAt: at,
      lastStaffReplyAt: at,
    };
    conversation.state.handoff = { openedAt: at, reason: "platform_inbox" } satisfies HandoffState;
    await this.deps.conversations.save(conversation);
    await updateDocument(this.records, handoff.key, () => handoff, { durable: true });
    return handoff;
  }

  /**
   * Sends a staff member's reply to the person through their channel (kept for their next message when the
   * channel's window is closed) and records the reply times.
   */
  async reply(key: string, text: string): Promise<{ handoff: Handoff; delivery: "sent" | "kept" }> {
    const handoff = await this.openOrThrow(key);
    const delivery = await this.deps.outbox.send(handoff.person, { text }, "staff");
    const now = this.deps.now();
    // On the stored copy: the person may have ended it while the message was going out (it stays ended).
    const updated = await updateDocument(
      this.records,
      key,
      (current) => {
        const base = current ?? handoff;
        return { ...base, firstStaffReplyAt: base.firstStaffReplyAt ?? now, lastStaffReplyAt: now };
      },
      { durable: true },
    );
    return { handoff: updated!, delivery };
  }

  /** Staff hand the conversation back to the bot; the person is told. */
  async release(key: string): Promise<Handoff> {
    await this.openOrThrow(key);
    const closed = await this.close(key, "released");
    await this.deps.outbox.send(closed.person, { text: handoffReleasedText(await this.languageOf(key)) }, "staff");
    return closed;
  }

  /**
   * Closes an open handoff (no message is sent: callers tell the person as suits them).
   * Clears `state.handoff` of the stored conversation; a conversation being handled reconciles from the record.
   */
  async close(key: string, status: Exclude<Handoff["status"], "open">, conversation?: Conversation): Promise<Handoff> {
    const closedAt = this.deps.now();
    let closedHere = false;
    // On the stored copy, and only if still open: a staff reply or another close meanwhile is neither undone nor doubled.
    const closed = await updateDocument(
      this.records,
      key,
      (handoff) => {
        closedHere = handoff?.status === "open";
        return closedHere ? { ...handoff!, status, closedAt } : undefined;
      },
      { durable: true },
    );
    if (!closed) throw new HandoffNotFound(key);
    if (!closedHere) return closed;
    if (conversation) delete conversation.state.handoff;
    else await this.deps.conversations.update(key, (stored) => void delete stored.state.handoff);
    return closed;
  }

  /**
   * Closes every open handoff past its due time and tells each person (a quiet platform-inbox handoff ends silently) (through the
   * outbox: kept for their next message when the window is closed). Returns how many were closed.
   */
  async expireDue(now = this.deps.now()): Promise<number> {
    let count = 0;
    for (const handoff of await this.records.find({ status: "open" })) {
      if (!this.isDue(handoff, now)) continue;
      try {
        await this.expire(handoff);
        count++;
      } catch (error) {
        this.deps.logger.error({ err: error, handoff: handoff.key }, "handoff expiry failed");
      }
    }
    return count;
  }

  private async expire(handoff: Handoff): Promise<Handoff> {
    const closed = await this.close(handoff.key, "expired");
    // The person never asked for staff: the bot simply answers their next message again.
    if (handoff.reason === "platform_inbox") return closed;
    await this.deps.outbox.send(handoff.person, { text: handoffExpiredText(await this.languageOf(handoff.key)) }, "update");
    return closed;
  }

  /** The conversation's transcript, for staff. */
  async transcript(key: string): Promise<Conversation["transcript"]> {
    return (await this.deps.conversations.get(key))?.transcript ?? [];
  }

  /** The open handoff of a conversation; throws HandoffNotFound / HandoffNotOpen (expiring it first when due). */
  async openOrThrow(key: string): Promise<Handoff> {
    const handoff = await this.records.get(key);
    if (!handoff) throw new HandoffNotFound(key);
    // The sweeper has not passed yet: close it now, as it would, so staff see the true state.
    if (this.isDue(handoff)) throw new HandoffNotOpen(await this.expire(handoff));
    if (handoff.status !== "open") throw new HandoffNotOpen(handoff);
    return handoff;
  }

  private async languageOf(key: string): Promise<NonNullable<Conversation["language"]>> {
    return (await this.deps.conversations.get(key))?.language ?? "vi";
  }

  /** The person's newest report still being handled, whose unit the handoff is routed to. */
  private async openReportOf(key: string): Promise<Report | undefined> {
    const reports = await this.deps.store.collection<Report>("reports").find();
    return reports
      .filter((report) => report.reporter?.key === key && (report.status === "received" || report.status === "in_progress"))
      .sort((a, b) => b.createdAt - a.createdAt)[0];
  }
}

/** One line for staff: the channel, why, the open report and what the person last wrote (phones masked). */
function staffSummary(conversation: Conversation, reason: Handoff["reason"], report: Report | undefined): string {
  const why = { asked: "người dân muốn gặp cán bộ", menu: "người dân chọn “Gặp cán bộ”", misunderstood: "trợ lý không hiểu 2 tin liên tiếp", platform_inbox: "cán bộ trả lời trong hộp thư của kênh" }[reason];
  const last = [...conversation.transcript].reverse().find((line) => line.from === "person" && line.text)?.text;
  const quoted = last ? `: “${maskPhones(last).slice(0, 120)}”` : "";
  return `${conversation.channel} · ${why}${report ? ` · phản ánh ${report.code}` : ""}${quoted}`;
}
