import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { DEFAULT_REDIS_PREFIX } from "./connect-redis.js";
import { Backoff, keepAlive } from "./keep-alive.js";
import { evalScript } from "./eval-script.js";

/**
 * A lock around a function, the same shape as the Zalo token manager's RefreshLock
 * (src/channels/zalo/sdk/token.ts), so it can be passed as `lock`.
 */
export type RedisLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** Options for {@link redisLock}. */
export interface RedisLockOptions {
  /** Key prefix (default "tro-ly-van-hoa:"); the lock key is `<prefix>lock:<name>`. */
  prefix?: string;
  /** How long to wait for the lock before giving up with {@link LockTimeoutError} (default 30 s). */
  maxWaitMs?: number;
  /** First and longest pause between attempts (default 20 ms and 500 ms). */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Told when a holder's lease was lost (the process stalled longer than ttlMs and another took the lock). */
  onLost?: (name: string) => void;
  /**
   * The run (process) taking the lock, written before each token (`<run>:<random>`), so that the same instance
   * restarted after a kill can free a lock its dead run held at once ({@link freeLockOf}) instead of after the ttl.
   */
  run?: string;
}

/** Thrown when the lock stayed taken for longer than `maxWaitMs`. */
export class LockTimeoutError extends Error {
  constructor(
    readonly lockName: string,
    readonly waitedMs: number,
  ) {
    super(`Could not take the Redis lock "${lockName}" within ${waitedMs} ms`);
    this.name = "LockTimeoutError";
  }
}

// Delete / extend only while the key still holds our token: never touch a lock someone else now holds.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes the lock only while a token of run ARGV[1] holds it. */
const FREE_RUNS = `local v = redis.call('get', KEYS[1])
if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. ':' then return redis.call('del', KEYS[1]) end
return 0`;

/**
 * Frees the lock `name` when a dead run of this instance holds it (see RedisLockOptions.run): called at start-up for
 * each earlier run the keyed runner finds (RedisKeyedRunner.start). True when it was that run's and is now free.
 */
export async function freeLockOf(redis: Redis, name: string, deadRun: string, prefix = DEFAULT_REDIS_PREFIX): Promise<boolean> {
  return Number(await evalScript(redis, FREE_RUNS, 1, `${prefix}lock:${name}`, deadRun)) === 1;
}

/**
 * A lock shared by every instance through Redis, so one Zalo token refresh happens at a time.
 *
 * Taking is `SET key token NX PX ttlMs` with a random token, retried with backoff for at most
 * `maxWaitMs`; while `fn` runs the lease is renewed every ttlMs/3, so a slow refresh keeps the lock,
 * and a crashed holder frees it ttlMs later. Release compares the token first (a Lua script), so a
 * holder that lost its lease cannot delete the next holder's lock. The limit of any lease: a process
 * frozen for longer than ttlMs (no renewal) can overlap with the next holder; `onLost` reports it.
 *
 * @example
 * const tokens = new TokenManager({ …, lock: redisLock(redis, "zalo-token-refresh", 30_000) });
 */
export function redisLock(redis: Redis, name: string, ttlMs = 30_000, options: RedisLockOptions = {}): RedisLock {
  const key = `${options.prefix ?? DEFAULT_REDIS_PREFIX}lock:${name}`;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    const token = options.run ? `${options.run}:${randomUUID()}` : randomUUID();
    const backoff = new Backoff(options.retryMinMs ?? 20, options.retryMaxMs ?? 500);
    const deadline = Date.now() + maxWaitMs;
    while ((await redis.set(key, token, "PX", ttlMs, "NX")) !== "OK") {
      if (Date.now() >= deadline) throw new LockTimeoutError(name, maxWaitMs);
      await backoff.next();
    }
    const lease = keepAlive(
      async () => (await evalScript(redis, EXTEND, 1, key, token, ttlMs)) === 1,
      ttlMs / 3,
      () => options.onLost?.(name),
    );
    try {
      return await fn();
    } finally {
      lease.stop();
      // If Redis is away the key simply expires; the caller's own result or error matters more.
      await evalScript(redis, RELEASE, 1, key, token).catch(() => undefined);
    }
  };
}
