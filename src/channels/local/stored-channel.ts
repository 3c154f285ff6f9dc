import type { DeliveryWindow, OutboundChannel, Recipient, SendOptions } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { revisionOf, type Store } from "../../store/store.js";
import { updateDocument } from "../../store/update-document.js";

/** A reply waiting for the front end; `fromStaff` when a staff member wrote it (the page labels it "Cán bộ"). */
export type LocalReply = Reply & { fromStaff?: true };

/** What waits for one person of a local channel. */
interface LocalInbox {
  replies: LocalReply[];
  revision?: number;
}

/** The store collection local channels keep undelivered replies in. */
export const LOCAL_INBOX = "local_inbox";

/**
 * A channel with no outside API (the terminal chat, the web chat): replies wait in the store until the front end takes
 * them — the answer to the message just sent, or a notice written later (a report's status, a staff reply), which
 * survives a restart. Nothing is refused: the person is right there.
 *
 * @example const web = new StoredChannel("web", store); registry.add(web); … await web.take("w-abc")
 */
export class StoredChannel implements OutboundChannel {
  readonly window: DeliveryWindow = { freeMs: Number.POSITIVE_INFINITY, staffMs: Number.POSITIVE_INFINITY };

  constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly limit = 100,
  ) {}

  async send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void> {
    const collection = this.store.collection<LocalInbox>(LOCAL_INBOX);
    const waiting: LocalReply = options?.purpose === "staff" ? { ...reply, fromStaff: true } : reply;
    await updateDocument(collection, this.#id(to.userId), (stored) => ({ replies: [...(stored?.replies ?? []), waiting].slice(-this.limit) }), { durable: true });
  }

  /** Takes (and clears) what is waiting for a person, oldest first. */
  async take(userId: string): Promise<LocalReply[]> {
    const collection = this.store.collection<LocalInbox>(LOCAL_INBOX);
    for (;;) {
      const stored = await collection.get(this.#id(userId));
      if (!stored || stored.replies.length === 0) return [];
      // Taken only if nothing was added since it was read; otherwise read again.
      if (await this.store.commit([{ collection: LOCAL_INBOX, id: this.#id(userId), value: undefined, expectedRevision: revisionOf(stored) }])) return stored.replies;
    }
  }

  #id(userId: string): string {
    return `${this.name}:${userId}`;
  }
}
