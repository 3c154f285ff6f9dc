import type { Express } from "express";
import type { Logger } from "pino";
import type { AppContext } from "./shared/app-context.js";
import type { Services } from "./shared/services.js";
import { StoredChannel } from "./channels/local/stored-channel.js";
import { LOCAL_LABELS } from "./channels/local/local-labels.js";
import type { Config } from "./config.js";
import { ChannelRegistry } from "./core/channel.js";
import type { Pipeline } from "./core/pipeline.js";
import { createLogger } from "./logger.js";
import { createStore } from "./store/create-store.js";
import type { Store } from "./store/store.js";
import { loadContent } from "./content/index.js";
import { Knowledge } from "./shared/knowledge.js";
import { plansOf, warmAnswerPath } from "./features/answers/index.js";
import { Metrics } from "./metrics/metrics.js";
import { startAlertSweeper } from "./staff/alert-sweeper.js";
import { startHandoffSweeper } from "./features/handoff/handoff-sweeper.js";
import { startReminderScheduler } from "./features/registration/reminder-scheduler.js";
import { errorCode } from "./metrics/error-code.js";
import { ChannelOutbox } from "./staff/person-outbox.js";
import { createEvidenceKeeper } from "./media/create-media-store.js";
import { scheduleTranscriptRetention } from "./privacy/transcript-retention.js";
import { PrivacyNotices } from "./privacy/privacy-notice.js";
import { watchKeptEvidence } from "./features/reports/kept-evidence.js";
import type { DeadLetterDeps } from "./queue/dead-letters.js";
import type { OutboundQueue } from "./queue/outbound-queue.js";
import type { DirectOutbound } from "./queue/direct-outbound.js";
import { startOutboxSweeper } from "./queue/outbox-sweeper.js";
import { startReachRuntime, type ReachRuntime } from "./app/reach-runtime.js";
import { startReportDeadlines } from "./app/report-deadlines.js";
import type { DeadlineChecks } from "./features/reports/deadline-check.js";
import { composeOutbound } from "./app/compose-outbound.js";
import { composePipeline } from "./app/compose-pipeline.js";
import { composeServices } from "./app/compose-services.js";
import { composeChannels, ZALO_REFRESH_LOCK } from "./app/compose-channels.js";
import { composeHttpFront, composeWeb } from "./app/compose-web.js";

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
  /** The report deadline check: "sắp đến hạn" / "quá hạn" alerts to staff (tests run it with `tick`). */
  reportDeadlines: DeadlineChecks;
  /** The class reminders' scheduler (tests run it with `tick`). */
  classReminders: import("./features/registration/reminder-scheduler.js").ReminderScheduler;
  /** The one way out: the outbound queue when REDIS_URL is set, else direct sending. */
  outbound: OutboundQueue | DirectOutbound;
  /** Tries again the staff alerts that reached no one (every minute; tests call tick()). */
  alertSweeper: import("./staff/alert-sweeper.js").AlertSweeper;
  /** Hands the outbox's due entries back to `outbound` (every OUTBOX_SWEEP_MS; tests call sweep()). */
  outboxSweeper: { sweep(): Promise<number> };
  /**
   * Builds what answers need but listening does not (the plan index), so start-up reaches /healthz sooner, then runs
   * the answer path on made-up messages (warmAnswerPath) so the first people's messages do not wait for V8 to compile it.
   */
  warm(): Promise<void>;
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
  for (const label of LOCAL_LABELS) channels.describe(label);
  const now = overrides.now ?? Date.now;

  // 1. Content, validated before anything listens: a broken pack stops start-up with the file and field.
  const knowledge = overrides.knowledge ?? new Knowledge(loadContent(config.CONTENT_DIR), config.CONTENT_PACK);
  const evidence = await createEvidenceKeeper(config, store, logger, now);
  const privacy = new PrivacyNotices({ contentDir: knowledge.content.dir, publicUrl: config.PUBLIC_URL, retentionDays: config.TRANSCRIPT_RETENTION_DAYS });
  // Every pack's privacy texts are checked now: a broken privacy.yaml stops start-up like any content file.
  for (const pack of knowledge.content.packs.values()) privacy.texts(pack);
  if (!config.PUBLIC_URL) {
    logger.warn(
      "PUBLIC_URL is not set: the bot cannot send absolute links on Zalo or Messenger. The privacy notice asks people to write “chính sách dữ liệu” (the bot then sends the policy's text) instead of linking /privacy; staff notices show console paths only; Zalo's contact card needs ZALO_CONTACT_CARD_IMAGE_URL. Set PUBLIC_URL to the server's public https address.",
    );
  }
  // The plan index is built once the server listens (warm(), from main.ts: webhooks are acknowledged meanwhile) and
  // after each content reload; a plan question that comes first builds it itself, once.
  knowledge.onReload(() => plansOf(knowledge));

  // 2. The one way out (direct, or the queue with REDIS_URL) and the one way in (the pipeline).
  // Both are made before the services; their callbacks read the services and the person outbox when called.
  let services!: Services;
  let personOutbox!: ChannelOutbox;
  const deadLetters: DeadLetterDeps = { store, notifier: () => services.notifier, packFor: (accountId) => services.knowledge.packFor(accountId).id, now };
  const { policy, scaleOut, outbound } = await composeOutbound({
    config, store, logger, metrics, channels, now, deadLetters, personOutbox: () => personOutbox, refreshLockName: ZALO_REFRESH_LOCK,
  });
  const pipeline = composePipeline({ config, store, logger, metrics, outbound, scaleOut, now, services: () => services });
  personOutbox = new ChannelOutbox({ channels, outbound, conversations: pipeline.conversations, store, logger, now, policy: () => services.reach.policy });

  // 3. The features' services and the background jobs.
  services = await composeServices({
    config, store, logger, knowledge, evidence, privacy, channels, now, policy,
    conversations: pipeline.conversations,
    outbox: personOutbox,
    staff: { channel: "zalo", userIds: config.STAFF_ZALO_USER_IDS },
  });
  const handoffSweeper = startHandoffSweeper(services);
  // Staff alerts that reached no one are tried again (src/staff/staff-alerts.ts).
  const alertSweeper = startAlertSweeper(services.staffAlerts, logger);
  const outboxSweeper = startOutboxSweeper({ book: outbound.book, outbound, everyMs: config.OUTBOX_SWEEP_MS, logger });
  const reminders = startReminderScheduler(services, { onOutcome: (outcome) => metrics.reminders.inc({ kind: "class", outcome }) });

  // 4. HTTP: health and webhooks first, then the channels, then the web pages and API.
  const app = composeHttpFront(config, metrics);
  // Replies are retried by the Outbound (the one policy): a channel client tries each call once.
  const { broadcast } = composeChannels(app, {
    config, store, logger, channels, inbox: pipeline, now, retry: { attempts: 1, baseMs: policy.baseMs }, refreshLock: scaleOut?.refreshLock,
  });
  const reach: ReachRuntime = await startReachRuntime(services, metrics, { redisPrefix: config.REDIS_PREFIX, broadcast });
  await composeWeb(app, { config, logger, metrics, pipeline, services, web: local.web, announcements: reach.announcements });

  // 5. Only now that every channel is registered: a job left from before a restart must find its channel.
  if ("start" in outbound) outbound.start();
  watchKeptEvidence(services);
  const reportDeadlines = startReportDeadlines(services);
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
    reportDeadlines,
    classReminders: reminders,
    alertSweeper,
    async warm() {
      plansOf(knowledge);
      await warmAnswerPath(knowledge, services.today());
      // Start-up leaves tens of MB of garbage (content parsed, the plan index built, the warm-up's texts): one full
      // collection now, while nobody waits, rather than a major collection's 20–30 ms inside the first people's
      // messages (docs/faults.md, "Worst-case input"). Only where node runs with --expose-gc, as `npm start` does.
      (globalThis as { gc?: () => void }).gc?.();
    },
    async close() {
      handoffSweeper.stop();
      alertSweeper.stop();
      reminders.stop();
      outboxSweeper.stop();
      stopRetention();
      reportDeadlines.stop();
      await reach.close();
      await pipeline.idle();
      await evidence.close();
      if ("close" in outbound) await outbound.close();
      await scaleOut?.close();
      await store.close();
    },
  };
}
