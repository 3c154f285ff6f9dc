import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from "bullmq";
import type { ChannelRegistry } from "../core/channel.js";
import { OUTBOX, type DeliveryOutcome, type Outbound, type OutboxEntry } from "../core/outbound.js";
import { backoffMs } from "../core/retry.js";
import { forgetWorker, releaseLeftActive, withRedis, workerRunsKey } from "./left-active-jobs.js";
import { OUTBOUND_QUEUE, outboxJobId } from "./outbound-job.js";
import { OutboxBook, type OutboxDeps } from "./outbox-book.js";

/** Options for {@link OutboundQueue.open}. */
export interface OutboundQueueOptions extends OutboxDeps {
  redisUrl: string;
  /** Key prefix of the deployment (REDIS_PREFIX); BullMQ's keys are `<prefix>bull:outbound:…`. */
  prefix: string;
  /** The registry whose `sendNow` the worker calls. */
  channels: ChannelRegistry;
  /** Jobs one instance's worker runs at once (different people; one person never has two at once). Default 64. */
  concurrency?: number;
  /** Longest `deliver` waits for its job before letting go (the job goes on). Default 30 s. */
  waitMs?: number;
  /**
   * How soon a job whose worker died is taken up by another: BullMQ's lock (default 30 s) and stalled-job check
   * (default 30 s). Tests shorten them.
   */
  stalled?: { lockMs: number; checkMs: number };
  /**
   * This instance's identity (INSTANCE_ID), the same across its restarts: with it, `open` hands the jobs a killed
   * earlier run of this instance left active back to the queue at once (they are checked, so nothing arrives twice),
   * rather than leaving them to BullMQ's stalled-job check (see `stalled`).
   */
  instanceId?: string;
}

/**
 * What a job carries: the outbox entry as it was handed over (the stored copy is read again before sending), and
 * `check` when an earlier job of the entry ended without it leaving the outbox (its worker may have died mid-send).
 */
interface OutboundJobData {
  entry: OutboxEntry;
  check?: boolean;
}

/**
 * The Outbound of several instances (REDIS_URL): each outbox entry becomes one BullMQ job whose id is the entry's,
 * so handing it over twice (the sweeper after a crash) adds nothing. Whichever instance is free sends it, with the
 * one retry policy (src/core/retry.ts) as BullMQ's backoff, until it is sent, refused, maybe sent, or too old — the
 * same rules as the direct Outbound, through the same {@link OutboxBook}.
 *
 * @example
 * const queue = await OutboundQueue.open({ redisUrl, prefix, channels, store, policy, logger, now, onDeadLetter });
 * channels.add(zalo.outbound); queue.start(); await queue.deliver(entry); …; await queue.close();
 */
export class OutboundQueue implements Outbound {
  readonly book: OutboxBook;
  readonly #queue: Queue<OutboundJobData>;
  readonly #events: QueueEvents;
  readonly #worker: Worker<OutboundJobData>;
  readonly #waiting = new Map<string, Promise<DeliveryOutcome>>();
  #closed?: Promise<void>;

