import axios, { type AxiosInstance } from "axios";
import { createHash } from "node:crypto";
import { ZaloError, ZaloHttpError } from "./errors.js";

/**
 * Zalo OA tokens: the access token lives about 25 h; the refresh token is single-use and rotated on every
 * refresh, so the new pair must be saved before anything else happens, or the OA is locked out until
 * someone pastes new tokens. Concurrent sends that hit an expired token share one refresh.
 */

/** The saved pair. `seed` fingerprints the env refresh token it came from (see `currentState`). */
export interface ZaloTokenState {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt?: number;
  updatedAt: number;
  seed?: string;
}

/** Where the pair is kept: the store, in this product (see token-storage.ts). */
export interface ZaloTokenStorage {
  load(): Promise<ZaloTokenState | undefined>;
  /** Must be durable before it resolves. */
  save(state: ZaloTokenState): Promise<void>;
}

/** Runs `fn` while holding a lock shared by every instance (Redis in scale-out; in-process by default). */
export type RefreshLock = <T>(fn: () => Promise<T>) => Promise<T>;

export interface ZaloTokenManagerOptions {
  appId?: string;
  appSecret?: string;
  /** ZALO_OAUTH_BASE, default https://oauth.zaloapp.com. */
  oauthBase: string;
  storage: ZaloTokenStorage;
  /** The pair from the environment (ZALO_OA_ACCESS_TOKEN, ZALO_OA_REFRESH_TOKEN). */
  initial: { accessToken?: string; refreshToken?: string };
  lock?: RefreshLock;
  http?: AxiosInstance;
  onRefresh?: (state: ZaloTokenState) => void;
}

const fingerprint = (token?: string) => (token ? createHash("sha256").update(token).digest("hex").slice(0, 16) : undefined);

/**
 * @example
 * const tokens = new ZaloTokenManager({ oauthBase, storage, initial: { accessToken, refreshToken }, appId, appSecret });
 * const token = await tokens.accessToken();
 */
export class ZaloTokenManager {
  #state?: ZaloTokenState;
  #refreshing?: Promise<string>;
  #http: AxiosInstance;

  constructor(private readonly options: ZaloTokenManagerOptions) {
    this.#http = options.http ?? axios.create({ timeout: 10_000 });
  }

  /** The access token to use now. */
  async accessToken(): Promise<string> {
    const state = await this.currentState();
    if (!state.accessToken && state.refreshToken) return this.refresh(state.accessToken);
    return state.accessToken;
  }

  /**
   * The saved pair, unless the environment holds a different refresh token than the one it came from:
   * then staff pasted new tokens and those win.
   */
  async currentState(): Promise<ZaloTokenState> {
    if (this.#state) return this.#state;
    const saved = await this.options.storage.load();
    const seed = fingerprint(this.options.initial.refreshToken ?? this.options.initial.accessToken);
    this.#state =
      saved && saved.seed === seed
        ? saved
        : { accessToken: this.options.initial.accessToken ?? "", refreshToken: this.options.initial.refreshToken, updatedAt: Date.now(), seed };
    return this.#state;
  }

  /**
   * Gets a new pair; `staleToken` is the token that failed. If another send already refreshed it,
   * the new token is returned without a second refresh (the old refresh token is spent).
   */
  async refresh(staleToken: string): Promise<string> {
    if (this.#refreshing) return this.#refreshing;
    this.#refreshing = (async () => {
      const lock = this.options.lock ?? ((fn) => fn());
      return lock(async () => {
        // Another instance may have refreshed while we waited for the lock: reread before spending the refresh token.
        const saved = await this.options.storage.load();
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

  async #exchange(state: ZaloTokenState): Promise<string> {
    const { appId, appSecret, oauthBase } = this.options;
    if (!state.refreshToken || !appId || !appSecret) {
      throw new ZaloError(-216, "access token rejected and no refresh token / ZALO_APP_ID / ZALO_APP_SECRET to renew it", "/v4/oa/access_token");
    }
    const form = new URLSearchParams({ app_id: appId, grant_type: "refresh_token", refresh_token: state.refreshToken });
    let data: Record<string, unknown>;
    try {
      const response = await this.#http.post(`${oauthBase.replace(/\/$/, "")}/v4/oa/access_token`, form.toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: appSecret },
        validateStatus: () => true,
      });
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      data = response.data as Record<string, unknown>;
    } catch (error) {
      throw new ZaloHttpError("/v4/oa/access_token", undefined, error);
    }
    if (typeof data?.access_token !== "string") {
      const code = typeof data?.error === "number" ? data.error : -1;
      throw new ZaloError(code, String(data?.error_description ?? data?.message ?? "token refresh refused"), "/v4/oa/access_token");
    }
    const next: ZaloTokenState = {
      accessToken: data.access_token,
      refreshToken: typeof data.refresh_token === "string" ? data.refresh_token : state.refreshToken,
      expiresAt: Date.now() + Number(data.expires_in ?? 90_000) * 1000,
      updatedAt: Date.now(),
      seed: state.seed,
    };
    // Saved before use: the old refresh token is already spent.
    await this.options.storage.save(next);
    this.#state = next;
    this.options.onRefresh?.(next);
    return next.accessToken;
  }
}
