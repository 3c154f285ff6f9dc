import { Queue, QueueEvents, UnrecoverableError, Worker, type Job, type JobsOptions } from "bullmq";
import type { Logger } from "pino";
import { DeliveryRefused, type ChannelRegistry, type Recipient, type SendOptions, type SendRoute } from "../core/channel.js";
import type { InboundMessage, Reply } from "../core/message.js";
import type { ReplyQueue } from "../core/pipeline.js";
import type { FailedReplies } from "./dead-letters.js";
import { noticeJobId, OUTBOUND_QUEUE, replyJobId, sentSoFar, type OutboundJobData, type OutboundProgress } from "./outbound-job.js";

/** Options for {@link OutboundQueue.open}. */
export interface OutboundQueueOptions {
  redisUrl: string;
  /** Key prefix of the deployment (REDIS_PREFIX); BullMQ's keys are `<prefix>bull:outbound:…`. */
  prefix: string;
  /** The registry whose `sendNow` the worker calls. */
  channels: ChannelRegistry;
  /** Channels sent through the queue: those with an outside API. */
  queued: readonly string[];
  logger: Logger;
  /** Tries per job, the first included (RETRY_ATTEMPTS). */
  attempts: number;
  /** First backoff between tries (RETRY_BASE_MS); doubles each time, with jitter. */
  backoffMs: number;
  /** Jobs one instance's worker runs at once (different people; one person never has two at once). Default 16. */
  concurrency?: number;
  /** Longest a caller waits for its job before letting go (the job goes on). Default 120 s. */
  waitMs?: number;
  /** Told once per reply job given up after its last try (or refused): writes the dead letters, tells staff. */
  onDeadLetter: (failed: FailedReplies) => Promise<void>;
}

/**
 * The outbound queue (BullMQ "outbound" on Redis): every instance adds jobs and runs a worker, so a reply
 * is sent by whichever instance is free, retried with exponential backoff, and given up to the dead-letter
 * list after `attempts`. Used two ways:
 * - by the Pipeline (`ReplyQueue`): all the replies to one message in one job, id fixed by the message;
 * - by the ChannelRegistry (`SendRoute`): each other send (person notices, staff alerts) as one job,
 *   the caller waiting for the outcome as it did for a direct send.
 *
 * @example
 * const queue = await OutboundQueue.open({ redisUrl, prefix, channels, queued: ["zalo", "messenger"], logger, attempts: 4, backoffMs: 300, onDeadLetter });
 * channels.route(queue); const pipeline = new Pipeline({ …, replyQueue: queue }); channels.add(zalo.outbound); queue.start();
 * …; await queue.close();
 */
export class OutboundQueue implements ReplyQueue, SendRoute {
  readonly #queue: Queue<OutboundJobData>;
  readonly #events: QueueEvents;
  readonly #worker: Worker<OutboundJobData>;
  readonly #queued: Set<string>;
  readonly #jobOptions: JobsOptions;
  readonly #waitMs: number;
  #closed?: Promise<void>;

  private constructor(private readonly options: OutboundQueueOptions) {
    // BullMQ's blocking connections must never give up a command (maxRetriesPerRequest: null).
    const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
    const prefix = `${options.prefix}bull`;
    const log = options.logger;
    this.#queued = new Set(options.queued);
    this.#waitMs = options.waitMs ?? 120_000;
    this.#jobOptions = {
      attempts: Math.max(1, options.attempts),
      backoff: { type: "exponential", delay: Math.max(1, options.backoffMs), jitter: 0.5 },
      // Finished jobs are kept a while: their ids are what makes a repeated reply job a no-op.
      removeOnComplete: { age: 24 * 3600, count: 100_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
    this.#queue = new Queue<OutboundJobData>(OUTBOUND_QUEUE, { connection, prefix });
    this.#events = new QueueEvents(OUTBOUND_QUEUE, { connection, prefix });
    // Every job waited on adds a listener for its end (waitUntilFinished): hundreds at once under load is normal.
    this.#queue.setMaxListeners(0);
    this.#events.setMaxListeners(0);
    this.#worker = new Worker<OutboundJobData>(OUTBOUND_QUEUE, (job) => this.#process(job), {
      connection,
      prefix,
      concurrency: options.concurrency ?? 64,
      // Started by start(), once the deployment's channels are registered.
      autorun: false,
    });
    // Unheard 'error' events would crash the process; BullMQ reconnects by itself.
    for (const part of [this.#queue, this.#events, this.#worker] as { on(event: "error", fn: (error: Error) => void): unknown }[]) {
      part.on("error", (error) => log.error({ err: error }, "outbound queue: Redis error"));
    }
    this.#worker.on("failed", (job, error) => void this.#failedOutside(job, error));
  }

