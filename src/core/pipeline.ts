import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import { BotError, run, type MiddlewareFn } from "./composer.js";
import type { BotContext } from "./context.js";
import { APPLIED_LIMIT, ConversationRepository, type Conversation, type TranscriptLine } from "./conversation.js";
import type { Inbox, Received } from "./inbox.js";
import type { InboundMessage } from "./message.js";
import { ConcurrencyLimit } from "./concurrency-limit.js";
import { OUTBOX, OUTBOX_SENT, outboxEntry, replyEntryId, type DeliveryOutcome, type Outbound, type OutboxEntry, type SentMark } from "./outbound.js";
import { SerialQueue, type KeyedRunner } from "./serial-queue.js";
import { TRANSCRIPT_PREVIEW_CHARS, transcriptPreview, transcriptText, wholeTextWrite } from "./transcript-text.js";

/**
 * The one path every inbound message takes, whatever its channel — Zalo, Messenger, the web chat, the terminal chat
 * (Chatwoot's events job): drop repeats, keep each person's messages in order, at most `maxConcurrent` at once, load
 * the conversation, run the bot's middleware (ctx.reply collects), store the step — new state, the documents the
 * handler saved, the replies in the outbox — in one commit, and only then hand the replies to the one Outbound.
 */

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
  middleware: MiddlewareFn<C>;
  createContext: (message: InboundMessage, conversation: Conversation) => C;
  /** Where replies go once stored: direct sending, or the outbound queue (REDIS_URL). */
  outbound: Outbound;
  logger: Logger;
  /** Per-person ordering; in-process by default, a Redis lock when scaled out. */
  runner?: KeyedRunner | PlacingRunner;
  /** Told when a handler throws (after the error is logged); may reply. */
  onError?: (error: BotError<C>) => Promise<void>;
  /** Told after each message is handled, with how long it took (analytics, metrics). */
  onHandled?: (ctx: C, seconds: number) => Promise<void> | void;
  /** Told of each delivery: accepted or a repeat (metrics). */
  onReceived?: (message: InboundMessage, outcome: "queued" | "duplicate") => void;
  /** Most messages handled at once (default 256); the rest wait in line, see ConcurrencyLimit. */
  maxConcurrent?: number;
  now?: () => number;
}


/**
 * @example
 * const pipeline = new Pipeline({ store, middleware: bot.middleware(), createContext, outbound, logger });
 * await pipeline.receive(message); // returns once it has its place in line
 * await pipeline.receive(message, { wait: true }); // returns once handled and its replies handed on (web chat)
 */
export class Pipeline<C extends BotContext> implements Inbox {
  readonly conversations: ConversationRepository;
  #queue = new SerialQueue();
  #runner: KeyedRunner | PlacingRunner;
  #limit: ConcurrencyLimit;
  #long = new ConcurrencyLimit(LONG_MESSAGES_AT_ONCE);

  constructor(private readonly options: PipelineOptions<C>) {
    this.conversations = new ConversationRepository(options.store);
    this.#runner = options.runner ?? this.#queue;
    this.#limit = new ConcurrencyLimit(options.maxConcurrent ?? 256);
  }

