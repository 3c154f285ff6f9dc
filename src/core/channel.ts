import type { Reply } from "./message.js";

/**
 * What the core needs from a channel to send: a name, its messaging-window rules and `send`.
 * Each channel (src/channels/*) implements it; nothing outside src/channels knows how.
 */

/** Who a message goes to. */
export interface Recipient {
  channel: string;
  accountId: string;
  userId: string;
}

/**
 * Why a message is sent, which decides whether the channel's window allows it:
 * `response` answers what the person just wrote; `update` is the bot writing first (status change, reminder);
 * `staff` is a human staff member's reply (Messenger allows it longer, with the HUMAN_AGENT tag).
 */
export type SendPurpose = "response" | "update" | "staff";

export interface SendOptions {
  purpose?: SendPurpose;
  /** When the person last wrote: lets a channel pick the right message type (Messenger's HUMAN_AGENT tag). */
  lastInboundAt?: number;
  /**
   * The kind of message the reach policy chose for a message the bot starts (src/reach): a channel that supports
   * tags or templates sends that kind; `free` (or absent) is an ordinary message.
   */
  reach?: { kind: "free" } | { kind: "tagged"; tag: string } | { kind: "template"; templateId: string };
}

/**
 * How long after the person's last message the channel lets us write (ms).
 * `free`: anything may be sent; `staff`: only a staff reply (Messenger's HUMAN_AGENT tag); after that nothing.
 */
export interface DeliveryWindow {
  freeMs: number;
  staffMs: number;
}

/** The result of a send the channel refused for a reason that retrying will not fix. */
export class DeliveryRefused extends Error {
  constructor(
    readonly channel: string,
    readonly reason: "window_closed" | "not_follower" | "blocked" | "invalid_recipient" | "other",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DeliveryRefused";
  }
}

/** An outbound channel. */
export interface OutboundChannel {
  readonly name: string;
  readonly window: DeliveryWindow;
  /** Sends one reply (the channel splits long text, renders choices); throws DeliveryRefused or a transport error. */
  send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void>;
  /** Shows "typing…" where the channel can; optional. */
  typing?(to: Recipient): Promise<void>;
}

/**
 * Whether the window allows a message now.
 *
 * @example canDeliver(zalo.window, lastInboundAt, Date.now(), "update") // true within 48 h
 */
export function canDeliver(window: DeliveryWindow, lastInboundAt: number | undefined, now: number, purpose: SendPurpose): boolean {
  if (purpose === "response") return true;
  if (lastInboundAt === undefined) return false;
  const age = now - lastInboundAt;
  return age <= window.freeMs || (purpose === "staff" && age <= window.staffMs);
}

/**
 * Another way for `ChannelRegistry.send` to go: the outbound queue (src/queue) when REDIS_URL is set,
 * which retries and may send from another instance. `handles` says which channels it takes; the others
 * (the in-process terminal and web chat) are still sent at once.
 */
export interface SendRoute {
  handles(channel: string): boolean;
  /** Resolves once sent; rejects when given up (a DeliveryRefused for a refusal), like a direct send. */
  send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void>;
}

/** The channels a deployment has, by name. */
export class ChannelRegistry {
  #channels = new Map<string, OutboundChannel>();
  #observers: ((channel: string, error?: unknown) => void)[] = [];
  #route?: SendRoute;

  /** Told after every send through the registry (metrics). */
  observe(observer: (channel: string, error?: unknown) => void): this {
    this.#observers.push(observer);
    return this;
  }

  add(channel: OutboundChannel): this {
    this.#channels.set(channel.name, channel);
    return this;
  }

  get(name: string): OutboundChannel | undefined {
    return this.#channels.get(name);
  }

  names(): string[] {
    return [...this.#channels.keys()];
  }

  /**
   * Sends from now on through `route` for the channels it handles (the outbound queue), or directly again
   * with undefined.
   *
   * @example channels.route(outboundQueue); // person notices and staff alerts now retried by the queue
   */
  route(route: SendRoute | undefined): this {
    this.#route = route;
    return this;
  }

  /** Sends through the recipient's channel, by way of the route when one handles it; throws when that channel is off. */
  async send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void> {
    if (this.#route?.handles(to.channel)) return this.#route.send(to, reply, options);
    return this.sendNow(to, reply, options);
  }

  /** Sends through the recipient's channel now, whatever the route (the queue's worker, the in-process path). */
  async sendNow(to: Recipient, reply: Reply, options?: SendOptions): Promise<void> {
    const channel = this.#channels.get(to.channel);
    try {
      if (!channel) throw new DeliveryRefused(to.channel, "other", `Channel ${to.channel} is not configured`);
      await channel.send(to, reply, options);
    } catch (error) {
      for (const observer of this.#observers) observer(to.channel, error);
      throw error;
    }
    for (const observer of this.#observers) observer(to.channel);
  }
}
