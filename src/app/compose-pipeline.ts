import type { Logger } from "pino";
import { AppContext } from "../shared/app-context.js";
import { mainMenu } from "../shared/menu.js";
import type { Services } from "../shared/services.js";
import type { Config } from "../config.js";
import type { Outbound } from "../core/outbound.js";
import { Pipeline } from "../core/pipeline.js";
import type { Metrics } from "../metrics/metrics.js";
import { recordMessageEvent } from "../analytics/record-event.js";
import type { ScaleOut } from "../store/redis/scale-out.js";
import type { Store } from "../store/store.js";
import { createBot } from "./create-bot.js";

export interface PipelineDeps {
  config: Config;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  outbound: Outbound;
  scaleOut?: ScaleOut;
  now: () => number;
  /** Read when a message's context is made (the services are built once the pipeline exists). */
  services: () => Services;
}

/** The one receive path: the bot's features as middleware, the apology on a failure, metrics and analytics after each message. */
export function composePipeline(deps: PipelineDeps): Pipeline<AppContext> {
  const { config, logger, metrics } = deps;
  const bot = createBot();
  return new Pipeline<AppContext>({
    store: deps.store,
    logger,
    runner: deps.scaleOut?.runner,
    outbound: deps.outbound,
    now: deps.now,
    maxConcurrent: config.MAX_CONCURRENT_MESSAGES,
    middleware: bot.middleware(),
    createContext: (message, conversation) => new AppContext(message, conversation, deps.services()),
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
}
