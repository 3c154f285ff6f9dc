import type { Redis } from "ioredis";
import type { SeenIds } from "../seen-ids.js";
import { DEFAULT_REDIS_PREFIX } from "./connect-redis.js";

/** Options for {@link RedisSeenIds}. */
export interface RedisSeenIdsOptions {
  /** Key prefix (default "tro-ly-van-hoa:"); ids live under `<prefix>seen:`. */
  prefix?: string;
  /** How long an id is remembered (default 7 days): far beyond the channels' retry windows. */
  ttlMs?: number;
}

/**
 * Seen event ids in Redis, shared by every instance: `SET key 1 NX PX ttl` answers "first time?"
 * atomically, and Redis expires the keys, so the set stays bounded with no pruning job.
 * Used by the PostgreSQL store's markSeen when REDIS_URL is set (a cheap write per webhook instead of a row).
 *
 * @example const seen = new RedisSeenIds(redis); if (await seen.markSeen("zalo:msg-1")) handle();
 */
export class RedisSeenIds implements SeenIds {
  #prefix: string;
  #ttlMs: number;

  constructor(
    private readonly redis: Redis,
    options: RedisSeenIdsOptions = {},
  ) {
    this.#prefix = `${options.prefix ?? DEFAULT_REDIS_PREFIX}seen:`;
    this.#ttlMs = options.ttlMs ?? 7 * 24 * 3600_000;
  }

  async markSeen(eventId: string): Promise<boolean> {
    return (await this.redis.set(this.#prefix + eventId, "1", "PX", this.#ttlMs, "NX")) === "OK";
  }

  /** True when the id is remembered, without marking it (checks after a migration). */
  async has(eventId: string): Promise<boolean> {
    return (await this.redis.exists(this.#prefix + eventId)) === 1;
  }
}
