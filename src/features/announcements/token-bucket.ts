/**
 * A token bucket: at most `ratePerSecond` sends per second on average, with bursts of up to `burst`. One per channel,
 * so an announcement stays inside each platform's rate limit (Messenger's Send API: 300 calls per second per page for
 * text; Zalo publishes no figure, so its default is cautious) and leaves room for the bot's own replies.
 *
 * @example const bucket = new TokenBucket(20, 20); await bucket.take(); send();
 */
export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number = Math.max(1, Math.ceil(ratePerSecond)),
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.#tokens = burst;
    this.#last = clock();
  }

  /** Resolves when a token is taken (waits as long as needed). */
  async take(): Promise<void> {
    for (;;) {
      const wait = this.tryTake();
      if (wait === 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Takes a token now and returns 0, or returns how many ms until one is there. */
  tryTake(): number {
    const now = this.clock();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.ratePerSecond);
    this.#last = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - this.#tokens) / this.ratePerSecond) * 1000));
  }
}

/**
 * "zalo=20,messenger=250" → rates by channel name; `default` applies to the others.
 *
 * @example parseRates("zalo=20,messenger=250").messenger // 250
 */
export function parseRates(text: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z0-9_-]+)\s*=\s*(\d+(?:\.\d+)?)$/i.exec(part);
    if (!match || Number(match[2]) <= 0) throw new Error(`"${part}" is not name=messages-per-second`);
    rates[match[1]] = Number(match[2]);
  }
  return rates;
}
