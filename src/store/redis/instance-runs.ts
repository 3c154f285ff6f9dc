import type { Redis } from "ioredis";

/**
 * The runs of one instance (INSTANCE_ID) that may have left something held in Redis: each process start is a new
 * run with a random id, kept in the set `key` until a later run of the same instance has freed what it held.
 *
 * After a kill -9, what the dead run held (a person's queue place, an outbound job's lock) would otherwise block others
 * until its lease lapses (30 s) — and a restarted instance killed again within the lease leaves new leases behind, so
 * one person can wait through kill after kill. The same instance coming back knows the dead run was its own and that
 * it is gone (two live instances never share an INSTANCE_ID), so it frees those at once. The leases stay the fallback
 * for an instance that never comes back.
 *
 * Registering before releasing means a run killed during the release is itself released by the next start, and the
 * runs before it stay in the set until one start has freed them.
 *
 * @example
 * const previous = await registerRun(redis, `${prefix}runs:${instanceId}`, runId);
 * for (const run of previous) { …free what `run` held…; await forgetRun(redis, key, run); }
 */
export async function registerRun(redis: Redis, key: string, runId: string): Promise<string[]> {
  await redis.sadd(key, runId);
  return (await redis.smembers(key)).filter((member) => member !== runId);
}

/** Drops `runId` from the instance's runs once what it held is freed (or at a clean stop, when it holds nothing). */
export async function forgetRun(redis: Redis, key: string, runId: string): Promise<void> {
  await redis.srem(key, runId);
}
