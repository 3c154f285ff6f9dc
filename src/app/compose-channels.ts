import type { Express } from "express";
import type { Logger } from "pino";
import { createMessengerChannel, MESSENGER_LABEL } from "../channels/messenger/index.js";
import { createZaloChannel, ZALO_LABEL, zaloSiteVerificationRouter } from "../channels/zalo/index.js";
import { zaloFollowerBroadcast } from "../channels/zalo/broadcast.js";
import { channelStatus, type Config } from "../config.js";
import type { ChannelRegistry } from "../core/channel.js";
import type { Inbox } from "../core/inbox.js";
import type { FollowerBroadcast } from "../features/announcements/follower-broadcast.js";
import type { RedisLock } from "../store/redis/redis-lock.js";
import type { Store } from "../store/store.js";
import { channelOff } from "./http-middleware.js";

/** The Redis lock's name around the Zalo token refresh (kept as it was: instances of every version share it). */
export const ZALO_REFRESH_LOCK = "zalo-token-refresh";

export interface ChannelDeps {
  config: Config;
  store: Store;
  logger: Logger;
  channels: ChannelRegistry;
  inbox: Inbox;
  /** A channel client tries each call once: replies are retried by the Outbound (the one policy). */
  retry: { attempts: number; baseMs: number };
  refreshLock?: RedisLock;
  now: () => number;
}

/**
 * Mounts the webhook of every channel that has credentials and registers its outbound; a channel without them
 * answers 503 on its webhook. Returns the OA's follower broadcast when the Zalo channel is on and broadcasting is
 * allowed (ZALO_BROADCAST_ENABLED).
 */
export function composeChannels(app: Express, deps: ChannelDeps): { broadcast?: FollowerBroadcast } {
  const { config, logger, channels } = deps;
  const status = channelStatus(config);
  // The consoles show past messages of a channel that is off now too.
  channels.describe(ZALO_LABEL).describe(MESSENGER_LABEL);
  let broadcast: FollowerBroadcast | undefined;
  if (status.zalo) {
    const zalo = createZaloChannel({
      apiBase: config.ZALO_API_BASE,
      znsBase: config.ZALO_ZNS_API_BASE,
      transactionTemplates: config.ZALO_TRANSACTION_TEMPLATES,
      znsTemplates: config.ZALO_ZNS_TEMPLATES,
      oauthBase: config.ZALO_OAUTH_BASE,
      oaSecretKey: config.ZALO_OA_SECRET_KEY!,
      appId: config.ZALO_APP_ID,
      appSecret: config.ZALO_APP_SECRET,
      accessToken: config.ZALO_OA_ACCESS_TOKEN,
      refreshToken: config.ZALO_OA_REFRESH_TOKEN,
      store: deps.store,
      inbox: deps.inbox,
      logger,
      retry: deps.retry,
      timeoutMs: config.HTTP_TIMEOUT_MS,
      refreshLock: deps.refreshLock,
      replayWindowSeconds: config.ZALO_REPLAY_WINDOW_SECONDS,
      contactCardImageUrl: config.ZALO_CONTACT_CARD_IMAGE_URL ?? (config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/+$/, "")}/chat/static/contact-card.png` : undefined),
      now: deps.now,
    });
    channels.add(zalo.outbound);
    app.use("/webhooks/zalo", zalo.router);
    if (config.ZALO_BROADCAST_ENABLED) broadcast = zaloFollowerBroadcast(zalo.api);
    logger.info("channel zalo: on");
  } else {
    app.use("/webhooks/zalo", channelOff("zalo"));
    logger.info({ missing: status.missing.zalo }, "channel zalo: off (credentials missing)");
  }
  if (config.ZALO_SITE_VERIFICATION) app.use(zaloSiteVerificationRouter(config.ZALO_SITE_VERIFICATION));

  if (status.messenger) {
    const messenger = createMessengerChannel({
      graphBase: config.FB_GRAPH_BASE,
      graphVersion: config.FB_GRAPH_VERSION,
      utilityTemplates: config.FB_UTILITY_TEMPLATES,
      utilityLanguages: config.FB_UTILITY_LANGUAGES,
      tags: config.FB_MESSAGE_TAGS,
      appSecret: config.FB_APP_SECRET!,
      verifyToken: config.FB_VERIFY_TOKEN,
      pageAccessToken: config.FB_PAGE_ACCESS_TOKEN!,
      inbox: deps.inbox,
      logger,
      retry: deps.retry,
      timeoutMs: config.HTTP_TIMEOUT_MS,
      now: deps.now,
    });
    channels.add(messenger.outbound);
    app.use("/webhooks/messenger", messenger.router);
    logger.info("channel messenger: on");
  } else {
    app.use("/webhooks/messenger", channelOff("messenger"));
    logger.info({ missing: status.missing.messenger }, "channel messenger: off (credentials missing)");
  }
  return { broadcast };
}
