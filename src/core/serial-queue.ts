/**
 * Runs tasks one after another per key (one person's messages in order) and in parallel across keys.
 * The scale-out deployment replaces it with a Redis lock (src/store/redis).
 */
export interface KeyedRunner {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** In-process per-key queue. `idle()` resolves when nothing is queued (tests wait on it). */
export class SerialQueue implements KeyedRunner {
  #tails = new Map<string, Promise<unknown>>();
  #pending = 0;
  #idleWaiters: (() => void)[] = [];

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(task);
    const tail = result.catch(() => undefined).finally(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
      if (--this.#pending === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    });
    this.#tails.set(key, tail);
    return result;
  }

  get pending(): number {
    return this.#pending;
  }

  idle(): Promise<void> {
    return this.#pending === 0 ? Promise.resolve() : new Promise((resolve) => this.#idleWaiters.push(resolve));
  }
}
