/**
 * Runs at most `limit` tasks at once; the others wait their turn in arrival order.
 *
 * The pipeline handles many people's messages concurrently. When messages come faster than they can be answered,
 * every one of them used to be in flight at once — its context, conversation, answer and pending HTTP request held
 * in memory (tens of KB each: 530 MB of RSS after 8 s at twice the capacity). Waiting messages cost only their
 * place in line here, and nothing is refused or dropped.
 *
 * @example const limit = new ConcurrencyLimit(256); await limit.run(() => pipeline.handle(message));
 */
export class ConcurrencyLimit {
  #running = 0;
  #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`A concurrency limit must be at least 1 (got ${limit})`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.limit) this.#running++;
    // A finishing task hands its slot straight to the first waiter, so `running` never goes over the limit.
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  /** Tasks running now. */
  get running(): number {
    return this.#running;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }
}
