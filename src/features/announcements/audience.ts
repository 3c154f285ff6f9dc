import type { Language } from "../../shared/bilingual.js";
import type { Conversation } from "../../core/conversation.js";
import type { PersonRef } from "../../domain/person.js";
import type { Store } from "../../store/store.js";
import type { Subscription } from "../../shared/subscription.js";
import type { Audience } from "./announcement.js";

/** One recipient of an announcement. */
export interface Recipient {
  person: PersonRef;
  language: Language;
}

/** What choosing recipients needs. */
export interface AudienceDeps {
  store: Store;
  /** Active subscriptions of a topic in a pack. */
  subscribers(topicKey: string, packId: string): Promise<Subscription[]>;
  /** The pack an OA / page id serves. */
  packOf(accountId: string): string;
  /** Whether the bot may write first on this channel at all (the terminal and web chats: no). */
  canWriteFirst(channel: string): boolean;
  /** Whether the channel's free window is open for a person who last wrote at `lastInboundAt`. */
  inWindow(channel: string, lastInboundAt: number | undefined): boolean;
}

/**
 * The recipients of an audience in a pack, one per person: subscribers of a topic; everyone who wrote to the pack's
 * accounts and is inside the window now ("reachable"); or everyone who ever wrote ("everyone", the others get it with
 * their next message). A broadcast has no list: the platform sends it to the followers.
 */
export async function recipientsOf(audience: Audience, packId: string, deps: AudienceDeps): Promise<Recipient[]> {
  if (audience.kind === "broadcast") return [];
  if (audience.kind === "topic") {
    const byPerson = new Map<string, Recipient>();
    for (const s of await deps.subscribers(audience.topicKey, packId)) if (deps.canWriteFirst(s.person.channel)) byPerson.set(s.personKey, { person: s.person, language: s.language });
    return [...byPerson.values()];
  }
  const conversations = await deps.store.collection<Conversation>("conversations").find();
  const recipients: Recipient[] = [];
  for (const c of conversations) {
    if (!deps.canWriteFirst(c.channel) || deps.packOf(c.accountId) !== packId || c.lastInboundAt === undefined) continue;
    if (audience.kind === "reachable" && !deps.inWindow(c.channel, c.lastInboundAt)) continue;
    recipients.push({ person: { key: c.key, channel: c.channel, accountId: c.accountId, userId: c.userId }, language: c.language ?? "vi" });
  }
  return recipients;
}
