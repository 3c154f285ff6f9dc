import { instanceIdOf } from "../config.js";
import type { Metrics } from "../metrics/metrics.js";
import type { Services } from "../shared/services.js";
import { startFestivalReminders, type FestivalReminders } from "../features/reminders/festival-reminder-scheduler.js";
import { watchClassOpenings } from "../features/reminders/class-opening.js";
import { AnnouncementService } from "../features/announcements/announcement-service.js";
import { InProcessDelivery, type AnnouncementDelivery } from "../features/announcements/delivery-worker.js";
import type { DeliverDeps } from "../features/announcements/deliver-one.js";
import type { FollowerBroadcast } from "../features/announcements/follower-broadcast.js";
import { parseRates } from "../features/announcements/token-bucket.js";

/** What writing first runs in the background, built after the services (src/server.ts). */
export interface ReachRuntime {
  announcements: AnnouncementService;
  delivery: AnnouncementDelivery;
  festivalReminders: FestivalReminders;
  close(): Promise<void>;
}

/**
 * Starts the festival reminders, the class-opening notices (on content reload) and the announcement delivery: in this
 * process on the embedded store, through BullMQ when REDIS_URL is set (every instance then works the same queues).
 *
 * @example const reach = await startReachRuntime(services, metrics); // reach.announcements for the console
 */
export async function startReachRuntime(
  services: Services,
  metrics: Metrics,
  options: { broadcast?: FollowerBroadcast; redisPrefix?: string; festivalIntervalMs?: number } = {},
): Promise<ReachRuntime> {
  const { config, logger } = services;
  const festivalReminders = startFestivalReminders(
    {
      subscriptions: services.subscriptions,
      festivalOf: (packId, id) => services.knowledge.content.packs.get(packId)?.festival(id),
      sender: services.reach.sender,
      kept: services.reach.kept,
      quiet: services.reach.quiet,
      defaultDaysBefore: config.REMINDER_DAYS_BEFORE,
      now: services.reach.now,
      logger,
      onOutcome: (outcome) => metrics.reminders.inc({ kind: "festival", outcome }),
    },
    options.festivalIntervalMs,
  );
  services.knowledge.onReload(
    watchClassOpenings(() => services.knowledge.content.packs.values(), { subscriptions: services.subscriptions, sender: services.reach.sender, logger }),
  );

  const deliverDeps: DeliverDeps = {
    store: services.store,
    sender: services.reach.sender,
    attempts: config.ANNOUNCE_ATTEMPTS,
    backoffMs: config.ANNOUNCE_BACKOFF_MS,
    logger,
    now: services.now,
    onResult: (channel, result) => metrics.announcementCopies.inc({ channel, result }),
  };
  const rates = parseRates(config.ANNOUNCE_RATES);
  const delivery: AnnouncementDelivery = config.REDIS_URL
    ? await (await import("../features/announcements/bullmq-delivery.js")).BullmqDelivery.open(deliverDeps, {
        redisUrl: config.REDIS_URL,
        prefix: options.redisPrefix ?? "tro-ly-van-hoa:",
        rates,
        concurrency: config.ANNOUNCE_CONCURRENCY,
        instanceId: instanceIdOf(config),
      })
    : new InProcessDelivery(deliverDeps, { rates, concurrency: config.ANNOUNCE_CONCURRENCY });
  const announcements = new AnnouncementService({
    store: services.store,
    delivery,
    broadcast: options.broadcast,
    broadcastMonthlyQuota: config.ZALO_BROADCAST_MONTHLY_QUOTA ?? 0,
    logger,
    now: services.now,
    audience: {
      store: services.store,
      subscribers: (topicKey, packId) => services.subscriptions.active({ topicKey, packId }),
      packOf: (accountId) => services.knowledge.packFor(accountId).id,
      // The terminal and web chats have no way to write first (their window never closes because the page is open).
      canWriteFirst: (channel) => Number.isFinite(services.channels.get(channel)?.window.freeMs ?? Number.NaN),
      inWindow: (channel, lastInboundAt) => {
        const window = services.channels.get(channel)?.window;
        return !!window && lastInboundAt !== undefined && services.now() - lastInboundAt <= window.freeMs;
      },
    },
  });
  await delivery.resume();
  return {
    announcements,
    delivery,
    festivalReminders,
    async close() {
      festivalReminders.stop();
      await delivery.close();
    },
  };
}
