/**
 * Graph refused (`GraphError`, with Facebook's code and subcode) or the network failed (`GraphHttpError`).
 */

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly subcode: number | undefined,
    description: string,
  ) {
    super(`Graph refused: (#${code}${subcode ? `/${subcode}` : ""}) ${description}`);
    this.name = "GraphError";
  }

  /** 4 (app rate limit) and 613 (calls exceeded). */
  get isRateLimit(): boolean {
    return this.code === 4 || this.code === 613 || this.status === 429;
  }

  /** 10 / 2018278: outside the 24-hour window; 551 / 1545041: the person is not available. */
  get isOutsideWindow(): boolean {
    return (this.code === 10 && this.subcode === 2018278) || this.code === 551;
  }
}

export class GraphHttpError extends Error {
  constructor(
    readonly status: number | undefined,
    cause: unknown,
  ) {
    super(`Graph request failed${status ? ` with HTTP ${status}` : ""}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "GraphHttpError";
  }
}

/** Worth another attempt: 4/613, 5xx, timeouts, network errors. */
export function isTransientGraphError(error: unknown): boolean {
  if (error instanceof GraphHttpError) return true;
  return error instanceof GraphError && (error.isRateLimit || error.status >= 500);
}
