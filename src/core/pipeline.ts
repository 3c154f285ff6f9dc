import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import { DeliveryRefused, type ChannelRegistry } from "./channel.js";
import { BotError, run, type MiddlewareFn } from "./composer.js";
import type { BotContext } from "./context.js";
import { ConversationRepository, type Conversation, type TranscriptLine } from "./conversation.js";
import type { InboundMessage, Reply } from "./message.js";
import { ConcurrencyLimit } from "./concurrency-limit.js";
import { SerialQueue, type KeyedRunner } from "./serial-queue.js";

/**
 * The one path every inbound message takes, whatever its channel (Chatwoot's events job):
 * drop repeats, keep each person's messages in order, load the conversation, run the bot's middleware,
 * save the conversation. Replies go out through the channel registry as they are made.
 */

/**
 * Sends the replies to one handled message through a queue shared by the instances (src/queue), with
 * retries and a dead-letter list. The pipeline gathers a message's replies while its handler runs and
 * queues them as one job; the person's turn (the runner) is held until that job is done, so the next
 * message's replies can never overtake them.
 */
export interface ReplyQueue {
  /** Whether this channel's replies go through the queue (channels with an outside API do; the in-process chats do not). */
  handles(channel: string): boolean;
  /**
   * Queues the replies as one job whose id comes from the message; resolves once the job is stored,
   * with `done` telling how it ended (never rejects: failures were already dead-lettered and logged).
   */
  enqueue(message: InboundMessage, replies: Reply[]): Promise<{ done: Promise<"sent" | "dead_letter" | "timeout"> }>;
}

/**
 * A runner that tells when a task has its place in the person's line (the Redis runner: once its ticket is
 * taken), so `receive` can resolve only then: messages received one after another, on any instances, are
 * then handled in that order.
 */
export interface PlacingRunner extends KeyedRunner {
  readonly reportsPlace: true;
  run<T>(key: string, task: () => Promise<T>, placed?: () => void): Promise<T>;
}

export interface PipelineOptions<C extends BotContext> {
  store: Store;
  channels: ChannelRegistry;
  middleware: MiddlewareFn<C>;
  createContext: (message: InboundMessage, conversation: Conversation, deliver: (reply: Reply) => Promise<void>) => C;
  logger: Logger;
  /** Per-person ordering; in-process by default, a Redis lock when scaled out. */
  runner?: KeyedRunner | PlacingRunner;
  /** Told when a handler throws (after the error is logged). */
  onError?: (error: BotError<C>) => Promise<void>;
  /** Replies through the outbound queue (REDIS_URL); without it each reply is sent as it is made. */
  replyQueue?: ReplyQueue;
  /** Told when a reply could not be delivered (after retries): dead letters, staff alerts. The queue has its own. */
  onDeliveryFailed?: (message: InboundMessage, reply: Reply, error: unknown) => Promise<void>;
  /** Told after each message is handled, with how long it took (analytics, metrics). */
  onHandled?: (ctx: C, seconds: number) => Promise<void> | void;
  /** Told of each delivery: accepted or a repeat (metrics). */
  onReceived?: (message: InboundMessage, outcome: "queued" | "duplicate") => void;
  /** Most messages handled at once (default 256); the rest wait in line, see ConcurrencyLimit. */
  maxConcurrent?: number;
}

/**
 * @example
 * const pipeline = new Pipeline({ store, channels, middleware: bot.middleware(), createContext, logger });
 * await pipeline.receive(message); // returns once queued
 */
export class Pipeline<C extends BotContext> {
  readonly conversations: ConversationRepository;
  #queue: SerialQueue;
  #runner: KeyedRunner | PlacingRunner;
  #limit: ConcurrencyLimit;

  constructor(private readonly options: PipelineOptions<C>) {
    this.conversations = new ConversationRepository(options.store);
    this.#queue = new SerialQueue();
    this.#runner = options.runner ?? this.#queue;
    this.#limit = new ConcurrencyLimit(options.maxConcurrent ?? 256);
  }

  /**
   * Accepts a message for handling; resolves once it is queued ("duplicate" for a repeat delivery), i.e.
   * once it has its place in the person's line (with the Redis runner: its ticket taken, so a message
   * received after this resolves, on any instance, is handled after it). Handling happens after.
   */
  async receive(message: InboundMessage): Promise<"queued" | "duplicate"> {
    if (!(await this.options.store.markSeen(`${message.channel}:${message.id}`))) {
      this.options.logger.debug({ channel: message.channel, id: message.id }, "duplicate delivery dropped");
      this.options.onReceived?.(message, "duplicate");
      return "duplicate";
    }
    this.options.onReceived?.(message, "queued");
    // The outer queue entry only counts the message for idle(); the runner keeps the person's order.
    const runner = this.#runner;
    const key = this.#personKey(message);
    let placed!: () => void;
    const inLine = new Promise<void>((resolve) => (placed = resolve));
    // The in-process queue places a task as it is called; a placing runner says when (its Redis ticket).
    if (!("reportsPlace" in runner)) placed();
    // The slot is taken in the person's turn: their next message waits behind this one, others are not held up.
    const handle = () => this.#limit.run(() => this.handle(message));
    void this.#queue
      .run(`message:${message.channel}:${message.id}`, () => ("reportsPlace" in runner ? runner.run(key, handle, placed) : runner.run(key, handle)))
      .catch((error) => this.options.logger.error({ err: error, channel: message.channel }, "message handling failed"))
      .finally(placed);
    await inLine;
    return "queued";
  }

