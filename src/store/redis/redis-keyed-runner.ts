import type { Redis } from "ioredis";
import { DEFAULT_REDIS_PREFIX } from "./connect-redis.js";
import { Backoff, keepAlive } from "./keep-alive.js";
import { evalScript } from "./eval-script.js";

/** Options for {@link RedisKeyedRunner}. */
export interface RedisKeyedRunnerOptions {
  /** Key prefix (default "tro-ly-van-hoa:"); a person's queue is `<prefix>queue:{<key>}`. */
  prefix?: string;
  /** How long a place in the queue outlives its last renewal: the longest a crashed instance can hold a person up (default 30 s). */
  leaseMs?: number;
  /** A queue nobody has touched for this long is forgotten by Redis (default 24 h). */
  idleMs?: number;
  /** First and longest pause between checks while waiting for one's turn (default 5 ms and 100 ms). */
  pollMinMs?: number;
  pollMaxMs?: number;
  /** Told when a task has its place (ticket) in the key's queue: logging, and tests that need a known order. */
  onQueued?: (key: string, ticket: number) => void;
  /** Told when a place was passed over because its lease lapsed (this process stalled for longer than leaseMs). */
  onLeaseLost?: (key: string, ticket: number) => void;
}

// ===  Scripts  ===
// Each runs atomically in Redis. KEYS[1] is the queue hash { next, done }; ARGV[1] the ticket, ARGV[2] the prefix
// of the per-ticket "alive" keys (same hash tag, so one slot), ARGV[3] the lease or idle time.
// A ticket t may run when done == t - 1; a finished ticket sets done = t.

/** Whether ticket t may run: 1 = its turn, 0 = wait, -1 = passed over. Passes over dead tickets (no alive key) ahead of it. */
const TURN = `
local function turn(queue, t, alive, idle)
  local done = tonumber(redis.call('hget', queue, 'done') or '0')
  if done >= t then return -1 end
  while done + 1 < t do
    if redis.call('exists', alive .. (done + 1)) == 1 then return 0 end
    done = done + 1
    redis.call('hset', queue, 'done', done)
  end
  redis.call('pexpire', queue, idle)
  return 1
end`;

/**
 * Takes the next ticket and marks it alive, in one step (no instant where a ticket exists without its lease),
 * and tells whether it may run at once: { ticket, turn }. Most people have nobody ahead of them, so one round
 * trip places the message and starts it.
 */
const TAKE = `${TURN}
local t = redis.call('hincrby', KEYS[1], 'next', 1)
redis.call('set', ARGV[1] .. t, '1', 'PX', ARGV[2])
redis.call('pexpire', KEYS[1], ARGV[3])
return { t, turn(KEYS[1], t, ARGV[1], ARGV[3]) }`;

/** 1 = your turn, 0 = wait, -1 = your ticket was passed over. */
const POLL = `${TURN}
if redis.call('exists', KEYS[1]) == 0 then return -1 end
return turn(KEYS[1], tonumber(ARGV[1]), ARGV[2], ARGV[3])`;

/** Renews a ticket's lease while it is still in the queue; 0 once it has been passed over. */
const RENEW = `
if redis.call('exists', KEYS[1]) == 0 then return 0 end
local t = tonumber(ARGV[1])
local done = tonumber(redis.call('hget', KEYS[1], 'done') or '0')
if done >= t then return 0 end
redis.call('set', ARGV[2] .. t, '1', 'PX', ARGV[3])
redis.call('pexpire', KEYS[1], ARGV[4])
return 1`;

/** Hands the turn on (only if it is still ours) and drops the ticket's lease. */
const FINISH = `
local t = tonumber(ARGV[1])
redis.call('del', ARGV[2] .. t)
if redis.call('exists', KEYS[1]) == 0 then return 0 end
local done = tonumber(redis.call('hget', KEYS[1], 'done') or '0')
if done == t - 1 then redis.call('hset', KEYS[1], 'done', t) end
redis.call('pexpire', KEYS[1], ARGV[3])
return 1`;