  /**
   * Accepts a message for handling; resolves once it has its place in the person's line (with the Redis runner: its
   * ticket taken, so a message received after this resolves, on any instance, is handled after it), or, with
   * `wait`, once it is handled and its replies handed to the outbound. "duplicate" for a repeat delivery.
   */
  async receive(message: InboundMessage, options: { wait?: boolean } = {}): Promise<Received> {
    if (!(await this.options.store.markSeen(`${message.channel}:${message.id}`))) {
      this.options.logger.debug({ channel: message.channel, id: message.id }, "duplicate delivery dropped");
      this.options.onReceived?.(message, "duplicate");
      return "duplicate";
    }
    this.options.onReceived?.(message, "queued");
    const runner = this.#runner;
    const key = `${message.channel}:${message.accountId}:${message.userId}`;
    let placed!: () => void;
    const inLine = new Promise<void>((resolve) => (placed = resolve));
    // The in-process queue places a task as it is called; a placing runner says when (its Redis ticket).
    if (!("reportsPlace" in runner)) placed();
    // The slot is taken in the person's turn: their next message waits behind this one, others are not held up.
    // A long text (up to the 1 MB body limit) also waits for one of the few slots of long texts: a flood of them
    // then holds at most that many steps of the one event loop at a time, and short messages are not queued behind.
    const long = message.long !== undefined || (message.text?.length ?? 0) > TRANSCRIPT_PREVIEW_CHARS;
    const handle = () => this.#limit.run(() => (long ? this.#long.run(() => this.#handle(message)) : this.#handle(message)));
    // The outer queue entry only counts the message for idle(); the runner keeps the person's order.
    const handled = this.#queue
      .run(`message:${message.channel}:${message.id}`, () => ("reportsPlace" in runner ? runner.run(key, handle, placed) : runner.run(key, handle)))
      .catch((error) => this.options.logger.error({ err: error, channel: message.channel }, "message handling failed"))
      .finally(placed);
    await (options.wait ? handled : inLine);
    return options.wait ? "handled" : "queued";
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

  async #handle(message: InboundMessage): Promise<void> {
    const log = this.options.logger;
    const started = performance.now();
    const now = this.options.now ?? Date.now;
    const conversation = await this.conversations.load(message.channel, message.accountId, message.userId);
    // Stored already (a redelivery whose id the seen list lost, e.g. in a crash): its replies, not its step again.
    if (conversation.applied?.includes(message.id)) {
      await this.#replay(message);
      return;
    }
    // Writing, opening the chat (Get Started, a referral link) and sharing contact details all open the platform's reply window.
    if (message.kind === "message" || message.kind === "start" || message.kind === "submit_info") conversation.lastInboundAt = Math.max(conversation.lastInboundAt ?? 0, message.timestamp || now());
    const unsent = await this.#previousUnsent(message, conversation);
    // Or sent already, but after this message was written (the sweeper sent it while this message waited in line).
    const unseen = unsent !== undefined || (await this.#previousArrivedAfter(message, conversation));
    const repeated = unseen && this.#saysTheSame(message, conversation);
    const { line, whole } = transcriptLine(message, conversation.key);
    conversation.transcript.push(line);
    // A long text is kept whole beside the documents, in the step's own commit: a stored line never points to a text
    // that is not on disk, and the two share one disk sync (group commit).
    const kept = whole && line.full ? [wholeTextWrite(conversation.key, line.full, whole, now())] : [];
    if (repeated) {
      // They heard nothing and said it again: what we answered goes out, and this is not the next step's answer.
      conversation.applied = [...(conversation.applied ?? []), message.id].slice(-APPLIED_LIMIT);
      await this.conversations.save(conversation, kept);
      if (unsent) await this.options.outbound.deliver(unsent);
      return;
    }
    const ctx = this.options.createContext(message, conversation);
    // The replies to their previous message are still unsent (a crash left them, or the platform was down): they go
    // out before this message's, never after — a question sent late, after the next one, gets the next answer.
    // Bounded: through an outage they stay in the outbox, and this message is not held for their retries.
    if (unseen) ctx.previousRepliesUnseen = true;
    if (unsent) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.options.outbound.deliver(unsent), new Promise((resolve) => (timer = setTimeout(resolve, PREVIOUS_REPLIES_WAIT_MS)))]);
      clearTimeout(timer);
    }
    try {
      await run(this.options.middleware, ctx);
    } catch (error) {
      log.error({ err: error, channel: message.channel }, "handler failed");
      ctx.writes.length = 0; // a step that failed half-way saves nothing of its own
      ctx.committed.length = 0;
      await this.options.onError?.(new BotError(error, ctx)).catch((nested) => log.error({ err: nested }, "error handler failed"));
    }
    conversation.applied = [...(conversation.applied ?? []), message.id].slice(-APPLIED_LIMIT);
    const entry = ctx.replies.length > 0 ? outboxEntry(replyEntryId(message), message, ctx.replies, now(), { options: { purpose: "response" }, messageId: message.id }) : undefined;
    // This message's replies become the ones the next message is checked against: the previous one's sent mark is done.
    const previousId = ctx.conversation.lastAnswered ?? ctx.conversation.applied?.at(-2);
    const markDone = entry && previousId ? [{ collection: OUTBOX_SENT, id: replyEntryId({ ...message, id: previousId }), value: undefined }] : [];
    if (entry) ctx.conversation.lastAnswered = message.id;
    // Durable before visible: the step, what it saved and its replies, in one commit, before anything is sent.
    await this.conversations.save(ctx.conversation, [...kept, ...ctx.writes, ...(entry ? [{ collection: OUTBOX, id: entry.id, value: entry }] : []), ...markDone]);
    for (const task of ctx.committed) await task().catch((error: unknown) => log.error({ err: error }, "work after the step failed"));
    // The person's turn is held until their replies are out (or kept for a retry): the next answer cannot overtake them.
    const outcome = entry ? await this.options.outbound.deliver(entry) : undefined;
    if (outcome && outcome !== "sent") log.warn({ channel: message.channel, outcome }, "replies not confirmed sent");
    await this.options.onHandled?.(ctx, (performance.now() - started) / 1000);
  }

  /**
   * The outbox entry of the replies to the person's previous message while it is still unsent (the bot died between
   * storing the step and sending its question, or the platform is down). "Previous" is the last message that had
   * replies: after a repeat (applied, no replies of its own) it is still the message the repeat waits for.
   */
  async #previousUnsent(message: InboundMessage, conversation: Conversation): Promise<OutboxEntry | undefined> {
    const previousId = conversation.lastAnswered ?? conversation.applied?.at(-1);
    if (!previousId) return undefined;
    const entry = await this.options.store.collection<OutboxEntry>(OUTBOX).get(replyEntryId({ ...message, id: previousId }));
    return entry && entry.sent < entry.replies.length ? entry : undefined;
  }

  /**
   * Whether the replies to the previous message went out after this message was written (the person's clock), by the
   * stored sent mark (OUTBOX_SENT): whichever delivery sent them — this process, the one before a restart, another
   * instance — the time is known.
   */
  async #previousArrivedAfter(message: InboundMessage, conversation: Conversation): Promise<boolean> {
    const previousId = conversation.lastAnswered ?? conversation.applied?.at(-1);
    if (!previousId || !message.timestamp) return false;
    const mark = await this.options.store.collection<SentMark>(OUTBOX_SENT).get(replyEntryId({ ...message, id: previousId }));
    return mark !== undefined && message.timestamp < mark.at;
  }

  /**
   * Whether this message says what the person's previous one said: with the previous replies unsent, the person is
   * repeating themselves, not answering the question they never got.
   */
  #saysTheSame(message: InboundMessage, conversation: Conversation): boolean {
    const text = message.text?.trim();
    if (!text || message.kind !== "message") return false;
    const previous = [...conversation.transcript].reverse().find((line) => line.from === "person");
    // The line shows the start of a long text: compare as much.
    return previous?.text.trim() === transcriptPreview(text).trim();
  }

  async #replay(message: InboundMessage): Promise<DeliveryOutcome | undefined> {
    const entry = await this.options.store.collection<OutboxEntry>(OUTBOX).get(replyEntryId(message));
    this.options.logger.info({ channel: message.channel, pending: entry !== undefined }, "redelivered message already handled: its stored replies are sent, the step is not applied again");
    return entry ? this.options.outbound.deliver(entry) : undefined;
  }
}

