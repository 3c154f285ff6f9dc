import type { DeliveryWindow, OutboundChannel, Recipient } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";

/**
 * A channel with no outside API (the terminal chat, the web chat): replies wait in a per-person
 * buffer until the front end takes them. Nothing is refused: the person is right there.
 *
 * @example const cli = new BufferedChannel("cli"); registry.add(cli); … cli.take("me")
 */
export class BufferedChannel implements OutboundChannel {
  readonly window: DeliveryWindow = { freeMs: Number.POSITIVE_INFINITY, staffMs: Number.POSITIVE_INFINITY };
  #buffers = new Map<string, Reply[]>();
  #listeners = new Set<(userId: string) => void>();

  constructor(readonly name: string, private readonly limit = 100) {}

  async send(to: Recipient, reply: Reply): Promise<void> {
    const buffer = this.#buffers.get(to.userId) ?? [];
    buffer.push(reply);
    if (buffer.length > this.limit) buffer.shift();
    this.#buffers.set(to.userId, buffer);
    for (const listener of this.#listeners) listener(to.userId);
  }

  /** Takes (and clears) what is waiting for a person. */
  take(userId: string): Reply[] {
    const buffer = this.#buffers.get(userId) ?? [];
    this.#buffers.delete(userId);
    return buffer;
  }

  /** Calls `listener` whenever something is buffered; returns the unsubscribe function. */
  subscribe(listener: (userId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
