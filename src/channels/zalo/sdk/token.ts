import { createHash } from "node:crypto";
import { ZaloApiError } from "./errors.js";

/**
 * The OA's token pair. The access token lives about 25 h; the refresh token is single-use and rotated on every
 * refresh, so the new pair is saved before it is used — or the OA is locked out until someone pastes new tokens.
 * Concurrent calls that hit an expired token share one refresh; `lock` makes that one refresh across instances.
 */

/** The saved pair. `seed` fingerprints the configured refresh token it came from (see `currentState`). */
export interface TokenState {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt?: number;
  updatedAt: number;
  seed?: string;
}

/** Where the pair is kept (the app's store; in memory by default). */
export interface TokenStorage {
  load(): Promise<TokenState | undefined>;
  /** Must be durable before it resolves. */
  save(state: TokenState): Promise<void>;
}

/** Runs `fn` while holding a lock shared by every instance (in-process by default). */
export type RefreshLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** Trades a refresh token for a new pair: `(refreshToken) => api.refreshAccessToken(app, refreshToken)`. */
export type TokenExchange = (refreshToken: string) => Promise<{ accessToken: string; refreshToken?: string; expiresAt: number }>;

export interface TokenManagerOptions {
  /** The configured pair (e.g. ZALO_OA_ACCESS_TOKEN, ZALO_OA_REFRESH_TOKEN). */
  initial: { accessToken?: string; refreshToken?: string };
  /** Missing: an expired token cannot be renewed and calls fail with -216. */
  exchange?: TokenExchange;
  storage?: TokenStorage;
  lock?: RefreshLock;
  onRefresh?: (state: TokenState) => void;
}

const fingerprint = (token?: string) => (token ? createHash("sha256").update(token).digest("hex").slice(0, 16) : undefined);

/** Keeps the pair in memory only (tests, one-off scripts). */
export function memoryTokenStorage(): TokenStorage {
  let saved: TokenState | undefined;
  return { load: async () => saved, save: async (state) => void (saved = state) };
}

/**
 * @example
 * const tokens = new TokenManager({ initial: { accessToken, refreshToken }, exchange: (rt) => api.refreshAccessToken(app, rt), storage });
 * api.config.use(autoToken(tokens));
 */
export class TokenManager {
  #state?: TokenState;
  #refreshing?: Promise<string>;
  readonly #storage: TokenStorage;

  constructor(private readonly options: TokenManagerOptions) {
    this.#storage = options.storage ?? memoryTokenStorage();
  }

  /** The access token to use now (refreshed first when there is only a refresh token). */
  async accessToken(): Promise<string> {
    const state = await this.currentState();
    if (!state.accessToken && state.refreshToken) return this.refresh(state.accessToken);
    return state.accessToken;
  }

  /**
   * The saved pair, unless the configuration holds a different refresh token than the one it came from:
   * then someone pasted new tokens and those win.
   */
  async currentState(): Promise<TokenState> {
    if (this.#state) return this.#state;
    const saved = await this.#storage.load();
    const seed = fingerprint(this.options.initial.refreshToken ?? this.options.initial.accessToken);
    this.#state =
      saved && saved.seed === seed
        ? saved
        : { accessToken: this.options.initial.accessToken ?? "", refreshToken: this.options.initial.refreshToken, updatedAt: Date.now(), seed };
    return this.#state;
  }

  /**
   * A new access token; `staleToken` is the one that failed. If another call (or instance) already refreshed
   * it, the new token is returned without spending the refresh token again.
   */
  refresh(staleToken: string): Promise<string> {
    this.#refreshing ??= (async () => {
      const lock = this.options.lock ?? ((fn) => fn());
      return lock(async () => {
        // Another instance may have refreshed while we waited for the lock: reread before spending the refresh token.
        const saved = await this.#storage.load();
        if (saved && saved.accessToken !== staleToken && saved.seed === (await this.currentState()).seed) {
          this.#state = saved;
          return saved.accessToken;
        }
        const state = await this.currentState();
        if (state.accessToken !== staleToken) return state.accessToken;
        return this.#exchange(state);
      });
    })().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #exchange(state: TokenState): Promise<string> {
    if (!state.refreshToken || !this.options.exchange) {
      throw new ZaloApiError("getAccessToken", undefined, -216, "access token rejected and no refresh token or app credentials to renew it");
    }
    const pair = await this.options.exchange(state.refreshToken);
    const next: TokenState = { ...pair, refreshToken: pair.refreshToken ?? state.refreshToken, updatedAt: Date.now(), seed: state.seed };
    // Saved before use: the old refresh token is already spent.
    await this.#storage.save(next);
    this.#state = next;
    this.options.onRefresh?.(next);
    return next.accessToken;
  }
}
