import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { DEFAULT_REDIS_PREFIX } from "./connect-redis.js";
import { Backoff, keepAlive } from "./keep-alive.js";
import { evalScript } from "./eval-script.js";
import { forgetRun, registerRun } from "./instance-runs.js";
import { FINISH, POLL, RELEASE, RENEW, TAKE } from "./keyed-runner-scripts.js";

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
  /**
   * This instance's identity (INSTANCE_ID), the same across its restarts: with it, `start()` frees at once the queue
   * places a killed earlier run of this instance left, instead of their lease holding those people up for `leaseMs`.
   * Without it, only the leases free them.
   */
  instanceId?: string;
}

/** A ticket taken: its number, TURN's answer at taking, and its lease's renewal (stop, or lost: passed over). */
interface Place {
  ticket: number;
  turn: number;
  stop(): void;
  lost(): void;
}

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
 * Restarts: with `instanceId`, each run records in Redis the queues where it holds tickets (`<prefix>held:<instance>:
 * <run>`), and `start()` of the next run of the same instance frees those tickets at once (RELEASE): a kill -9 then
 * holds a person up only until the instance is back, not for the lease — which matters when kills come faster than
 * the lease (each restart's waiting tickets died with it, and people waited through one lease after another).
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
  /** This process's run: the value of its tickets' alive keys (and of other holds, e.g. redisLock's `run`). */
  readonly runId = randomUUID();
  /** Tickets this run holds per queue; a queue is in the run's held set in Redis while its count is above 0. */
  readonly #held = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisKeyedRunnerOptions = {},
  ) {
    this.#prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#idleMs = Math.max(options.idleMs ?? 24 * 3600_000, this.#leaseMs * 4);
  }

  /**
   * Frees the tickets the earlier runs of this instance left (killed before they finished): call once at start-up,
   * before the first `run`. Resolves to how many tickets were freed (0 without `instanceId`). `alsoFree` is told each
   * dead run first, for holds of other kinds keyed by the run (the token-refresh lock).
   */
  async start(alsoFree?: (deadRun: string) => Promise<unknown>): Promise<{ tickets: number; queues: number }> {
    const freed = { tickets: 0, queues: 0 };
    if (!this.options.instanceId) return freed;
    for (const run of await registerRun(this.redis, this.#runsKey, this.runId)) {
      await alsoFree?.(run);
      const held = this.#heldKey(run);
      for (const queue of await this.redis.smembers(held)) {
        const tickets = Number(await evalScript(this.redis, RELEASE, 1, queue, `${queue}:alive:`, run));
        freed.tickets += tickets;
        if (tickets > 0) freed.queues++;
      }
      await this.redis.del(held);
      await forgetRun(this.redis, this.#runsKey, run);
    }
    return freed;
  }

  /** At a clean stop, once every task has finished: this run holds nothing, so the next start has nothing of it to free. */
  async stop(): Promise<void> {
    if (this.options.instanceId && this.#held.size === 0) await forgetRun(this.redis, this.#runsKey, this.runId);
  }

  /** Runs `task` in its turn; `placed` is told once its ticket is taken (it has its place in line). */
  async run<T>(key: string, task: () => Promise<T>, placed?: () => void): Promise<T> {
    // The hash tag {…} keeps a key's queue and its leases in one cluster slot.
    const queue = `${this.#prefix}queue:{${key}}`;
    const alive = `${queue}:alive:`;
    this.#hold(queue);
    let place: Place;
    try {
      place = await this.#take(key, queue, alive);
    } catch (error) {
      this.#letGo(queue);
      throw error;
    }
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
      this.#letGo(queue);
    }
  }

  get #runsKey(): string {
    return `${this.#prefix}runs:${this.options.instanceId}`;
  }

  #heldKey(run: string): string {
    return `${this.#prefix}held:${this.options.instanceId}:${run}`;
  }

  /**
   * Counts a ticket about to be taken in `queue`; the first puts the queue in this run's held set. Sent, not awaited,
   * just before TAKE on the same connection: Redis runs one connection's commands in order, so the set names the
   * queue before the ticket exists, at no extra round trip. (A failed SADD only leaves that ticket to its lease.)
   */
  #hold(queue: string): void {
    const count = this.#held.get(queue) ?? 0;
    this.#held.set(queue, count + 1);
    if (count > 0 || !this.options.instanceId) return;
    const held = this.#heldKey(this.runId);
    this.redis.sadd(held, queue).catch(() => undefined);
    this.redis.pexpire(held, this.#idleMs).catch(() => undefined);
  }

  /** The ticket in `queue` is finished (or was never taken); the last one takes the queue out of the held set. */
  #letGo(queue: string): void {
    const count = (this.#held.get(queue) ?? 1) - 1;
    if (count > 0) return void this.#held.set(queue, count);
    this.#held.delete(queue);
    if (this.options.instanceId) this.redis.srem(this.#heldKey(this.runId), queue).catch(() => undefined);
  }

  /** Takes a ticket and keeps its lease renewed until stop(); lost() reports a passed-over ticket once. `turn` as POLL's. */
  async #take(key: string, queue: string, alive: string): Promise<Place> {
    const [ticket, turn] = ((await evalScript(this.redis, TAKE, 1, queue, alive, this.#leaseMs, this.#idleMs, this.runId)) as number[]).map(Number) as [number, number];
    this.options.onQueued?.(key, ticket);
    let reported = false;
    const lost = () => {
      if (reported) return;
      reported = true;
      this.options.onLeaseLost?.(key, ticket);
    };
    const lease = keepAlive(
      async () => (await evalScript(this.redis, RENEW, 1, queue, ticket, alive, this.#leaseMs, this.#idleMs, this.runId)) === 1,
      this.#leaseMs / 3,
      lost,
    );
    return { ticket, turn, stop: () => lease.stop(), lost: () => (lease.stop(), lost()) };
  }
}