  /** Connects the queue, its events and this instance's worker; rejects when Redis does not answer. */
  static async open(options: OutboundQueueOptions): Promise<OutboundQueue> {
    const queue = new OutboundQueue(options);
    try {
      await Promise.all([queue.#queue.waitUntilReady(), queue.#events.waitUntilReady(), queue.#worker.waitUntilReady()]);
    } catch (error) {
      await queue.close().catch(() => undefined);
      throw error;
    }
    options.logger.info({ attempts: queue.#jobOptions.attempts, channels: options.queued }, "outbound queue on: replies and notices sent through Redis (BullMQ)");
    return queue;
  }

  /** Starts this instance's worker. Call once every channel is in the registry: a job waiting from before needs its channel. */
  start(): void {
    if (this.#worker.isRunning() || this.#closed) return;
    this.#worker.run().catch((error: unknown) => this.options.logger.error({ err: error }, "outbound worker stopped"));
  }

  handles(channel: string): boolean {
    return this.#queued.has(channel);
  }

  /** ReplyQueue: the replies to one message as one job (adding it again finds the existing job). */
  async enqueue(message: InboundMessage, replies: Reply[]): Promise<{ done: Promise<"sent" | "dead_letter" | "timeout"> }> {
    const to: Recipient = { channel: message.channel, accountId: message.accountId, userId: message.userId };
    const job = await this.#queue.add("reply", { to, replies, options: { purpose: "response" }, messageId: message.id }, { ...this.#jobOptions, jobId: replyJobId(message) });
    const done = job.waitUntilFinished(this.#events, this.#waitMs).then(
      () => "sent" as const,
      (error: Error) => (isWaitTimeout(error) ? ("timeout" as const) : ("dead_letter" as const)),
    );
    return { done };
  }

  /** SendRoute: one message outside an answer; resolves once sent, rejects once given up, as a direct send would. */
  async send(to: Recipient, reply: Reply, options?: SendOptions): Promise<void> {
    const job = await this.#queue.add("notice", { to, replies: [reply], options }, { ...this.#jobOptions, jobId: noticeJobId() });
    try {
      await job.waitUntilFinished(this.#events, this.#waitMs);
    } catch (error) {
      if (isWaitTimeout(error as Error)) {
        // The job is stored and still being tried; failing here would make the caller keep a second copy.
        this.options.logger.warn({ channel: to.channel, job: job.id }, "notice still queued after the wait; left to the queue");
        return;
      }
      throw refusalFrom(to.channel, error as Error);
    }
  }

  /** Jobs by state: waiting, delayed (for a retry), active, completed, failed (for /metrics and tests). */
  async jobCounts(): Promise<Record<"waiting" | "delayed" | "active" | "completed" | "failed", number>> {
    const counts = await this.#queue.getJobCounts("waiting", "delayed", "active", "completed", "failed");
    return { waiting: counts.waiting ?? 0, delayed: counts.delayed ?? 0, active: counts.active ?? 0, completed: counts.completed ?? 0, failed: counts.failed ?? 0 };
  }

  /** Stops this instance's worker (its running jobs finish first), then the connections. */
  async close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#worker.close().catch(() => undefined);
      await Promise.all([this.#events.close(), this.#queue.close()]).catch(() => undefined);
    })();
    return this.#closed;
  }

  async #process(job: Job<OutboundJobData>): Promise<OutboundProgress> {
    const { to, replies, options } = job.data;
    for (let index = sentSoFar(job.progress); index < replies.length; index++) {
      try {
        await this.options.channels.sendNow(to, replies[index]!, options);
      } catch (error) {
        const refused = error instanceof DeliveryRefused;
        const last = refused || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        this.options.logger[last ? "error" : "warn"]({ err: error, channel: to.channel, job: job.id, attempt: job.attemptsMade + 1 }, last ? "outbound job given up" : "outbound job failed; will retry");
        if (last) await this.#deadLetter(job, index, error);
        // A refusal will not change on retry: failed at once, its reason kept in the text for the caller.
        if (refused) throw new UnrecoverableError(refusalText(error));
        throw error;
      }
      // Recorded after each send: a retry, or another worker taking over a stalled job, starts after it. Not after
      // the last one: the job's completion, one Redis write later, records it (most jobs are one reply, and a
      // progress write is a round trip plus an event to every instance's listener).
      if (index + 1 < replies.length) await job.updateProgress({ sent: index + 1 } satisfies OutboundProgress);
    }
    return { sent: replies.length };
  }

  /** Reply jobs only: a notice's caller handles its own failure (the person outbox keeps it for later). */
  async #deadLetter(job: Job<OutboundJobData>, from: number, error: unknown): Promise<void> {
    const { to, replies, messageId } = job.data;
    if (messageId === undefined) return;
    try {
      await this.options.onDeadLetter({
        recipient: to,
        messageId,
        replies: replies.slice(from).map((reply, offset) => ({ reply, index: from + offset })),
        error,
        attempts: job.attemptsMade + 1,
      });
    } catch (nested) {
      this.options.logger.error({ err: nested, job: job.id }, "dead letter not recorded");
    }
  }

  /** A job that failed without its processor saying so (stalled too often: its worker died twice): dead-lettered here. */
  async #failedOutside(job: Job<OutboundJobData> | undefined, error: Error): Promise<void> {
    if (!job || !/stalled/i.test(error.message)) return;
    await this.#deadLetter(job, sentSoFar(job.progress), error);
  }
}

function refusalText(error: DeliveryRefused): string {
  return `DeliveryRefused[${error.reason}]: ${error.message}`;
}

/** The failure a waiting caller gets back: a DeliveryRefused again when the channel refused, else the error. */
function refusalFrom(channel: string, error: Error): Error {
  const match = /^DeliveryRefused\[(\w+)\]: ([\s\S]*)$/.exec(error.message);
  if (!match) return error;
  return new DeliveryRefused(channel, match[1] as DeliveryRefused["reason"], match[2]!, { cause: error });
}

function isWaitTimeout(error: Error): boolean {
  return /timed out before finishing/i.test(error?.message ?? "");
}
