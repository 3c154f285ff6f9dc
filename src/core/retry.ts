/**
 * Bounded retries with exponential backoff and full jitter, shared by every outbound client
 * (Zalo, Graph, the staff webhook).
 */

/** How to retry. */
export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** First backoff (ms); doubles each time, with jitter. */
  baseMs: number;
  /** Upper bound of one backoff (ms). */
  maxMs?: number;
  /** Whether this error is worth another attempt. */
  retryable: (error: unknown) => boolean;
  /** Called before each wait, e.g. to log. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Replaceable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn` until it succeeds, the error is not retryable, or attempts run out.
 *
 * @example await withRetry(() => api.send(msg), { attempts: 4, baseMs: 300, retryable: isTransient });
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !options.retryable(error)) throw error;
      const ceiling = Math.min(options.maxMs ?? 10_000, options.baseMs * 2 ** (attempt - 1));
      const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

// ===  The outbound retry policy  ===

/**
 * How replies and notices are retried, the one policy for every way out (direct sending, the outbound queue, staff
 * alerts): `attempts` quick tries while the person waits, then tries spaced by `backoff` (doubling up to `maxMs`)
 * until the message is `maxAgeMs` old, when it is dropped as stale rather than sent late.
 */
export interface RetryPolicy {
  /** Quick tries in a row, the first included (RETRY_ATTEMPTS). */
  attempts: number;
  /** First wait (RETRY_BASE_MS); doubles with each try. */
  baseMs: number;
  /** Longest wait between two tries. */
  maxMs: number;
  /** Older than this (from when it was written), a message is dropped and counted instead of sent (OUTBOUND_MAX_AGE_HOURS). */
  maxAgeMs: number;
}

/**
 * The wait before try number `attempt + 1` (1-based `attempt`), with jitter: half fixed, half random.
 *
 * @example backoffMs({ attempts: 4, baseMs: 300, maxMs: 600_000, maxAgeMs: 86_400_000 }, 3) // 600–1 200 ms
 */
export function backoffMs(policy: Pick<RetryPolicy, "baseMs" | "maxMs">, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
