import { withRetry } from "../../core/retry.js";
import type { ZaloTransformer } from "./client.js";
import { ZaloError, isTransientZaloError } from "./errors.js";
import type { ZaloTokenManager } from "./token-manager.js";

/**
 * Adds the access token; on -216/-220 refreshes once (shared with concurrent sends) and resends.
 *
 * @example client.use(tokenTransformer(tokens));
 */
export function tokenTransformer(tokens: ZaloTokenManager): ZaloTransformer {
  return async (next, request) => {
    const token = await tokens.accessToken();
    try {
      return await next({ ...request, accessToken: token });
    } catch (error) {
      if (!(error instanceof ZaloError) || !error.isTokenProblem) throw error;
      const fresh = await tokens.refresh(token);
      return next({ ...request, accessToken: fresh });
    }
  };
}

/**
 * Bounded retries with backoff for -32, 5xx, timeouts and network errors; never for -230/-213 or other refusals.
 *
 * @example client.use(retryTransformer({ attempts: 4, baseMs: 300 }));
 */
export function retryTransformer(options: { attempts: number; baseMs: number; onRetry?: (error: unknown, attempt: number) => void }): ZaloTransformer {
  return (next, request) =>
    withRetry(() => next(request), {
      attempts: options.attempts,
      baseMs: options.baseMs,
      retryable: isTransientZaloError,
      onRetry: options.onRetry,
    });
}
