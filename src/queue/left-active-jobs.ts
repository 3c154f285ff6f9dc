import type { Job, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { connectRedis } from "../store/redis/connect-redis.js";
import { evalScript } from "../store/redis/eval-script.js";
import { forgetRun, registerRun } from "../store/redis/instance-runs.js";

/** Where the worker ids of an instance's runs are kept: `<prefix>bullworkers:<instance>`. */
export function workerRunsKey(prefix: string, instanceId: string): string {
  return `${prefix}bullworkers:${instanceId}`;
}

/**
 * Deletes a job's lock if a dead run's worker holds it (the lock's value is BullMQ's token `<worker id>:<n>`) or
 * nobody does (a lapsed lock: no live worker renews it). KEYS[1]: the lock; ARGV: the dead runs' worker ids.
 * 1 = the job is left behind (lock gone), 0 = a live worker holds it.
 */
const FREE_LOCK = `
local holder = redis.call('get', KEYS[1])
if not holder then return 1 end
for _, id in ipairs(ARGV) do
  if string.sub(holder, 1, #id + 1) == id .. ':' then
    redis.call('del', KEYS[1])
    return 1
  end
end
return 0`;

/**
 * At start-up, before this instance's worker runs: the jobs a killed earlier run of the same instance
 * (INSTANCE_ID) left "active". BullMQ would take such a job up only after its lock lapses (30 s) and two stalled-job
 * checks 30 s apart — never, when the instance is killed again within that time, and meanwhile the person's reply
 * waits. Each one is handed to `again` (which removes it and adds it anew, checking what already arrived), and the
 * dead runs are forgotten. `workerId` is this run's worker's id; resolves to how many jobs were handed over.
 * `redis` is an ioredis connection of the caller's ({@link withRedis} opens a short-lived one: BullMQ's own client
 * is its own adapter, not an ioredis connection).
 *
 * @example const count = await releaseLeftActive(redis, queue, { runsKey: workerRunsKey(prefix, instanceId), workerId: worker.id, again });
 */
export async function releaseLeftActive<T>(
  redis: Redis,
  queue: Queue<T>,
  options: { runsKey: string; workerId: string; again: (job: Job<T>) => Promise<boolean> },
): Promise<number> {
  const dead = await registerRun(redis, options.runsKey, options.workerId);
  if (dead.length === 0) return 0;
  let released = 0;
  for (const job of await queue.getActive()) {
    if (!job?.id) continue;
    if (Number(await evalScript(redis, FREE_LOCK, 1, `${queue.toKey(job.id)}:lock`, ...dead)) !== 1) continue;
    if (await options.again(job)) released++;
  }
  for (const run of dead) await forgetRun(redis, options.runsKey, run);
  return released;
}

/** At a clean stop, once the worker has finished its jobs: this run holds none, so the next start need not look. */
export function forgetWorker(redis: Redis, runsKey: string, workerId: string): Promise<void> {
  return forgetRun(redis, runsKey, workerId);
}

/** Runs `fn` with a connection of its own to `redisUrl`, closed after. */
export async function withRedis<T>(redisUrl: string, fn: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = await connectRedis(redisUrl);
  try {
    return await fn(redis);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
