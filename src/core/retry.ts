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