  private constructor(private readonly options: OutboundQueueOptions) {
    this.book = new OutboxBook(options);
    // BullMQ's blocking connections must never give up a command (maxRetriesPerRequest: null).
    const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
    const prefix = `${options.prefix}bull`;
    this.#queue = new Queue<OutboundJobData>(OUTBOUND_QUEUE, { connection, prefix });
    this.#events = new QueueEvents(OUTBOUND_QUEUE, { connection, prefix });
    // Every job waited on adds a listener for its end (waitUntilFinished): hundreds at once under load is normal.
    this.#queue.setMaxListeners(0);
    this.#events.setMaxListeners(0);
    this.#worker = new Worker<OutboundJobData>(OUTBOUND_QUEUE, (job) => this.#process(job), {
      connection,
      prefix,
      concurrency: options.concurrency ?? 64,
      autorun: false, // started by start(), once the deployment's channels are registered
      // A job whose worker died is run again (after its replies are checked with the channel, #process). BullMQ's
      // default fails it at the second stall, which left its entry in the outbox with a job that blocks a new one;
      // resume() now replaces such a job, and the entry's age, not a count of stalls, ends the tries.
      maxStalledCount: 20,
      ...(options.stalled && { lockDuration: options.stalled.lockMs, stalledInterval: options.stalled.checkMs }),
      settings: { backoffStrategy: (attemptsMade: number) => backoffMs(options.policy, attemptsMade) },
    });
    // Unheard 'error' events would crash the process; BullMQ reconnects by itself.
    for (const part of [this.#queue, this.#events, this.#worker] as { on(event: "error", fn: (error: Error) => void): unknown }[]) {
      part.on("error", (error) => options.logger.error({ err: error }, "outbound queue: Redis error"));
    }
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
    if (options.instanceId) {
      try {
        const jobs = await withRedis(options.redisUrl, (redis) => releaseLeftActive(redis, queue.#queue, { runsKey: queue.#runsKey!, workerId: queue.#worker.id, again: (job) => queue.#again(job) }));
        if (jobs > 0) options.logger.info({ jobs }, "outbound jobs left active by this instance's previous run handed back to the queue");
      } catch (error) {
        // Not fatal: BullMQ's stalled-job check still takes them up, later.
        options.logger.error({ err: error }, "outbound queue: the previous run's active jobs could not be handed back");
      }
    }
    options.logger.info("outbound queue on: replies and notices sent through Redis (BullMQ)");
    return queue;
  }

  /** Starts this instance's worker. Call once every channel is in the registry: a job waiting from before needs its channel. */
  start(): void {
    if (this.#worker.isRunning() || this.#closed) return;
    this.#worker.run().catch((error: unknown) => this.options.logger.error({ err: error }, "outbound worker stopped"));
  }

  busy(id: string): boolean {
    return this.#waiting.has(id);
  }

  /** Adds the entry's job (once: its id is the entry's) and waits up to `waitMs` for it to end. */
  deliver(entry: OutboxEntry): Promise<DeliveryOutcome> {
    const known = this.#waiting.get(entry.id);
    if (known) return known;
    const waiting = (async (): Promise<DeliveryOutcome> => {
      const jobId = outboxJobId(entry.id);
      // Told when the quick tries are spent (the job's progress): the person's turn need not wait for the outage to end.
      let onProgress!: (event: { jobId: string; data: unknown }) => void;
      const kept = new Promise<"retrying">((resolve) => {
        onProgress = (event) => event.jobId === jobId && (event.data as { kept?: boolean })?.kept && resolve("retrying");
        this.#events.on("progress", onProgress);
      });
      try {
        const job = await this.#add(entry);
        const finished = job.waitUntilFinished(this.#events, this.options.waitMs ?? 30_000).then(
          (outcome: DeliveryOutcome | undefined) => outcome ?? "sent",
          (error: Error) => (/^(refused|maybe_sent|stale)$/.exec(error.message)?.[1] as DeliveryOutcome | undefined) ?? "retrying",
        );
        return await Promise.race([finished, kept]);
      } finally {
        this.#events.off("progress", onProgress);
      }
    })()
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, entry: entry.id }, "outbound queue unavailable; the entry stays in the outbox for the sweeper");
        return "retrying" as const;
      })
      .finally(() => this.#waiting.delete(entry.id));
    this.#waiting.set(entry.id, waiting);
    return waiting;
  }

  /**
   * Adds the entry's job unless it has one (a job id per entry): the queue's worker does the rest. A job that ended
   * while its entry is still in the outbox (failed by BullMQ after its workers died too often, or an entry write
   * lost) would block the entry for good: it is replaced by a new job that first checks what already arrived.
   */
  async resume(entry: OutboxEntry): Promise<void> {
    const existing = await this.#queue.getJob(outboxJobId(entry.id));
    if (existing) {
      const state = await existing.getState();
      if (state !== "completed" && state !== "failed") return;
      if (!(await this.book.current(entry))) return; // sent meanwhile: the job ended because the entry left
      this.options.logger.warn({ entry: entry.id, state }, "outbound job ended with its entry still in the outbox; added again");
      await existing.remove();
      await this.#add(entry, true);
      return;
    }
    await this.#add(entry);
  }

  /** Where the worker ids of this instance's runs are kept (`<prefix>bullworkers:<instance>`). */
  get #runsKey(): string | undefined {
    return this.options.instanceId && workerRunsKey(this.options.prefix, this.options.instanceId);
  }

  /**
   * A job a dead run left active, its lock gone: removed and added again with the check of what already arrived (as
   * resume() does for an ended job). False when a live worker took it meanwhile, or its entry left the outbox.
   */
  async #again(job: Job<OutboundJobData>): Promise<boolean> {
    try {
      await job.remove();
    } catch {
      return false; // locked again: a live worker is on it
    }
    const entry = await this.book.current(job.data.entry);
    if (!entry) return false; // sent, or given up: the job only never ended
    await this.#add(entry, true);
    return true;
  }

  #add(entry: OutboxEntry, check = false) {
    // Tried until too old: the entry's age ends it (OutboxBook.stale), not a count of attempts.
    const options = { attempts: 1_000_000, backoff: { type: "custom" }, removeOnComplete: { age: 24 * 3600, count: 100_000 }, removeOnFail: { age: 7 * 24 * 3600 } };
    return this.#queue.add("outbox", check ? { entry, check } : { entry }, { ...options, jobId: outboxJobId(entry.id) });
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
      // Its jobs have ended: nothing of this run is left for the next start to hand back.
      const runsKey = this.#runsKey;
      if (runsKey) await withRedis(this.options.redisUrl, (redis) => forgetWorker(redis, runsKey, this.#worker.id)).catch(() => undefined);
      await Promise.all([this.#events.close(), this.#queue.close()]).catch(() => undefined);
    })();
    return this.#closed;
  }

  /** Sends from the stored copy (its `sent` is the truth after a crash); what the job returns is the outcome. */
  async #process(job: Job<OutboundJobData>): Promise<DeliveryOutcome> {
    const entry = await this.options.store.collection<OutboxEntry>(OUTBOX).get(job.data.entry.id);
    if (!entry) return "sent"; // done by an earlier run of this job
    // An earlier run of this job started and never ended (its worker died; BullMQ counts a start in attemptsStarted
    // and an end in attemptsMade), or an earlier job ended without the entry leaving: it may have been sending, and
    // the entry's record lags the platform. What arrived is not sent again — the direct Outbound's crash rule.
    const leftBehind = job.data.check === true || job.attemptsStarted > job.attemptsMade + 1;
    if (leftBehind && (await this.book.settleLeftBehind(entry, this.options.channels))) return "sent";
    if (this.book.stale(entry)) {
      await this.book.giveUp(entry, "stale", new Error(`not sent within ${Math.round(this.options.policy.maxAgeMs / 3_600_000)} h`));
      return "stale";
    }
    for (;;) {
      let since = this.options.now();
      try {
        while (entry.sent < entry.replies.length) {
          since = this.options.now();
          await this.options.channels.sendNow(entry.to, entry.replies[entry.sent]!, entry.options);
          entry.sent++;
          if (entry.sent < entry.replies.length) await this.book.progress(entry);
        }
        break;
      } catch (error) {
        entry.attempts++;
        const failure = await this.book.failure(error, entry, this.options.channels, since);
        if (failure === "sent") {
          entry.sent++; // the platform shows it arrived after all: on with the next reply
          continue;
        }
        await this.#failed(job, entry, failure, error);
      }
    }
    await this.book.done(entry);
    return "sent";
  }

  /** Gives up (refused, maybe sent) or keeps the entry for BullMQ's next try; throws either way, as BullMQ expects. */
  async #failed(job: Job<OutboundJobData>, entry: OutboxEntry, failure: "refused" | "maybe_sent" | "transient", error: unknown): Promise<never> {
    if (failure !== "transient") {
      await this.book.giveUp(entry, failure, error);
      throw new UnrecoverableError(failure);
    }
    this.options.logger.warn({ err: error, channel: entry.to.channel, attempts: entry.attempts }, "outbound job failed; will retry");
    await this.book.later(entry, error);
    if (job.attemptsMade + 1 >= this.options.policy.attempts) await job.updateProgress({ sent: entry.sent, kept: true });
    throw error;
  }
}
