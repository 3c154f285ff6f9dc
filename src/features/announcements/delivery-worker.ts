import { updateDocument } from "../../store/update-document.js";
import { ANNOUNCEMENTS, DELIVERIES, totalsOf, type Announcement, type Delivery, type DeliveryTotals } from "./announcement.js";
import { deliverOne, type DeliverDeps } from "./deliver-one.js";
import { TokenBucket } from "./token-bucket.js";

/** Sends the queued copies of announcements; the in-process one and the BullMQ one share this shape. */
export interface AnnouncementDelivery {
  /** Starts sending an announcement whose deliveries are queued (returns at once). */
  dispatch(announcement: Announcement): Promise<void>;
  /** Picks up announcements left "sending" by a restart. */
  resume(): Promise<void>;
  /** Resolves when nothing is being sent (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The in-process worker's settings. */
export interface WorkerOptions {
  /** Messages per second by channel name, `default` for the others. */
  rates: Record<string, number>;
  /** Sends in flight per channel at once. */
  concurrency: number;
}

/**
 * The embedded store's delivery: in this process, one lane per channel, each paced by its token bucket and with a
 * few sends in flight, so the bot's own replies (same event loop) keep flowing while 10,000 copies go out. Everything
 * is in the store (a delivery record per recipient), so after a restart `resume()` carries on: copies still queued are
 * sent, a copy caught mid-send ("sending") is recorded as failed "may have been sent" rather than sent twice.
 *
 * @example const worker = new InProcessDelivery(deps, { rates: { zalo: 20, messenger: 250, default: 50 }, concurrency: 8 });
 */
export class InProcessDelivery implements AnnouncementDelivery {
  #runs = new Map<string, Promise<DeliveryTotals>>();
  #buckets = new Map<string, TokenBucket>();
  #stopped = false;

  constructor(
    private readonly deps: DeliverDeps,
    private readonly options: WorkerOptions,
  ) {}

  async dispatch(announcement: Announcement): Promise<void> {
    this.#start(announcement.id);
  }

  async resume(): Promise<void> {
    const sending = await this.deps.store.collection<Announcement>(ANNOUNCEMENTS).find({ status: "sending" });
    for (const announcement of sending) {
      // Caught mid-send by the restart: the platform may have it; not sent again (a copy twice is worse than a report line).
      for (const delivery of await this.deps.store.collection<Delivery>(DELIVERIES).find({ announcementId: announcement.id, status: "sending" })) {
        await updateDocument(this.deps.store.collection<Delivery>(DELIVERIES), delivery.id, (current) =>
          current?.status === "sending" ? { ...current, status: "failed" as const, detail: "interrupted by a restart: may have been sent", settledAt: this.deps.now() } : undefined,
        );
      }
      this.#start(announcement.id);
    }
  }

  async idle(): Promise<void> {
    while (this.#runs.size > 0) await Promise.allSettled([...this.#runs.values()]);
  }

  async close(): Promise<void> {
    this.#stopped = true;
    await this.idle();
  }

  #start(id: string): void {
    if (this.#runs.has(id) || this.#stopped) return;
    const run = this.#run(id)
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error, announcement: id }, "announcement delivery stopped; resumed at the next start");
        return totalsOf([]);
      })
      .finally(() => this.#runs.delete(id));
    this.#runs.set(id, run);
  }

  async #run(id: string): Promise<DeliveryTotals> {
    const announcements = this.deps.store.collection<Announcement>(ANNOUNCEMENTS);
    const deliveries = this.deps.store.collection<Delivery>(DELIVERIES);
    while (!this.#stopped) {
      const announcement = await announcements.get(id);
      if (!announcement) return totalsOf([]);
      const queued = await deliveries.find({ announcementId: id, status: "queued" });
      if (queued.length === 0) {
        const totals = totalsOf(await deliveries.find({ announcementId: id }));
        await updateDocument(announcements, id, (current) => current && current.status !== "done" ? { ...current, status: "done" as const, doneAt: this.deps.now(), totals } : undefined, { durable: true });
        return totals;
      }
      const now = this.deps.now();
      const due = queued.filter((d) => d.nextAttemptAt <= now);
      if (due.length === 0) {
        const wait = Math.min(...queued.map((d) => d.nextAttemptAt)) - now;
        await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 10), 60_000)));
        continue;
      }
      const lanes = new Map<string, Delivery[]>();
      for (const delivery of due) {
        const lane = lanes.get(delivery.person.channel);
        if (lane) lane.push(delivery);
        else lanes.set(delivery.person.channel, [delivery]);
      }
      await Promise.all([...lanes].map(([channel, list]) => this.#lane(announcement, channel, list)));
    }
    return totalsOf([]);
  }

  /** One channel's copies, paced by its bucket, a few in flight. */
  async #lane(announcement: Announcement, channel: string, list: Delivery[]): Promise<void> {
    const bucket = this.#bucket(channel);
    const inFlight = new Set<Promise<unknown>>();
    for (const delivery of list) {
      if (this.#stopped) break;
      await bucket.take();
      const sending: Promise<unknown> = deliverOne(this.deps, announcement, delivery.id)
        .catch((error: unknown) => this.deps.logger.error({ err: error, delivery: delivery.id }, "announcement copy failed"))
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      if (inFlight.size >= this.options.concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  #bucket(channel: string): TokenBucket {
    let bucket = this.#buckets.get(channel);
    if (!bucket) {
      const rate = this.options.rates[channel] ?? this.options.rates.default ?? 50;
      this.#buckets.set(channel, (bucket = new TokenBucket(rate)));
    }
    return bucket;
  }
}