/**
 * Long texts (longer than a transcript line shows) handled at once. Each costs the main thread more than a short
 * message (its copy from the parse worker, hashing, encoding it to keep it whole); two let one compute while the
 * other waits for the disk or the platform.
 */
export const LONG_MESSAGES_AT_ONCE = 2;

/** How long a message waits for the unsent replies to the person's previous one to go out first. */
const PREVIOUS_REPLIES_WAIT_MS = 5_000;

/** The person's line, and the whole text to keep when the line shows only its start (transcript-text.ts). */
function transcriptLine(message: InboundMessage, key: string): { line: TranscriptLine; whole?: string | Uint8Array } {
  // A staff member's reply from the platform's inbox: staff's line, as if written in the console.
  const from = message.kind === "staff_echo" ? "staff" : "person";
  const extras = [
    ...message.attachments.map((attachment) => `[${attachment.kind}] ${attachment.url}`),
    message.location ? `[location] ${message.location.latitude},${message.location.longitude}` : "",
    message.choice ? `[choice] ${message.choice}` : "",
    message.kind !== "message" && message.kind !== "staff_echo" ? `[${message.kind}]` : "",
    // Which QR code or link the person came from, for staff reading the transcript.
    message.start?.ref ? `[ref] ${message.start.ref}` : "",
  ].filter(Boolean);
  const { text, full, whole } = transcriptText(`${key}:${message.id}`, message.text ?? "", message.long);
  return { line: { at: message.timestamp || Date.now(), from, text, extra: extras.join(" ") || undefined, ...(full ? { full } : {}) }, whole };
}
