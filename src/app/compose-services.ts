import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { ChannelRegistry } from "../core/channel.js";
import type { ConversationRepository } from "../core/conversation.js";
import type { RetryPolicy } from "../core/retry.js";
import { todayInVietnam } from "../calendar/vietnam-date.js";
import type { Services } from "../shared/services.js";
import type { Knowledge } from "../shared/knowledge.js";
import { SubscriptionService } from "../shared/subscription-service.js";
import { chatModelFromConfig } from "../features/answers/llm/chat-model-from-config.js";
import { createStaffAlerts } from "../staff/staff-notifier.js";
import { parseStaffRoutes } from "../staff/staff-routes.js";
import type { Conversation } from "../core/conversation.js";
import type { ChannelOutbox } from "../staff/person-outbox.js";
import { createReach } from "../reach/index.js";
import type { Store } from "../store/store.js";

export interface ServicesDeps {
  config: Config;
  store: Store;
  logger: Logger;
  knowledge: Knowledge;
  evidence: Services["evidence"];
  privacy: Services["privacy"];
  conversations: ConversationRepository;
  channels: ChannelRegistry;
  outbox: ChannelOutbox;
  policy: RetryPolicy;
  /** The channel staff are reached on, with the ids in STAFF_*_USER_IDS (the composition root picks it). */
  staff: { channel: string; userIds: string[] };
  now: () => number;
}

/** What the features are given: the store, the content, the staff notifier, the outbox, the chat model, the clock. */
export async function composeServices(deps: ServicesDeps): Promise<Services> {
  const { config, store, logger, channels, conversations, now } = deps;
  const reach = createReach({ channels, conversations, store, logger, now, botToday: config.BOT_TODAY, quietHours: config.REMINDER_QUIET_HOURS });
  const staffAlerts = createStaffAlerts({
    store,
    channels,
    policy: reach.policy,
    logger,
    staffChannel: deps.staff.channel,
    staffUserIds: deps.staff.userIds,
    routes: parseStaffRoutes(config.STAFF_ROUTES),
    // A staff member's window: their own conversation with the bot on that channel (any of its accounts).
    windowOf: async (channel, userId) => {
      const mine = await store.collection<Conversation>("conversations").find({ channel, userId });
      const latest = mine.sort((a, b) => (b.lastInboundAt ?? 0) - (a.lastInboundAt ?? 0))[0];
      return latest ? { accountId: latest.accountId, lastInboundAt: latest.lastInboundAt } : undefined;
    },
    webhookUrl: config.STAFF_WEBHOOK_URL,
    webhookSecret: config.STAFF_WEBHOOK_SECRET,
    smtp: config.SMTP_HOST ? { host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER, password: config.SMTP_PASSWORD, from: config.SMTP_FROM } : undefined,
    emails: (config.STAFF_ALERT_EMAILS ?? "").split(",").map((address) => address.trim()).filter(Boolean),
    emailRoutes: parseStaffRoutes(config.STAFF_EMAIL_ROUTES),
    publicUrl: config.PUBLIC_URL,
    retry: { attempts: deps.policy.attempts, baseMs: deps.policy.baseMs },
    now,
  });
  return {
    config,
    store,
    evidence: deps.evidence,
    privacy: deps.privacy,
    conversations,
    channels,
    logger,
    knowledge: deps.knowledge,
    notifier: staffAlerts,
    staffAlerts,
    outbox: deps.outbox,
    chatModel: await chatModelFromConfig(config),
    // The injected clock decides the day too (tests pin it); BOT_TODAY still wins when set.
    today: () => todayInVietnam(config.BOT_TODAY, new Date(now())),
    now,
    reach,
    subscriptions: new SubscriptionService({ store, now }),
  };
}
