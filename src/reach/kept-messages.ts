import type { Reply } from "../core/message.js";
import type { PersonRef } from "../domain/person.js";
import type { Store } from "../store/store.js";
import { updateDocument } from "../store/update-document.js";
import type { KeptReason, ReachPurpose } from "./reach-policy.js";

/**
 * Messages the bot wanted to send first but could not ("chưa gửi được"): each with the reason, what it was for and
 * until when it still makes sense. Staff see them in the console (/admin/kept); when the person writes again, those
 * still valid are delivered before the answer (src/features/kept-messages), the others are marked expired and never
 * sent (a class reminder after the class).
 *
 * @example await kept.keep({ person, reply, purpose: "class_reminder", reason: "window_closed", source, deliverUntil });
 */

/** Collection name. */
export const KEPT_MESSAGES = "kept-messages";

/**
 * Per person, the ids of their waiting kept messages (document id = person key). Every message a person writes asks
 * for what was kept for them; this index makes that one read by id instead of a scan of every kept message.
 */
export const KEPT_BY_PERSON = "kept-messages-by-person";

interface KeptIndex {
  id: string;
  waiting: string[];
  revision?: number;
}

/** What a kept message was for: shown to staff, and the link to the thing it is about. */
export interface KeptSource {
  kind: "class-reminder" | "festival-reminder" | "announcement" | "class-opening" | "registration";
  /** Registration code, subscription id or announcement id. */
  ref: string;
  /** One line for staff ("Nhắc lịch lớp Quan họ Xuân Ổ"). */
  label: string;
}

/** One kept message. */
export interface KeptMessage {
  id: string;
  personKey: string;
  person: PersonRef;
  reply: Reply;
  purpose: ReachPurpose;
  reason: KeptReason;
  /** For staff: which channel refused and why ("zalo: not_follower"), when the reason is `refused`. */
  detail?: string;
  source: KeptSource;
  keptAt: number;
  /** After this instant it is never sent (the event it announces has started). */
  deliverUntil?: number;
  /** waiting for the person's next message; delivered then; expired (they wrote too late); dropped (never sendable in time). */
  status: "waiting" | "delivered" | "expired" | "dropped";
  settledAt?: number;
  revision?: number;
}

/** The kept messages in the store. */
export class KeptMessages {
  constructor(private readonly store: Store) {}

  private get collection() {
    return this.store.collection<KeptMessage>(KEPT_MESSAGES);
  }

  private get index() {
    return this.store.collection<KeptIndex>(KEPT_BY_PERSON);
  }

  /** Indexes waiting messages kept before the per-person index existed; once per process, before the first take. */
  private backfill?: Promise<void>;

  private ensureIndexed(): Promise<void> {
    this.backfill ??= (async () => {
      for (const message of await this.collection.find({ status: "waiting" })) await this.addToIndex(message.personKey, message.id);
    })();
    return this.backfill;
  }

  private async addToIndex(personKey: string, id: string): Promise<void> {
    await updateDocument(this.index, personKey, (current) =>
      current?.waiting.includes(id) ? undefined : { id: personKey, waiting: [...(current?.waiting ?? []), id] },
    { durable: true });
  }

  /** Keeps one message; the id is stable per (source, person), so keeping it again does not make a copy. */
  async keep(message: Omit<KeptMessage, "id" | "personKey" | "status" | "keptAt">, now: number): Promise<KeptMessage> {
    const id = `${message.source.kind}:${message.source.ref}:${message.person.key}`;
    const kept: KeptMessage = { ...message, id, personKey: message.person.key, status: "waiting", keptAt: now };
    await this.collection.set(id, kept, { durable: true });
    await this.addToIndex(kept.personKey, id);
    return kept;
  }

  /** Records a reminder dropped because it could not arrive before its event (counted and shown to staff). */
  async recordDropped(message: Omit<KeptMessage, "id" | "personKey" | "status" | "keptAt" | "reason">, now: number): Promise<void> {
    const id = `${message.source.kind}:${message.source.ref}:${message.person.key}`;
    await this.collection.set(id, { ...message, id, personKey: message.person.key, reason: "too_late", status: "dropped", keptAt: now, settledAt: now }, { durable: true });
  }

  /** Every kept message, newest first (the console). */
  async list(filter: { status?: KeptMessage["status"] } = {}): Promise<KeptMessage[]> {
    const all = await this.collection.find(filter.status ? { status: filter.status } : undefined);
    return all.sort((a, b) => b.keptAt - a.keptAt);
  }

  /**
   * The person's waiting messages that still make sense at `now`, oldest first, marked delivered as they are
   * returned; the ones past their time are marked expired (and counted by the caller).
   */
  async takeFor(personKey: string, now: number): Promise<{ deliver: KeptMessage[]; expired: KeptMessage[] }> {
    await this.ensureIndexed();
    const ids = (await this.index.get(personKey))?.waiting ?? [];
    if (ids.length === 0) return { deliver: [], expired: [] };
    const stored = await Promise.all(ids.map((id) => this.collection.get(id)));
    const waiting = stored.filter((m): m is KeptMessage => m?.status === "waiting").sort((a, b) => a.keptAt - b.keptAt);
    const deliver: KeptMessage[] = [];
    const expired: KeptMessage[] = [];
    for (const message of waiting) {
      const late = message.deliverUntil !== undefined && now >= message.deliverUntil;
      const status: KeptMessage["status"] = late ? "expired" : "delivered";
      let claimed = false;
      // Claimed on the stored copy: two instances handling the person's messages never deliver it twice.
      await updateDocument(this.collection, message.id, (current) => {
        claimed = current?.status === "waiting";
        return claimed ? { ...current!, status, settledAt: now } : undefined;
      }, { durable: true });
      if (claimed) (late ? expired : deliver).push(message);
    }
    // Only the ids read here leave the index: a message kept meanwhile stays for the next take.
    await updateDocument(this.index, personKey, (current) =>
      current && { ...current, waiting: current.waiting.filter((id) => !ids.includes(id)) },
    { durable: true });
    return { deliver, expired };
  }

  /** Erases everything kept for a person (erasure of personal data). Resolves to how many were removed. */
  async eraseFor(personKey: string): Promise<number> {
    const mine = await this.collection.find({ personKey });
    for (const message of mine) await this.collection.delete(message.id);
    await this.index.delete(personKey);
    return mine.length;
  }
}
