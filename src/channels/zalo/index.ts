import type { Logger } from "pino";
import type { Inbox } from "../../core/inbox.js";
import type { Store } from "../../store/store.js";
import { ZaloApi } from "./api.js";
import { ZaloBot } from "./bot.js";
import { ZaloOutbound } from "./channel.js";
import { ZaloClient } from "./client.js";
import { ZaloError } from "./errors.js";
import { ZaloTokenManager, type RefreshLock } from "./token-manager.js";
import { storeTokenStorage } from "./token-storage.js";
import { zaloEventToMessage } from "./to-message.js";
import { retryTransformer, tokenTransformer } from "./transformers.js";
import { zaloWebhookRouter } from "./webhook.js";

export * from "./api.js";
export * from "./bot.js";
export * from "./channel.js";
export * from "./client.js";
export * from "./composer.js";
export * from "./context.js";
export * from "./errors.js";
export * from "./filter.js";
export * from "./signature.js";
export * from "./token-manager.js";
export * from "./transformers.js";
export * from "./types.js";

/** What the Zalo channel needs from the deployment. */
export interface ZaloChannelOptions {
  apiBase: string;
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
  /** Counts refusals that are not retried (-230, -213), for /metrics. */
  onUndeliverable?: (code: number) => void;
}

/**
 * Wires the Zalo OA: API client with retry and token transformers, the bot whose one middleware turns
 * events into neutral messages for the inbox, the webhook router and the outbound channel.
 *
 * @example const zalo = createZaloChannel({ ...config, store, inbox: pipeline, logger });
 * app.use("/webhooks/zalo", zalo.router); channels.add(zalo.outbound);
 */
export function createZaloChannel(options: ZaloChannelOptions) {
  const log = options.logger.child({ channel: "zalo" });
  const tokens = new ZaloTokenManager({
    appId: options.appId,
    appSecret: options.appSecret,
    oauthBase: options.oauthBase,
    storage: storeTokenStorage(options.store),
    initial: { accessToken: options.accessToken, refreshToken: options.refreshToken },
    lock: options.refreshLock,
    onRefresh: () => log.info("access token refreshed; new pair saved"),
  });
  const client = new ZaloClient({ baseUrl: options.apiBase, timeoutMs: options.timeoutMs });
  client.use(
    async (next, request) => {
      try {
        return await next(request);
      } catch (error) {
        if (error instanceof ZaloError && error.isUndeliverable) {
          log.warn({ code: error.code, path: request.path }, "zalo refused: person cannot be reached (not retried)");
          options.onUndeliverable?.(error.code);
        }
        throw error;
      }
    },
    retryTransformer({
      ...options.retry,
      onRetry: (error, attempt) => log.warn({ err: error, attempt }, "zalo call failed; retrying"),
    }),
    tokenTransformer(tokens),
  );
  const api = new ZaloApi(client);
  const bot = new ZaloBot(api);
  bot.on("oa_send_text", () => undefined); // our own echo: never answered
  bot.use(async (ctx) => {
    const message = zaloEventToMessage(ctx.event);
    if (message) await options.inbox.receive(message);
  });
  bot.catch((error) => log.error({ err: error.error, event: error.ctx.event.event_name }, "zalo event failed"));
  return {
    api,
    bot,
    tokens,
    outbound: new ZaloOutbound(api),
    router: zaloWebhookRouter({ secretKey: options.oaSecretKey, bot, logger: log }),
  };
}
