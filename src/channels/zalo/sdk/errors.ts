/**
 * Two ways a call fails, as grammY's src/core/error.ts: Zalo answered and refused (`ZaloApiError`, with its error
 * code, the method and the payload), or no answer came (`HttpError`: timeout, connection, HTTP 5xx/429, not JSON).
 * A handler's error reaches `bot.catch` wrapped in a `BotError` with its context.
 */

/** Zalo answered with a non-zero `error`. The payload is kept, but not enumerable: loggers never print it. */
export class ZaloApiError extends Error {
  declare readonly payload: unknown;

  constructor(
    readonly method: string,
    payload: unknown,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`Zalo ${method} refused: ${errorCode} ${description}`);
    this.name = "ZaloApiError";
    Object.defineProperty(this, "payload", { value: payload, enumerable: false });
  }

  /** -216 invalid token, -220 expired token, -124 (some endpoints) expired token. */
  get isTokenProblem(): boolean {
    return this.errorCode === -216 || this.errorCode === -220 || this.errorCode === -124;
  }

  /** -32: too many calls. */
  get isRateLimit(): boolean {
    return this.errorCode === -32;
  }

  /**
   * ZNS could not reach the phone's owner (zalo.cloud/zns/guidelines/handle-error-code): -108 the number is not
   * valid, -118 no Zalo account for it, -119 the account cannot receive ZNS. Sending again will not help.
   */
  get isZnsRecipientProblem(): boolean {
    return this.method === "sendZnsTemplate" && (this.errorCode === -108 || this.errorCode === -118 || this.errorCode === -119);
  }

  /** -230: the person has not written for 7 days; -213: the person does not follow the OA. */
  get isUndeliverable(): boolean {
    return this.errorCode === -230 || this.errorCode === -213;
  }
}

/** The call got no Zalo answer. `status` is the HTTP status when there was one. */
export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly status: number | undefined,
    cause: unknown,
  ) {
    super(`Zalo ${method} failed${status ? ` with HTTP ${status}` : ""}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "HttpError";
  }
}

/** A handler failed on an event; `ctx` is the context it failed on, `error` what it threw (grammY's BotError). */
export class BotError<C = unknown> extends Error {
  override readonly name = "BotError";
  readonly error: unknown;

  constructor(error: unknown, readonly ctx: C) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.error = error;
  }
}

/** Worth another attempt: no answer, HTTP 5xx or 429, and Zalo's rate limit (-32). */
export function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === undefined || error.status >= 500 || error.status === 429;
  return error instanceof ZaloApiError && error.isRateLimit;
}