/**
 * Per-person ordering across instances: a fair ticket lock per key in Redis.
 *
 * `run(key, task)` takes a ticket (HINCRBY on the key's queue), waits until every earlier ticket is
 * done, runs the task, then hands the turn on. Guarantees, while Redis is up and no process stalls
 * for longer than `leaseMs`:
 * - one key's tasks never overlap, whichever instance runs them;
 * - they run in the order their tickets were taken, i.e. the order `run` calls reached Redis
 *   (calls from one instance keep their call order: one connection sends commands in order);
 * - different keys never wait for each other.
 *
 * Liveness: each ticket has a lease renewed every leaseMs/3 by its process, waiting or running. If the
 * process dies, its lease lapses and the next waiter passes over it, so a person is held up by at most
 * about `leaseMs`, never forever.
 *
 * Limits: leases are time-based. A process frozen for longer than `leaseMs` (or cut off from Redis)
 * may be passed over while its task still runs; the next task can then overlap it (reported through
 * `onLeaseLost`; a waiting task that was passed over takes a new ticket at the back of the queue).
 * If Redis itself is lost, `run` rejects (the message is logged as failed, like any handler error);
 * it does not fall back to running unordered. Waiting is by polling (5–100 ms), not notification.
 *
 * @example
 * const runner = new RedisKeyedRunner(redis);
 * const pipeline = new Pipeline({ store, channels, middleware, createContext, logger, runner });
 */
// Satisfies core's KeyedRunner (src/core/serial-queue.ts) structurally: the store imports nothing of core's
// pipeline, so core → store stays one way. The pipeline checks the type where it is given the runner.
export class RedisKeyedRunner {
  /** `run` calls its `placed` callback once the ticket is taken (see PlacingRunner in src/core/pipeline.ts). */
  readonly reportsPlace = true as const;
  #prefix: string;
  #leaseMs: number;
  #idleMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisKeyedRunnerOptions = {},
  ) {
    this.#prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#idleMs = Math.max(options.idleMs ?? 24 * 3600_000, this.#leaseMs * 4);
  }

  /** Runs `task` in its turn; `placed` is told once its ticket is taken (it has its place in line). */
  async run<T>(key: string, task: () => Promise<T>, placed?: () => void): Promise<T> {
    // The hash tag {…} keeps a key's queue and its leases in one cluster slot.
    const queue = `${this.#prefix}queue:{${key}}`;
    const alive = `${queue}:alive:`;
    let place = await this.#take(key, queue, alive);
    placed?.();
    try {
      const backoff = new Backoff(this.options.pollMinMs ?? 5, this.options.pollMaxMs ?? 100);
      for (let turn = place.turn; ; ) {
        if (turn === 1) break;
        if (turn === 0) {
          await backoff.next();
          turn = Number(await evalScript(this.redis, POLL, 1, queue, place.ticket, alive, this.#idleMs));
          continue;
        }
        // Passed over while waiting (we stalled past the lease): queue again rather than run out of turn.
        place.lost();
        place = await this.#take(key, queue, alive);
        turn = place.turn;
        backoff.reset();
      }
      return await task();
    } finally {
      place.stop();
      // If Redis is away this fails; the ticket's lease then lapses and the next waiter passes over it.
      await evalScript(this.redis, FINISH, 1, queue, place.ticket, alive, this.#idleMs).catch(() => undefined);
    }
  }

  /** Takes a ticket and keeps its lease renewed until stop(); lost() reports a passed-over ticket once. `turn` as POLL's. */
  async #take(key: string, queue: string, alive: string): Promise<{ ticket: number; turn: number; stop(): void; lost(): void }> {
    const [ticket, turn] = ((await evalScript(this.redis, TAKE, 1, queue, alive, this.#leaseMs, this.#idleMs)) as number[]).map(Number) as [number, number];
    this.options.onQueued?.(key, ticket);
    let reported = false;
    const lost = () => {
      if (reported) return;
      reported = true;
      this.options.onLeaseLost?.(key, ticket);
    };
    const lease = keepAlive(
      async () => (await evalScript(this.redis, RENEW, 1, queue, ticket, alive, this.#leaseMs, this.#idleMs)) === 1,
      this.#leaseMs / 3,
      lost,
    );
    return { ticket, turn, stop: () => lease.stop(), lost: () => (lease.stop(), lost()) };
  }
}
