import type { Language } from "./bilingual.js";
import { randomBytes } from "node:crypto";
import type { PersonRef } from "../domain/person.js";
import type { Store } from "../store/store.js";
import { updateDocument } from "../store/update-document.js";
import { SUBSCRIPTIONS, topicKey, type Subscription, type SubscriptionTopic } from "./subscription.js";

/**
 * Subscriptions in the store: create (one active per person and topic: asking again updates the days), list, end,
 * find the subscribers of a topic, record what was reminded, and erase a person's (privacy).
 *
 * @example
 * const service = new SubscriptionService({ store, now });
 * const sub = await service.subscribe({ person, packId: "vo-cuong", language: "vi", topic: { kind: "festival", festivalId: "hoi-lim" }, daysBefore: 3 });
 */
export class SubscriptionService {
  constructor(private readonly deps: { store: Store; now: () => number }) {}

  private get collection() {
    return this.deps.store.collection<Subscription>(SUBSCRIPTIONS);
  }

  /** Subscribes, or updates the days of the person's active subscription to the same topic. */
  async subscribe(input: { person: PersonRef; packId: string; language: Language; topic: SubscriptionTopic; daysBefore?: number; notified?: string[] }): Promise<Subscription> {
    const key = topicKey(input.topic);
    const existing = (await this.collection.find({ personKey: input.person.key, topicKey: key, status: "active" }))[0];
    if (existing) {
      const updated = await updateDocument(this.collection, existing.id, (current) => current && { ...current, daysBefore: input.daysBefore, language: input.language }, { durable: true });
      return updated ?? existing;
    }
    const subscription: Subscription = {
      id: `NH-${randomBytes(4).toString("hex").toUpperCase().slice(0, 6)}`,
      personKey: input.person.key,
      person: { key: input.person.key, channel: input.person.channel, accountId: input.person.accountId, userId: input.person.userId },
      packId: input.packId,
      language: input.language,
      topic: input.topic,
      topicKey: key,
      ...(input.daysBefore !== undefined ? { daysBefore: input.daysBefore } : {}),
      status: "active",
      createdAt: this.deps.now(),
      notified: input.notified ?? [],
    };
    await this.collection.set(subscription.id, subscription, { durable: true });
    return subscription;
  }

  /** The person's active subscriptions, oldest first. */
  async listFor(personKey: string): Promise<Subscription[]> {
    return (await this.collection.find({ personKey, status: "active" })).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Ends one of the person's subscriptions; undefined when it is not theirs or already ended. */
  async end(personKey: string, id: string): Promise<Subscription | undefined> {
    let ended: Subscription | undefined;
    await updateDocument(this.collection, id, (current) => {
      ended = current && current.personKey === personKey && current.status === "active" ? { ...current, status: "ended", endedAt: this.deps.now() } : undefined;
      return ended;
    }, { durable: true });
    return ended;
  }

  /** Active subscriptions of every person: all of them, or those of one topic key ("festival:hoi-lim") and pack. */
  async active(filter: { topicKey?: string; packId?: string } = {}): Promise<Subscription[]> {
    const match: Record<string, string> = { status: "active" };
    if (filter.topicKey) match.topicKey = filter.topicKey;
    if (filter.packId) match.packId = filter.packId;
    return this.collection.find(match);
  }

  /**
   * Records that `mark` (an occurrence's first day, a class id) was reminded; false when it already was (another
   * instance got there first), so a reminder is claimed before it is sent and never sent twice.
   */
  async claim(id: string, mark: string): Promise<boolean> {
    let claimed = false;
    await updateDocument(this.collection, id, (current) => {
      claimed = !!current && current.status === "active" && !current.notified.includes(mark);
      return claimed ? { ...current!, notified: [...current!.notified, mark] } : undefined;
    }, { durable: true });
    return claimed;
  }

  /** Gives a claim back (the send failed for a reason worth another try). */
  async release(id: string, mark: string): Promise<void> {
    await updateDocument(this.collection, id, (current) => current && { ...current, notified: current.notified.filter((m) => m !== mark) }, { durable: true });
  }

  /** Erases every subscription of a person, active or ended (erasure of personal data). Resolves to how many. */
  async eraseFor(personKey: string): Promise<number> {
    const mine = await this.collection.find({ personKey });
    for (const subscription of mine) await this.collection.delete(subscription.id);
    return mine.length;
  }
}
