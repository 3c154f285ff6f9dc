import { Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { forgetWorker, releaseLeftActive, workerRunsKey } from "../../queue/left-active-jobs.js";
import { updateDocument } from "../../store/update-document.js";
import { ANNOUNCEMENTS, DELIVERIES, totalsOf, type Announcement, type Delivery } from "./announcement.js";
import { deliverOne, type DeliverDeps } from "./deliver-one.js";
import type { AnnouncementDelivery } from "./delivery-worker.js";

interface CopyJob {
  announcementId: string;
  deliveryId: string;
}

/** Settings of the shared queues. */
export interface BullmqDeliveryOptions {
  redisUrl: string;
  /** REDIS_PREFIX; the queues' keys are `<prefix>bull:announce-<channel>:…`. */
  prefix: string;
  /** Copies per second by channel; `default` for the others (one queue each, with BullMQ's limiter). */
  rates: Record<string, number>;
  concurrency: number;
  /**
   * This instance's identity (INSTANCE_ID), the same across its restarts: with it, `open` hands the copies a killed
   * earlier run of this instance left active back to their queue at once, rather than after BullMQ's 30 s lock and
   * two stalled-job checks 30 s apart (never, while the instance is killed again within that time).
   */
  instanceId?: string;
}

/**
 * Announcement delivery with several instances (REDIS_URL): one BullMQ queue per channel whose limiter holds the
 * channel's rate across every instance, a job per recipient (job id from the delivery, so adding it again is a
 * no-op), retries with exponential backoff by BullMQ, and a Redis counter of copies left per announcement that marks it
 * done when the last result is written. Jobs live in Redis, so a restart loses nothing; `resume()` re-adds the jobs of
 * copies still queued in the store (a crash between writing them and queueing them).
 *
 * @example const delivery = await BullmqDelivery.open(deps, { redisUrl, prefix, rates, concurrency: 8 });
 */
export class BullmqDelivery implements AnnouncementDelivery {
  #queues = new Map<string, Queue<CopyJob>>();
  #workers: Worker<CopyJob>[] = [];
  /** Each lane's worker and where its runs are recorded (when INSTANCE_ID is given). */
  #runs: { queue: Queue<CopyJob>; worker: Worker<CopyJob>; key: string }[] = [];

  private constructor(
    private readonly deps: DeliverDeps,
    private readonly options: BullmqDeliveryOptions,
    private readonly redis: Redis,
  ) {}

  static async open(deps: DeliverDeps, options: BullmqDeliveryOptions): Promise<BullmqDelivery> {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
    redis.on("error", () => undefined);
    const delivery = new BullmqDelivery(deps, options, redis);
    const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
    const prefix = `${options.prefix}bull`;
    for (const lane of new Set([...Object.keys(options.rates), "default"])) {
      const name = `announce-${lane}`;
      delivery.#queues.set(lane, new Queue<CopyJob>(name, { connection, prefix }));
      const rate = options.rates[lane] ?? options.rates.default ?? 50;
      const worker = new Worker<CopyJob>(name, (job) => delivery.#process(job), {
        connection,
        prefix,
        concurrency: options.concurrency,
        // BullMQ's limiter counts across every worker of the queue: the channel's rate holds for the deployment.
        limiter: { max: Math.max(1, Math.round(rate)), duration: 1000 },
      });
      worker.on("error", (error) => deps.logger.error({ err: error, queue: name }, "announcement worker error"));
      delivery.#workers.push(worker);
      if (options.instanceId) delivery.#runs.push({ queue: delivery.#queues.get(lane)!, worker, key: workerRunsKey(options.prefix, `${options.instanceId}:${name}`) });
    }
    await delivery.#handBackLeftActive();
    return delivery;
  }

  /** The copies a killed run of this instance left active, handed back to their queue (see `instanceId`). */
  async #handBackLeftActive(): Promise<void> {
    for (const { queue, worker, key } of this.#runs) {
      try {
        const jobs = await releaseLeftActive(this.redis, queue, { runsKey: key, workerId: worker.id, again: (job) => this.#again(queue, job) });
        if (jobs > 0) this.deps.logger.info({ jobs, queue: queue.name }, "announcement copies left active by this instance's previous run handed back to the queue");
      } catch (error) {
        // Not fatal: BullMQ's stalled-job check still takes them up, later.
        this.deps.logger.error({ err: error, queue: queue.name }, "announcements: the previous run's active copies could not be handed back");
      }
    }
  }

  /** A copy's job a dead run left active, its lock gone: removed and added again (its run takes the claimed copy). */
  async #again(queue: Queue<CopyJob>, job: Job<CopyJob>): Promise<boolean> {
    try {
      await job.remove();
    } catch {
      return false; // locked again: a live worker is on it
    }
    await queue.add(job.name, job.data, { ...this.#jobOptions(), jobId: job.id });
    return true;
  }

  async dispatch(announcement: Announcement): Promise<void> {
    const queued = await this.deps.store.collection<Delivery>(DELIVERIES).find({ announcementId: announcement.id, status: "queued" });
    await this.redis.set(this.#leftKey(announcement.id), String(queued.length));
    await this.#add(queued);
    if (queued.length === 0) await this.#finish(announcement.id);
  }

  async resume(): Promise<void> {
    for (const announcement of await this.deps.store.collection<Announcement>(ANNOUNCEMENTS).find({ status: "sending" })) {
      const open = await this.deps.store.collection<Delivery>(DELIVERIES).find({ announcementId: announcement.id });
      const left = open.filter((d) => d.status === "queued" || d.status === "sending");
      // Set only when missing: another instance may be counting down already.
      await this.redis.set(this.#leftKey(announcement.id), String(left.length), "NX");
      await this.#add(left.filter((d) => d.status === "queued"));
      if (left.length === 0) await this.#finish(announcement.id);
    }
  }

  async idle(): Promise<void> {
    for (;;) {
      let busy = 0;
      for (const queue of this.#queues.values()) {
        const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "wait");
        busy += Object.values(counts).reduce((a, b) => a + b, 0);
      }
      if (busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.close()));
    // Their jobs have ended: nothing of this run is left for the next start to hand back.
    await Promise.all(this.#runs.map(({ worker, key }) => forgetWorker(this.redis, key, worker.id).catch(() => undefined)));
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async #add(deliveries: Delivery[]): Promise<void> {
    const byLane = new Map<string, Delivery[]>();
    for (const d of deliveries) {
      const lane = this.#queues.has(d.person.channel) ? d.person.channel : "default";
      const list = byLane.get(lane);
      if (list) list.push(d);
      else byLane.set(lane, [d]);
    }
    for (const [lane, list] of byLane) {
      await this.#queues.get(lane)!.addBulk(
        list.map((d) => ({
          name: "copy",
          data: { announcementId: d.announcementId, deliveryId: d.id },
          // BullMQ ids may not contain ":"; the delivery id is unique per recipient, so the job is too.
          opts: { ...this.#jobOptions(), jobId: d.id.replaceAll(":", "_") },
        })),
      );
    }
  }

  #jobOptions() {
    return { attempts: this.deps.attempts, backoff: { type: "exponential", delay: this.deps.backoffMs }, removeOnComplete: true, removeOnFail: 1000 };
  }

  async #process(job: Job<CopyJob>): Promise<void> {
    const announcement = await this.deps.store.collection<Announcement>(ANNOUNCEMENTS).get(job.data.announcementId);
    if (!announcement) return;
    // `rerun`: a job BullMQ runs again after its worker died takes the copy it had claimed.
    const status = await deliverOne(this.deps, announcement, job.data.deliveryId, { rerun: true, throwTransient: true });
    if (status === "sent" || status === "kept" || status === "failed") {
      if ((await this.redis.decr(this.#leftKey(announcement.id))) <= 0) await this.#finish(announcement.id);
    }
  }

  async #finish(id: string): Promise<void> {
    const totals = totalsOf(await this.deps.store.collection<Delivery>(DELIVERIES).find({ announcementId: id }));
    await updateDocument(this.deps.store.collection<Announcement>(ANNOUNCEMENTS), id, (current) =>
      current && current.status !== "done" ? { ...current, status: "done" as const, doneAt: this.deps.now(), totals } : undefined,
    { durable: true });
    await this.redis.del(this.#leftKey(id));
  }

  #leftKey(id: string): string {
    return `${this.options.prefix}announce-left:${id}`;
  }
}
