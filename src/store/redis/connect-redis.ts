import { Redis } from "ioredis";

/** The key prefix every Redis key of ours starts with, so one Redis can serve other apps too. */
export const DEFAULT_REDIS_PREFIX = "tro-ly-van-hoa:";

/**
 * Opens a Redis connection and waits until it answers, so a wrong REDIS_URL stops start-up with a
 * clear error instead of commands queueing forever. After that ioredis reconnects by itself.
 *
 * @example const redis = await connectRedis(config.REDIS_URL); … await redis.quit();
 */
export async function connectRedis(url: string, options: { connectTimeoutMs?: number } = {}): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    // A command fails after a few reconnect attempts rather than hanging a webhook.
    maxRetriesPerRequest: 3,
  });
  // Without a listener a lost connection would be an unhandled 'error' event and crash the process;
  // failed commands still reject for their callers.
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis is not reachable at ${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  }
  return redis;
}

/** The URL without its password, for error messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
