import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import helmet from "helmet";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { AppContext } from "./shared/app-context.js";
import { createBot } from "./app/create-bot.js";
import { mainMenu } from "./shared/menu.js";
import type { Services } from "./shared/services.js";
import { StoredChannel } from "./channels/local/stored-channel.js";
import { createMessengerChannel } from "./channels/messenger/index.js";
import { createZaloChannel, zaloSiteVerificationRouter } from "./channels/zalo/index.js";
import { zaloFollowerBroadcast } from "./channels/zalo/broadcast.js";
import { channelStatus, type Config } from "./config.js";
import { ChannelRegistry } from "./core/channel.js";
import { Pipeline } from "./core/pipeline.js";
import { HttpError } from "./http/http-error.js";
import { createLogger } from "./logger.js";
import { createStore } from "./store/create-store.js";
import type { Store } from "./store/store.js";
import { todayInVietnam } from "./calendar/vietnam-date.js";
import { loadContent } from "./content/index.js";
import { Knowledge } from "./shared/knowledge.js";
import { plansOf } from "./features/answers/index.js";
import { Metrics } from "./metrics/metrics.js";
import { startHandoffSweeper } from "./features/handoff/handoff-sweeper.js";
import { startReminderScheduler } from "./features/registration/reminder-scheduler.js";
import { chatModelFromConfig } from "./features/answers/llm/chat-model-from-config.js";
import { metricsRouter } from "./metrics/metrics-router.js";
import { errorCode } from "./metrics/error-code.js";
import { recordMessageEvent } from "./analytics/record-event.js";
import { ChannelOutbox } from "./staff/person-outbox.js";
import { ChannelStaffNotifier } from "./staff/staff-notifier.js";
import { createApiRouter } from "./api/create-api-router.js";
import { parseStaffRoutes } from "./staff/staff-routes.js";
import { createWeb } from "./web/index.js";
import { createEvidenceKeeper } from "./media/create-media-store.js";
import { scheduleTranscriptRetention } from "./privacy/transcript-retention.js";
import { PrivacyNotices } from "./privacy/privacy-notice.js";
import { watchKeptEvidence } from "./features/reports/kept-evidence.js";
import { consolePages } from "./app/console-pages.js";
import { announcementsConsole } from "./features/announcements/announcements-console.js";
import { recordDeadLetters, type DeadLetterDeps } from "./queue/dead-letters.js";
import type { OutboundQueue } from "./queue/outbound-queue.js";
import { DirectOutbound } from "./queue/direct-outbound.js";
import { startOutboxSweeper } from "./queue/outbox-sweeper.js";
import type { OutboxDeps } from "./queue/outbox-book.js";
import type { RetryPolicy } from "./core/retry.js";
import type { ScaleOut } from "./store/redis/scale-out.js";
import { createReach } from "./reach/index.js";
import { SubscriptionService } from "./shared/subscription-service.js";
import { startReachRuntime, type ReachRuntime } from "./app/reach-runtime.js";

/** What `createApp` builds; tests and main.ts use the parts. */
export interface App {
  app: Express;
  pipeline: Pipeline<AppContext>;
  metrics: Metrics;
  services: Services;
  channels: ChannelRegistry;
  /** Channels with no outside API: the terminal chat and the web chat (replies wait in the store). */
  local: { cli: StoredChannel; web: StoredChannel };
  store: Store;
  logger: Logger;
  /** Festival reminders, class-opening notices and announcement delivery. */
  reach: ReachRuntime;
  /** The class reminders' scheduler (tests run it with `tick`). */
  classReminders: import("./features/registration/reminder-scheduler.js").ReminderScheduler;
  /** The one way out: the outbound queue when REDIS_URL is set, else direct sending. */
  outbound: OutboundQueue | DirectOutbound;
  /** Hands the outbox's due entries back to `outbound` (every OUTBOX_SWEEP_MS; tests call sweep()). */
  outboxSweeper: { sweep(): Promise<number> };
  close(): Promise<void>;
}

