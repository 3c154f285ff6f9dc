import type { Logger } from "pino";
import { instanceIdOf, type Config } from "../config.js";
import type { ChannelRegistry } from "../core/channel.js";
import type { RetryPolicy } from "../core/retry.js";
import type { Metrics } from "../metrics/metrics.js";
import type { OutboxDeps } from "../queue/outbox-book.js";
import type { OutboundQueue } from "../queue/outbound-queue.js";
import { DirectOutbound } from "../queue/direct-outbound.js";
import { recordDeadLetters, type DeadLetterDeps } from "../queue/dead-letters.js";
import type { ScaleOut } from "../store/redis/scale-out.js";
import type { Store } from "../store/store.js";
import type { ChannelOutbox } from "../staff/person-outbox.js";

/** What the outbound needs; `personOutbox` is read only when a refused notice is kept (it is made after the pipeline). */
export interface OutboundDeps {
  config: Config;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  channels: ChannelRegistry;
  now: () => number;
  deadLetters: DeadLetterDeps;
  personOutbox: () => ChannelOutbox;
  /** The Redis lock's name for the channel token refresh (one refresh at a time across instances). */
  refreshLockName: string;
}

/**
 * The one way out, with the one retry policy (src/core/retry.ts): the outbound queue when REDIS_URL is set (several
 * instances: per-person order and the token-refresh lock in Redis too), else direct sending. The Redis parts are
 * loaded only then, so a default start never loads ioredis or BullMQ.
 */
export async function composeOutbound(deps: OutboundDeps): Promise<{ policy: RetryPolicy; scaleOut?: ScaleOut; outbound: OutboundQueue | DirectOutbound }> {
  const { config, logger, metrics, channels } = deps;
  const scaleOut: ScaleOut | undefined = config.REDIS_URL
    ? await (await import("../store/redis/scale-out.js")).createScaleOut(config, logger, { refreshLockName: deps.refreshLockName })
    : undefined;
  const policy: RetryPolicy = { attempts: config.RETRY_ATTEMPTS, baseMs: config.RETRY_BASE_MS, maxMs: config.OUTBOUND_RETRY_MAX_MS, maxAgeMs: config.OUTBOUND_MAX_AGE_HOURS * 3_600_000 };
  const outboxDeps: OutboxDeps = {
    store: deps.store,
    policy,
    logger,
    now: deps.now,
    checkDelayMs: config.DELIVERY_CHECK_DELAY_MS,
    onDeadLetter: async (failed) => void (await recordDeadLetters(deps.deadLetters, failed)),
    onGivenUp: (kind, channel) => metrics.givenUp.inc({ kind, channel }),
    onRefusedNotice: (entry) => deps.personOutbox().keepRefused(entry),
  };
  const outbound: OutboundQueue | DirectOutbound = config.REDIS_URL
    ? await (await import("../queue/outbound-queue.js")).OutboundQueue.open({
        ...outboxDeps,
        redisUrl: config.REDIS_URL,
        prefix: config.REDIS_PREFIX ?? (await import("../store/redis/connect-redis.js")).DEFAULT_REDIS_PREFIX,
        channels,
        instanceId: instanceIdOf(config),
      })
    : new DirectOutbound({ ...outboxDeps, channels });
  return { policy, scaleOut, outbound };
}
