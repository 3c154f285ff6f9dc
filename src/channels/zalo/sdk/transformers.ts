import type { Transformer, ZaloMethod } from "./client.js";
import { ZaloApiError, isTransient } from "./errors.js";
import type { TokenManager } from "./token.js";

/**
 * Ready-made transformers for `api.config.use(...)`. Install order matters: the first installed is the
 * outermost, so `use(logging(...), retry(...), autoToken(tokens))` logs once per call, retries around a call
 * that already carries (and refreshes) its token.
 */

// ===  Retry  ===

export interface RetryOptions {
  /** Total attempts, the first included (default 4). */
  attempts?: number;
  /** First backoff in ms; doubles each time, with jitter (default 300). */
  baseMs?: number;
  /** Longest single wait in ms (default 10 s). */
  maxMs?: number;
  onRetry?: (error: unknown, attempt: number, method: ZaloMethod) => void;
}

/**
 * Bounded retries with backoff for what may pass on a second try (no answer, HTTP 5xx/429, Zalo's -32); never for
 * a refusal such as -230 (no interaction for 7 days) or -213 (not a follower).
 *
 * @example api.config.use(retry({ attempts: 4, baseMs: 300 }));
 */
export function retry(options: RetryOptions = {}): Transformer {
  const attempts = options.attempts ?? 4;
  const baseMs = options.baseMs ?? 300;
  return async (prev, method, payload, callOptions) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await prev(method, payload, callOptions);
      } catch (error) {
        if (attempt >= attempts || !isTransient(error)) throw error;
        options.onRetry?.(error, attempt, method);
        const ceiling = Math.min(options.maxMs ?? 10_000, baseMs * 2 ** (attempt - 1));
        await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
      }
    }
  };
}

// ===  Token  ===

/**
 * Puts the access token on every Open API call; when Zalo says the token is invalid or expired (-216, -220, -124),
 * refreshes it once — shared with every call that failed at the same time — and calls again.
 *
 * @example api.config.use(autoToken(tokens));
 */
export function autoToken(tokens: Pick<TokenManager, "accessToken" | "refresh">): Transformer {
  return async (prev, method, payload, options) => {
    if (method === "getAccessToken") return prev(method, payload, options);
    const token = await tokens.accessToken();
    try {
      return await prev(method, payload, { ...options, accessToken: token });
    } catch (error) {
      if (!(error instanceof ZaloApiError) || !error.isTokenProblem) throw error;
      return prev(method, payload, { ...options, accessToken: await tokens.refresh(token) });
    }
  };
}

// ===  Logging  ===

/**
 * Tells `log` of every call that failed, with the method, Zalo's code and how long it took — never the payload
 * or the token (they may hold phone numbers and secrets).
 *
 * @example api.config.use(logging((entry) => logger.warn(entry, "zalo call failed")));
 */
export function logging(log: (entry: { method: ZaloMethod; ms: number; errorCode?: number; error: unknown }) => void): Transformer {
  return async (prev, method, payload, options) => {
    const started = Date.now();
    try {
      return await prev(method, payload, options);
    } catch (error) {
      log({ method, ms: Date.now() - started, errorCode: error instanceof ZaloApiError ? error.errorCode : undefined, error });
      throw error;
    }
  };
}
