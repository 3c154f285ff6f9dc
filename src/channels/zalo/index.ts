import { Router } from "express";
import type { Logger } from "pino";
import type { Inbox } from "../../core/inbox.js";
import type { Store } from "../../store/store.js";
import { leanFetch } from "../lean-fetch.js";
import { OwnSends } from "../own-sends.js";
import { receiveInto } from "./handlers.js";
import { ZaloOutbound, type ZaloReachOptions } from "./outbound.js";
import { parseLargeBody } from "../../http/off-thread-json.js";
import { LONG_TEXT_CHARS } from "../../core/message.js";
import { Api, autoToken, Bot, logging, retry, TokenManager, webhookCallback, ZaloApiError, type RefreshLock } from "./sdk/index.js";
import { storeTokenStorage } from "./token-storage.js";

export { ZALO_WINDOW, ZaloOutbound, type ZaloReachOptions } from "./outbound.js";
export { renderForZalo } from "./render.js";
export { zaloSiteVerificationRouter } from "./site-verification.js";
export { ZALO_LABEL } from "./label.js";

/** What the Zalo channel needs from the deployment. */
export interface ZaloChannelOptions extends ZaloReachOptions {
  apiBase: string;
  /** ZNS's base (ZALO_ZNS_API_BASE). */
  znsBase?: string;
  oauthBase: string;
  oaSecretKey: string;
  appId?: string;
  appSecret?: string;
  accessToken?: string;
  refreshToken?: string;
  store: Store;
  inbox: Inbox;
  logger: Logger;
  retry: { attempts: number; baseMs: number };
  timeoutMs?: number;
  refreshLock?: RefreshLock;
  /** ZALO_REPLAY_WINDOW_SECONDS: signed events older than this are answered 200 and not handled. */
  replayWindowSeconds?: number;
  /** The clock of the replay window. */
  now?: () => number;
  /** The picture of the request_user_info card; without it the card is not sent and the person types. */
  contactCardImageUrl?: string;
  /** Where the ids of sent messages are kept when instances must share them (scaled out); in memory otherwise. */
  sentIds?: { markSeen(id: string): Promise<boolean> };
  /** Counts refusals that are not retried (-230, -213), for /metrics. */
  onUndeliverable?: (code: number) => void;
}

/**
 * Wires the Zalo OA with the SDK: the Api with logging, retry and token transformers; the bot whose handlers turn
 * events into neutral messages for the inbox; the signed webhook; the outbound channel.
 *
 * @example const zalo = createZaloChannel({ ...config, store, inbox: pipeline, logger });
 * app.use("/webhooks/zalo", zalo.router); channels.add(zalo.outbound);
 */
export function createZaloChannel(options: ZaloChannelOptions) {
  const log = options.logger.child({ channel: "zalo" });
  const api = new Api({ apiRoot: options.apiBase, oauthRoot: options.oauthBase, businessRoot: options.znsBase, timeoutMs: options.timeoutMs, fetch: leanFetch });
  const { appId, appSecret } = options;
  const tokens = new TokenManager({
    initial: { accessToken: options.accessToken, refreshToken: options.refreshToken },
    exchange: appId && appSecret ? (refreshToken) => api.refreshAccessToken({ appId, appSecret }, refreshToken) : undefined,
    storage: storeTokenStorage(options.store),
    lock: options.refreshLock,
    onRefresh: () => log.info("access token refreshed; new pair saved"),
  });
  api.config.use(
    logging(({ method, errorCode, error }) => {
      if (!(error instanceof ZaloApiError && error.isUndeliverable)) return;
      log.warn({ code: errorCode, method }, "zalo refused: person cannot be reached (not retried)");
      options.onUndeliverable?.(error.errorCode);
    }),
    retry({ ...options.retry, onRetry: (error, attempt, method) => log.warn({ err: error, attempt, method }, "zalo call failed; retrying") }),
    autoToken(tokens),
  );
  // The ids of what the bot sends, so the echoes of a staff member's replies from the OA chat are told apart.
  const own = new OwnSends(options.sentIds, "zalo");
  const bot = receiveInto(new Bot({ api }), options.inbox, own);
  bot.catch((error) => log.error({ err: error.error, event: error.ctx.eventName }, "zalo event failed"));
  const router = Router();
  router.post(
    "/",
    webhookCallback(bot, {
      secretKey: options.oaSecretKey,
      replayWindowSeconds: options.replayWindowSeconds,
      now: options.now,
      onRefused: (status, reason) => log.info({ status, reason }, "zalo webhook refused"),
      onReplay: (event, ageMs) => log.warn({ event: event.event_name, ageSeconds: Math.round(ageMs / 1000) }, "zalo event outside the replay window; not handled"),
      // Large bodies are parsed and hashed on a worker thread (src/http/off-thread-json.ts); small ones in place. A
      // long text comes back as its start, and its bytes for the transcript (to-message.ts).
      parseLarge: (raw, digest) => parseLargeBody(raw, digest, LONG_TEXT_CHARS),
    }),
  );
  const outbound = new ZaloOutbound(api, {
    contactCardImageUrl: options.contactCardImageUrl,
    transactionTemplates: options.transactionTemplates,
    znsTemplates: options.znsTemplates,
    own,
  });
  return { api, bot, tokens, outbound, router };
}
