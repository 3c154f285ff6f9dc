/**
 * Console sign-in back-off, per address only: after a few free mistakes, each further failed sign-in from an
 * address doubles the time that address must wait before its next try (1 s, 2 s, 4 s … 15 min). Another address —
 * the real staff member at the office — is never slowed, so nobody can lock an account out for everyone by
 * failing on purpose. Guessing stays slow for a botnet too: scrypt hashes and 10-character passwords.
 *
 * Kept in memory (per instance; a restart forgets), bounded in size; an address is forgotten an hour after its
 * last failure, and at once after it signs in.
 *
 * @example
 * const wait = backoff.waitMs(clientKey(req)); if (wait > 0) → 429 with Retry-After: ceil(wait / 1000)
 */

export interface BackoffOptions {
  /** Failures before any wait. */
  free: number;
  /** The first wait; doubles with each further failure. */
  baseMs: number;
  maxMs: number;
  /** An address with no failure for this long starts over. */
  forgetMs: number;
  /** Addresses remembered at most (the oldest are dropped first). */
  maxEntries: number;
}

export const LOGIN_BACKOFF: BackoffOptions = { free: 5, baseMs: 1000, maxMs: 15 * 60_000, forgetMs: 60 * 60_000, maxEntries: 50_000 };

interface Entry {
  failures: number;
  /** No try is looked at before this time. */
  until: number;
  lastFailureAt: number;
}

export class LoginBackoff {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly options: BackoffOptions = LOGIN_BACKOFF,
  ) {}

  /** How long the address must still wait (0: it may try now). */
  waitMs(address: string): number {
    const entry = this.#current(address);
    return entry ? Math.max(0, entry.until - this.now()) : 0;
  }

  /** Counts a failed sign-in; returns the wait it now imposes. */
  failed(address: string): number {
    const now = this.now();
    const entry = this.#current(address) ?? { failures: 0, until: 0, lastFailureAt: now };
    entry.failures++;
    entry.lastFailureAt = now;
    const over = entry.failures - this.options.free;
    const wait = over > 0 ? Math.min(this.options.maxMs, this.options.baseMs * 2 ** Math.min(over - 1, 30)) : 0;
    entry.until = now + wait;
    this.#entries.delete(address); // re-insert: the Map's order is then the order of last failure
    this.#entries.set(address, entry);
    if (this.#entries.size > this.options.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return wait;
  }

  /** A successful sign-in clears the address. */
  succeeded(address: string): void {
    this.#entries.delete(address);
  }

  #current(address: string): Entry | undefined {
    const entry = this.#entries.get(address);
    if (entry && this.now() - entry.lastFailureAt > this.options.forgetMs) {
      this.#entries.delete(address);
      return undefined;
    }
    return entry;
  }
}
