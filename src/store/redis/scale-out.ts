import { instanceIdOf, type Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import { connectRedis, DEFAULT_REDIS_PREFIX } from "./connect-redis.js";
import { freeLockOf, redisLock, type RedisLock } from "./redis-lock.js";
import { RedisKeyedRunner } from "./redis-keyed-runner.js";

/** What instances share through Redis besides the store: per-person ordering and the token-refresh lock. */
export interface ScaleOut {
  /** Pass as `runner` to the Pipeline: one person's messages in order, across instances. */
  runner: RedisKeyedRunner;
  /** Pass as `lock` to a channel's token manager: one token refresh at a time, across instances. */
  refreshLock: RedisLock;
  /** Closes the Redis connection (after the pipeline has drained). */
  close(): Promise<void>;
}

/**
 * The Redis coordination for several instances, or undefined when REDIS_URL is not set (one instance:
 * the in-process SerialQueue and the token manager's own single-flight are enough).
 *
 * @example
 * const scaleOut = await createScaleOut(config, logger, { refreshLockName: "zalo-token-refresh" });
 * const pipeline = new Pipeline({ …, runner: scaleOut?.runner });
 * const tokens = new TokenManager({ …, lock: scaleOut?.refreshLock });
 */
export async function createScaleOut(
  config: Config,
  logger: Logger,
  /** refreshLockName: the lock's name, given by the composition root (the channel whose token it guards). */
  options: { prefix?: string; refreshLockName?: string } = {},
): Promise<ScaleOut | undefined> {
  if (!config.REDIS_URL) return undefined;
  const redis = await connectRedis(config.REDIS_URL);
  const prefix = options.prefix ?? config.REDIS_PREFIX ?? DEFAULT_REDIS_PREFIX;
  const runner = new RedisKeyedRunner(redis, {
    prefix,
    instanceId: instanceIdOf(config),
    onLeaseLost: (key, ticket) => logger.warn({ key, ticket }, "per-person queue place lost (instance stalled past its lease)"),
  });
  const lockName = options.refreshLockName ?? "token-refresh";
  // Before any message is taken: the places (and a refresh lock) a killed run of this instance left would hold their
  // people up for a lease.
  const freed = await runner.start(async (deadRun) => {
    if (await freeLockOf(redis, lockName, deadRun, prefix)) logger.info({ lock: lockName }, "lock held by this instance's previous run released");
  });
  if (freed.tickets > 0) logger.info(freed, "per-person queue places left by this instance's previous run released");
  const refreshLock = redisLock(redis, lockName, 30_000, {
    prefix,
    run: runner.runId,
    onLost: (name) => logger.warn({ lock: name }, "Redis lock lost while held (instance stalled past its ttl)"),
  });
  logger.info("Redis coordination on: per-person ordering and token-refresh lock shared across instances");
  return {
    runner,
    refreshLock,
    close: async () => {
      await runner.stop().catch(() => undefined);
      await redis.quit();
    },
  };
}