/** Replaceable parts (tests pass a MemoryStore, a silent logger, a fixed clock). */
export interface AppOverrides {
  store?: Store;
  logger?: Logger;
  now?: () => number;
  /** Node's default process metrics (off in tests that build many apps). */
  defaultMetrics?: boolean;
  /** Already-loaded content (tests share one to save start-up time). */
  knowledge?: Knowledge;
}

/**
 * Builds the whole server: store, channels that have credentials, the pipeline and the HTTP routes.
 * Does not listen (main.ts does), so tests can run it on an ephemeral port.
 *
 * @example const { app } = await createApp(loadConfig()); app.listen(3000);
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const store = overrides.store ?? (await createStore(config, logger));
  const metrics = new Metrics({ defaultMetrics: overrides.defaultMetrics ?? true });
  const channels = new ChannelRegistry().observe((channel, error) => {
    if (!error) metrics.messagesOut.inc({ channel });
    else metrics.sendErrors.inc({ channel, code: errorCode(error) });
  });
  const local = { cli: new StoredChannel("cli", store), web: new StoredChannel("web", store) };
  channels.add(local.cli).add(local.web);
  const now = overrides.now ?? Date.now;
  // Content is validated before anything listens: a broken pack stops start-up with the file and field.
  const knowledge = overrides.knowledge ?? new Knowledge(loadContent(config.CONTENT_DIR), config.CONTENT_PACK);
  const evidence = await createEvidenceKeeper(config, store, logger, now);
  const privacy = new PrivacyNotices({ contentDir: knowledge.content.dir, publicUrl: config.PUBLIC_URL, retentionDays: config.TRANSCRIPT_RETENTION_DAYS });
  // Every pack's privacy texts are checked now: a broken privacy.yaml stops start-up like any content file.
  for (const pack of knowledge.content.packs.values()) privacy.texts(pack);
  // The plan index is built at start-up and after each content reload, not on the first plan question.
  plansOf(knowledge);
  knowledge.onReload(() => plansOf(knowledge));
  let services!: Services;
  // Made once the pipeline exists; the outbox's callbacks (a refused notice is kept for later) read it when called.
  let personOutbox!: ChannelOutbox;
  const deadLetters: DeadLetterDeps = { store, notifier: () => services.notifier, packFor: (accountId) => services.knowledge.packFor(accountId).id, now };
  // Several instances (REDIS_URL): per-person order and the token-refresh lock in Redis, replies and notices
  // through the outbound queue. Loaded only then, so a default start never loads ioredis or BullMQ.
  const scaleOut: ScaleOut | undefined = config.REDIS_URL ? await (await import("./store/redis/scale-out.js")).createScaleOut(config, logger) : undefined;
  // The one retry policy of every way out (src/core/retry.ts).
  const policy: RetryPolicy = { attempts: config.RETRY_ATTEMPTS, baseMs: config.RETRY_BASE_MS, maxMs: config.OUTBOUND_RETRY_MAX_MS, maxAgeMs: config.OUTBOUND_MAX_AGE_HOURS * 3_600_000 };
  const outboxDeps: OutboxDeps = {
    store,
    policy,
    logger,
    now,
    onDeadLetter: async (failed) => void (await recordDeadLetters(deadLetters, failed)),
    onGivenUp: (kind, channel) => metrics.givenUp.inc({ kind, channel }),
    onRefusedNotice: (entry) => personOutbox.keepRefused(entry),
  };
  const outbound: OutboundQueue | DirectOutbound = config.REDIS_URL
    ? await (await import("./queue/outbound-queue.js")).OutboundQueue.open({
        ...outboxDeps,
        redisUrl: config.REDIS_URL,
        prefix: config.REDIS_PREFIX ?? (await import("./store/redis/connect-redis.js")).DEFAULT_REDIS_PREFIX,
        channels,
      })
    : new DirectOutbound({ ...outboxDeps, channels });
  const bot = createBot();
  const pipeline: Pipeline<AppContext> = new Pipeline<AppContext>({
    store,
    logger,
    runner: scaleOut?.runner,
    outbound,
    now,
    maxConcurrent: config.MAX_CONCURRENT_MESSAGES,
    middleware: bot.middleware(),
    createContext: (message, conversation) => new AppContext(message, conversation, services),
    onError: async ({ ctx }) => {
      await ctx.reply({
        text: ctx.say({
          vi: "Xin lỗi, hệ thống đang gặp sự cố khi xử lý tin nhắn của bạn. Bạn vui lòng thử lại sau ít phút, hoặc chọn “Gặp cán bộ”.",
          en: "Sorry, something went wrong while handling your message. Please try again in a few minutes, or talk to a staff member.",
        }),
        choices: mainMenu(ctx.language).slice(-1),
      });
    },
    onReceived: (message, outcome) => (outcome === "queued" ? metrics.messagesIn : metrics.duplicates).inc({ channel: message.channel }),
    onHandled: async (ctx, seconds) => {
      metrics.handleSeconds.observe(seconds);
      if (ctx.understanding) metrics.intents.inc({ intent: ctx.understanding.intent });
      await recordMessageEvent(ctx);
      for (const task of ctx.afterHandled) await task().catch((error) => logger.error({ err: error }, "after-message task failed"));
    },
  });
  personOutbox = new ChannelOutbox({ channels, outbound, conversations: pipeline.conversations, store, logger, now });
  const retry = { attempts: policy.attempts, baseMs: policy.baseMs };
  // Replies are retried by the Outbound (the one policy): a channel client tries each call once.
  const channelRetry = { attempts: 1, baseMs: policy.baseMs };
  services = {
    config,
    store,
    evidence,
    privacy,
    conversations: pipeline.conversations,
    channels,
    logger,
    knowledge,
    notifier: new ChannelStaffNotifier({
      channels,
      logger,
      staffChannel: "zalo",
      staffUserIds: config.STAFF_ZALO_USER_IDS,
      routes: parseStaffRoutes(config.STAFF_ROUTES),
      webhookUrl: config.STAFF_WEBHOOK_URL,
      webhookSecret: config.STAFF_WEBHOOK_SECRET,
      publicUrl: config.PUBLIC_URL,
      retry,
    }),
    outbox: personOutbox,
    chatModel: await chatModelFromConfig(config),
    // The injected clock decides the day too (tests pin it); BOT_TODAY still wins when set.
    today: () => todayInVietnam(config.BOT_TODAY, new Date(now())),
    now,
    reach: createReach({ channels, conversations: pipeline.conversations, store, logger, now, botToday: config.BOT_TODAY, quietHours: config.REMINDER_QUIET_HOURS }),
    subscriptions: new SubscriptionService({ store, now }),
  };

  const handoffSweeper = startHandoffSweeper(services);
  const outboxSweeper = startOutboxSweeper({ book: outbound.book, outbound, everyMs: config.OUTBOX_SWEEP_MS, logger });
  const reminders = startReminderScheduler(services, { onOutcome: (outcome) => metrics.reminders.inc({ kind: "class", outcome }) });
  let broadcast: ReturnType<typeof zaloFollowerBroadcast> | undefined;

  const app = express();
  app.disable("x-powered-by");
  // Off by default: req.ip is the socket's address and X-Forwarded-For is ignored (docs/security.md).
  app.set("trust proxy", config.TRUST_PROXY);
  app.get("/healthz", (_req, res) => {
    res.status(200).json({ ok: true });
  });
  // Webhooks come first, before helmet and request ids: the platforms read only the status, and every event
  // they send passes here (security headers and an id per request cost a third of the ack path; BENCHMARKS.md).
  app.use("/webhooks/:channel", (req, res, next) => {
    const stop = metrics.webhookSeconds.startTimer({ channel: req.params.channel });
    res.on("finish", () => stop({ status: String(res.statusCode) }));
    next();
  });

  const status = channelStatus(config);
  if (status.zalo) {
    const zalo = createZaloChannel({
      apiBase: config.ZALO_API_BASE,
      oauthBase: config.ZALO_OAUTH_BASE,
      oaSecretKey: config.ZALO_OA_SECRET_KEY!,
      appId: config.ZALO_APP_ID,
      appSecret: config.ZALO_APP_SECRET,
      accessToken: config.ZALO_OA_ACCESS_TOKEN,
      refreshToken: config.ZALO_OA_REFRESH_TOKEN,
      store,
      inbox: pipeline,
      logger,
      retry: channelRetry,
      timeoutMs: config.HTTP_TIMEOUT_MS,
      refreshLock: scaleOut?.refreshLock,
      replayWindowSeconds: config.ZALO_REPLAY_WINDOW_SECONDS,
      contactCardImageUrl: config.ZALO_CONTACT_CARD_IMAGE_URL ?? (config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/+$/, "")}/chat/static/contact-card.png` : undefined),
      now,
    });
    channels.add(zalo.outbound);
    app.use("/webhooks/zalo", zalo.router);
    broadcast = zaloFollowerBroadcast(zalo.api);
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
      appSecret: config.FB_APP_SECRET!,
      verifyToken: config.FB_VERIFY_TOKEN,
      pageAccessToken: config.FB_PAGE_ACCESS_TOKEN!,
      inbox: pipeline,
      logger,
      retry: channelRetry,
      timeoutMs: config.HTTP_TIMEOUT_MS,
      now,
    });
    channels.add(messenger.outbound);
    app.use("/webhooks/messenger", messenger.router);
    logger.info("channel messenger: on");
  } else {
    app.use("/webhooks/messenger", channelOff("messenger"));
    logger.info({ missing: status.missing.messenger }, "channel messenger: off (credentials missing)");
  }

  const reach: ReachRuntime = await startReachRuntime(services, metrics, { redisPrefix: config.REDIS_PREFIX, broadcast });

  // Everything people and staff open in a browser, and the API: security headers and a request id.
  app.use(helmet());
  app.use(requestId(logger));
  app.use(metricsRouter(metrics, () => ({ pending: pipeline.pending, ...pipeline.handling }), config.METRICS_TOKEN));
  app.use("/api", createApiRouter(services));
  app.use(await createWeb({ pipeline, services, web: local.web, pages: [...consolePages, announcementsConsole(reach.announcements)] }));
  app.use((_req, _res, next) => next(new HttpError(404, "Not found")));
  app.use(errorHandler(logger));
  // Only now that every channel is registered: a job left from before a restart must find its channel.
  if ("start" in outbound) outbound.start();
  watchKeptEvidence(services);
  // Downloads left pending by a stop or a crash, and the transcript retention (docs/privacy.md).
  void evidence.resume().catch((error) => logger.error({ err: error }, "evidence: resuming pending downloads failed"));
  const stopRetention = scheduleTranscriptRetention({ store, days: config.TRANSCRIPT_RETENTION_DAYS, now, logger });

  return {
    app,
    pipeline,
    services,
    metrics,
    channels,
    local,
    store,
    logger,
    outbound,
    outboxSweeper,
    reach,
    classReminders: reminders,
    async close() {
      handoffSweeper.stop();
      reminders.stop();
      outboxSweeper.stop();
      stopRetention();
      await reach.close();
      await pipeline.idle();
      await evidence.close();
      if ("close" in outbound) await outbound.close();
      await scaleOut?.close();
      await store.close();
    },
  };
}

// ===  Middleware  ===

function requestId(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = (req.header("x-request-id") ?? "").slice(0, 64) || randomUUID();
    res.setHeader("x-request-id", id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Paths only: query strings may carry tokens (hub.verify_token).
      logger.debug({ reqId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  };
}

function channelOff(name: string): RequestHandler {
  return (_req, res) => {
    res.status(503).json({ error: `Channel ${name} is not configured on this server` });
  };
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = error instanceof HttpError ? error.status : typeof error?.status === "number" ? error.status : 500;
    if (status >= 500) logger.error({ err: error, path: req.path }, "request failed");
    else logger.info({ status, path: req.path, reason: error?.message }, "request refused");
    const message = status === 413 ? "Payload too large" : status >= 500 ? "Internal error" : error.message;
    if (!res.headersSent) res.status(status).json({ error: message });
  };
}
