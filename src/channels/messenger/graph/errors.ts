/**
 * Two ways a Graph call fails, as in the Zalo SDK and grammY: Graph answered and refused (`GraphApiError`, with
 * Facebook's code and subcode, the path and the payload), or no answer came (`GraphHttpError`).
 */

/** Graph answered with an `error` object (or a 4xx without one). The payload is kept, not enumerable. */
export class GraphApiError extends Error {
  declare readonly payload: unknown;

  constructor(
    readonly path: string,
    payload: unknown,
    readonly status: number,
    readonly code: number,
    readonly subcode: number | undefined,
    readonly description: string,
  ) {
    super(`Graph ${path} refused: (#${code}${subcode ? `/${subcode}` : ""}) ${description}`);
    this.name = "GraphApiError";
    Object.defineProperty(this, "payload", { value: payload, enumerable: false });
  }

  /** 4 (app rate limit), 613 (calls exceeded), HTTP 429. */
  get isRateLimit(): boolean {
    return this.code === 4 || this.code === 613 || this.status === 429;
  }

  /** 10 / 2018278: outside the 24-hour window (or a tag that does not apply); 551: the person is not available. */
  get isOutsideWindow(): boolean {
    return (this.code === 10 && this.subcode === 2018278) || this.code === 551;
  }
}

/** No Graph answer: timeout, connection error, HTTP 5xx without an error object, a body that is not JSON. */
export class GraphHttpError extends Error {
  constructor(
    readonly path: string,
    readonly status: number | undefined,
    cause: unknown,
  ) {
    super(`Graph ${path} failed${status ? ` with HTTP ${status}` : ""}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "GraphHttpError";
  }
}

/** Worth another attempt: no answer, rate limits, Graph's own 5xx. */
export function isTransientGraphError(error: unknown): boolean {
  if (error instanceof GraphHttpError) return true;
  return error instanceof GraphApiError && (error.isRateLimit || error.status >= 500);
}
