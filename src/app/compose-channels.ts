import type { Express, Router } from "express";
import type { Logger } from "pino";
import { createMessengerChannel, MESSENGER_LABEL } from "../channels/messenger/index.js";
import { createZaloChannel, ZALO_LABEL, zaloSiteVerificationRouter } from "../channels/zalo/index.js";
import { zaloFollowerBroadcast } from "../channels/zalo/broadcast.js";
import { channelStatus, type Config } from "../config.js";
import type { ChannelRegistry, OutboundChannel } from "../core/channel.js";
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
  // The ids of the bot's sends (to tell its echoes from staff replies): shared through the store's seen list when
  // scaled out (the echo may reach another instance), in each channel's memory otherwise.
  const sentIds = config.REDIS_URL ? deps.store : undefined;
  // What every channel client takes from the app.
  const common = { sentIds, inbox: deps.inbox, logger, retry: deps.retry, timeoutMs: config.HTTP_TIMEOUT_MS, now: deps.now };
  /** A channel that is on takes its webhook and registers its outbound; one that is off answers 503 there. */
  const mount = (name: "zalo" | "messenger", channel: { outbound: OutboundChannel; router: Router } | undefined) => {
    if (channel) {
      channels.add(channel.outbound);
      app.use(`/webhooks/${name}`, channel.router);
      logger.info(`channel ${name}: on`);
    } else {
      app.use(`/webhooks/${name}`, channelOff(name));
      logger.info({ missing: status.missing[name] }, `channel ${name}: off (credentials missing)`);
    }
  };

  const zalo = status.zalo
    ? createZaloChannel({
        ...common,
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
        refreshLock: deps.refreshLock,
        replayWindowSeconds: config.ZALO_REPLAY_WINDOW_SECONDS,
        contactCardImageUrl: config.ZALO_CONTACT_CARD_IMAGE_URL ?? (config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/+$/, "")}/chat/static/contact-card.png` : undefined),
      })
    : undefined;
  mount("zalo", zalo);
  const broadcast: FollowerBroadcast | undefined = zalo && config.ZALO_BROADCAST_ENABLED ? zaloFollowerBroadcast(zalo.api) : undefined;
  if (config.ZALO_SITE_VERIFICATION) app.use(zaloSiteVerificationRouter(config.ZALO_SITE_VERIFICATION));

  const messenger = status.messenger
    ? createMessengerChannel({
        ...common,
        graphBase: config.FB_GRAPH_BASE,
        graphVersion: config.FB_GRAPH_VERSION,
        utilityTemplates: config.FB_UTILITY_TEMPLATES,
        utilityLanguages: config.FB_UTILITY_LANGUAGES,
        tags: config.FB_MESSAGE_TAGS,
        appSecret: config.FB_APP_SECRET!,
        verifyToken: config.FB_VERIFY_TOKEN,
        pageAccessToken: config.FB_PAGE_ACCESS_TOKEN!,
        appId: config.FB_APP_ID,
      })
    : undefined;
  mount("messenger", messenger);
  return { broadcast };
}
