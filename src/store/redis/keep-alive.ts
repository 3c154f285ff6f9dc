/** A running renewal loop; stop() ends it. */
export interface KeepAlive {
  stop(): void;
}

/**
 * Renews a Redis lease every `everyMs` until stopped: a lock or queue place stays held for as long as
 * its process is alive and lapses `ttl` after a crash. `renew` resolves false when the lease is gone
 * (it expired during a long pause and someone else took over); `onLost` is then told once and renewal
 * stops. A failed renewal (Redis briefly away) is simply tried again at the next tick.
 *
 * @example const alive = keepAlive(() => extend(key, token), ttlMs / 3, () => log.warn("lock lost")); … alive.stop();
 */
export function keepAlive(renew: () => Promise<boolean>, everyMs: number, onLost?: () => void): KeepAlive {
  let stopped = false;
  let busy = false;
  const timer = setInterval(() => {
    if (busy || stopped) return;
    busy = true;
    renew()
      .then((held) => {
        if (!held && !stopped) {
          stop();
          onLost?.();
        }
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, Math.max(1, Math.floor(everyMs)));
  // Renewal alone must not keep the process running.
  timer.unref?.();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return { stop };
}

/**
 * Waits with capped exponential backoff and jitter: `next()` sleeps, then doubles the pause up to `maxMs`.
 * The jitter keeps many waiters from polling Redis in lockstep.
 *
 * @example const backoff = new Backoff(5, 100); while (!(await tryTake())) await backoff.next();
 */
export class Backoff {
  #delay: number;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
  ) {
    this.#delay = minMs;
  }

  next(): Promise<void> {
    const pause = this.#delay / 2 + Math.random() * (this.#delay / 2);
    this.#delay = Math.min(this.maxMs, this.#delay * 2);
    return new Promise((resolve) => setTimeout(resolve, pause));
  }

  reset(): void {
    this.#delay = this.minMs;
  }
}