  /** Handles one message now and returns its context (the CLI and web chat read `ctx.replies`). */
  async handle(message: InboundMessage): Promise<C> {
    const log = this.options.logger;
    const started = performance.now();
    const conversation = await this.conversations.load(message.channel, message.accountId, message.userId);
    // Writing, opening the chat (Get Started, a referral link) and sharing contact details all open the platform's reply window.
    if (message.kind === "message" || message.kind === "start" || message.kind === "submit_info") conversation.lastInboundAt = Math.max(conversation.lastInboundAt ?? 0, message.timestamp || Date.now());
    conversation.transcript.push(transcriptLine(message));
    // With the queue, replies are gathered and sent as one job after the handler: their order is kept
    // whichever instance's worker sends them.
    const gathered: Reply[] | undefined = this.options.replyQueue?.handles(message.channel) ? [] : undefined;
    const deliver = gathered ? async (reply: Reply) => void gathered.push(reply) : (reply: Reply) => this.#deliver(message, reply);
    const ctx = this.options.createContext(message, conversation, deliver);
    try {
      await run(this.options.middleware, ctx);
    } catch (error) {
      const botError = new BotError(error, ctx);
      log.error({ err: error, channel: message.channel }, "handler failed");
      await this.options.onError?.(botError).catch((nested) => log.error({ err: nested }, "error handler failed"));
    }
    // Queued before the conversation is saved (the job is in Redis, whatever happens next) and waited for
    // after: the person's turn is held until their replies are out.
    const queued = gathered?.length ? await this.#enqueue(message, gathered) : undefined;
    await this.conversations.save(ctx.conversation);
    const outcome = await queued?.done;
    if (outcome && outcome !== "sent") log.warn({ channel: message.channel, outcome }, "queued replies not confirmed sent");
    await this.options.onHandled?.(ctx, (performance.now() - started) / 1000);
    return ctx;
  }

  /** Messages accepted and not yet handled. */
  get pending(): number {
    return this.#queue.pending;
  }

  /** Messages being handled now (at most `maxConcurrent`), and those whose turn came but wait for a slot. */
  get handling(): { running: number; waiting: number } {
    return { running: this.#limit.running, waiting: this.#limit.waiting };
  }

  /** Resolves when every queued message has been handled. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  #personKey(message: InboundMessage): string {
    return `${message.channel}:${message.accountId}:${message.userId}`;
  }

  /** Queues the gathered replies; if Redis refuses, sends them here, in order, so the person still gets them. */
  async #enqueue(message: InboundMessage, replies: Reply[]): Promise<{ done: Promise<string> } | undefined> {
    try {
      return await this.options.replyQueue!.enqueue(message, replies);
    } catch (error) {
      this.options.logger.error({ err: error, channel: message.channel }, "outbound queue unavailable; sending replies directly");
      for (const reply of replies) await this.#deliver(message, reply);
      return undefined;
    }
  }

  async #deliver(message: InboundMessage, reply: Reply): Promise<void> {
    try {
      // Straight to the channel: the queue (when on) is used through `replyQueue`, never twice.
      await this.options.channels.sendNow(
        { channel: message.channel, accountId: message.accountId, userId: message.userId },
        reply,
        { purpose: "response" },
      );
    } catch (error) {
      const level = error instanceof DeliveryRefused ? "warn" : "error";
      this.options.logger[level]({ err: error, channel: message.channel }, "reply not delivered");
      await this.options.onDeliveryFailed?.(message, reply, error);
    }
  }
}

function transcriptLine(message: InboundMessage): TranscriptLine {
  const extras = [
    ...message.attachments.map((attachment) => `[${attachment.kind}] ${attachment.url}`),
    message.location ? `[location] ${message.location.latitude},${message.location.longitude}` : "",
    message.choice ? `[choice] ${message.choice}` : "",
    message.kind !== "message" ? `[${message.kind}]` : "",
  ].filter(Boolean);
  return { at: message.timestamp || Date.now(), from: "person", text: message.text ?? "", extra: extras.join(" ") || undefined };
}
