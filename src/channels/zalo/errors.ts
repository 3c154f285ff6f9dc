/**
 * Two kinds of failure, as in grammY's src/core/error.ts: Zalo refused (`ZaloError`, with Zalo's code)
 * or the network failed (`ZaloHttpError`: timeout, connection, HTTP 5xx).
 */

/** Zalo answered with a non-zero `error`. */
export class ZaloError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly path: string,
  ) {
    super(`Zalo ${path} refused: ${code} ${description}`);
    this.name = "ZaloError";
  }

  /** -216 invalid token, -220 expired token (-124 is what some endpoints return for an expired token). */
  get isTokenProblem(): boolean {
    return this.code === -216 || this.code === -220 || this.code === -124;
  }

  /** -32: too many calls. */
  get isRateLimit(): boolean {
    return this.code === -32;
  }

  /** -230 the person has not interacted for 7 days; -213 the person does not follow the OA. */
  get isUndeliverable(): boolean {
    return this.code === -230 || this.code === -213;
  }
}

/** The request did not get a Zalo answer: timeout, connection error or HTTP 5xx. */
export class ZaloHttpError extends Error {
  constructor(
    readonly path: string,
    readonly status: number | undefined,
    cause: unknown,
  ) {
    super(`Zalo ${path} failed${status ? ` with HTTP ${status}` : ""}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "ZaloHttpError";
  }
}

/** Worth another attempt: network failures, 5xx, and Zalo's rate limit. */
export function isTransientZaloError(error: unknown): boolean {
  if (error instanceof ZaloHttpError) return error.status === undefined || error.status >= 500 || error.status === 429;
  return error instanceof ZaloError && error.isRateLimit;
}
