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
  reach?: ReachKind;
  /**
   * The facts of a message the bot starts, for the kinds that are templates (a Zalo transaction message or ZNS, a
   * Messenger utility message): the channel fills the template's parameters from them by name. Absent on answers.
   */
  template?: TemplateContent;
}

/**
 * The kind of message chosen for a message the bot starts (src/reach decides, the channel sends): an ordinary one,
 * one with a platform tag, or an approved template; `phone` is the number a template sent by phone number goes to
 * (given by the person for that task, with their consent).
 */
export type ReachKind = { kind: "free" } | { kind: "tagged"; tag: string } | { kind: "template"; templateId: string; phone?: string };

/** The named facts a platform template is filled with (docs/reach.md lists the names of each purpose). */
export interface TemplateContent {
  /** The person's language: templates are approved per language. */
  language: "vi" | "en";
  /** One line naming the matter ("Phản ánh PA-2026-0007"): a transaction message's header. */
  title: string;
  /** The template's parameters by name, in order (docs/reach.md lists them per purpose). */
  fields: { name: string; value: string }[];
}

/**
 * A kind of message a channel may send outside its free window, as the deployment configured it (an approved
 * template, an enabled tag). The reach policy (src/reach) picks the first one that fits the purpose and the person;
 * nothing outside the channel knows what the kind is on the platform.
 */
export interface OutOfWindowKind {
  /** What the channel is told to send (`SendOptions.reach`). */
  send: { kind: "tagged"; tag: string } | { kind: "template"; templateId: string };
  /** The purposes it may carry (src/reach's ReachPurpose values). */
  purposes: readonly string[];
  /** Only to people who wrote on this channel before (a follower's transaction message, a tagged message). */
  needsInbound?: boolean;
  /** It goes to the phone number the person gave for the task, only with their consent (Zalo ZNS). */
  byPhone?: boolean;
  /** How the person is told of it when their consent is asked ("tin ZNS của Zalo"); for `byPhone` kinds. */
  label?: { vi: string; en: string };
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
  /** What may be sent outside the free window, in the order the channel prefers; none when absent. */
  readonly outOfWindow?: readonly OutOfWindowKind[];
  /** Sends one reply (the channel splits long text, renders choices); throws DeliveryRefused or a transport error. */
  send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void>;
  /** Shows "typing…" where the channel can; optional. */
  typing?(to: Recipient): Promise<void>;
  /**
   * After a send that timed out: whether the platform shows the reply as sent to the person since `since` (epoch ms)
   * — e.g. the last messages of the conversation (Zalo OA: GET /v2.0/oa/conversation; Messenger: the page's
   * conversations API). "partly" when only its first parts (of a reply rendered as several messages) are there;
   * `undefined` when it cannot tell. Optional: without it a timed-out send is "maybe sent".
   */
  wasDelivered?(to: Recipient, reply: Reply, since: number): Promise<boolean | "partly" | undefined>;
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
 * How the consoles show a channel, declared by the channel itself (src/channels/<channel>): its name for staff and
 * its colour in charts. Known whether or not the channel is on now, since past messages came through it.
 */
export interface ChannelLabel {
  readonly name: string;
  readonly label: string;
  readonly color: string;
}

/** Chart colours for a channel that declared none. */
const SPARE_COLORS = ["#c77700", "#8a1c1c", "#2b7a78"];

/** The channels a deployment has, by name. */
export class ChannelRegistry {
  #channels = new Map<string, OutboundChannel>();
  #labels = new Map<string, ChannelLabel>();
  #observers: ((channel: string, error?: unknown) => void)[] = [];

  /** Told after every send through the registry (metrics). */
  observe(observer: (channel: string, error?: unknown) => void): this {
    this.#observers.push(observer);
    return this;
  }

  /** Declares how a channel is shown (ChannelLabel), on or off. */
  describe(label: ChannelLabel): this {
    this.#labels.set(label.name, label);
    return this;
  }

  /**
   * A channel's name for staff, as the channel declared it (its own name when it declared none).
   * @example channels.label("cli") // "Dòng lệnh"
   */
  label(name: string): string {
    return this.#labels.get(name)?.label ?? name;
  }

  /** A channel's chart colour, as it declared it (a spare one, by its place in the chart, when it declared none). */
  color(name: string, index: number): string {
    return this.#labels.get(name)?.color ?? SPARE_COLORS[index % SPARE_COLORS.length];
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
   * Sends through the recipient's channel now; throws when that channel is off or the send fails. Used by the
   * Outbound (src/queue), which keeps what could not be sent in the outbox, and for staff alerts.
   */
  async send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void> {
    return this.sendNow(to, reply, options);
  }

  /** Asks the recipient's channel whether a timed-out send arrived (OutboundChannel.wasDelivered); undefined: cannot tell. */
  async wasDelivered(to: Recipient, reply: Reply, since: number): Promise<boolean | "partly" | undefined> {
    try {
      return await this.#channels.get(to.channel)?.wasDelivered?.(to, reply, since);
    } catch {
      return undefined;
    }
  }

  /** The one place a send happens (observed for /metrics). */
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
