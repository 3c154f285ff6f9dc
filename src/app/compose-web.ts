import express, { type Express } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Pipeline } from "../core/pipeline.js";
import type { AppContext } from "../shared/app-context.js";
import type { Services } from "../shared/services.js";
import type { StoredChannel } from "../channels/local/stored-channel.js";
import { HttpError } from "../http/http-error.js";
import type { Metrics } from "../metrics/metrics.js";
import { metricsRouter } from "../metrics/metrics-router.js";
import { createApiRouter } from "../api/create-api-router.js";
import { createWeb } from "../web/index.js";
import { announcementsConsole } from "../features/announcements/announcements-console.js";
import type { AnnouncementService } from "../features/announcements/announcement-service.js";
import { consolePages } from "./console-pages.js";
import { errorHandler, requestId } from "./http-middleware.js";

/**
 * The Express app with what comes before the webhooks: the health check and the webhook timer. Webhooks come
 * first, before helmet and request ids: the platforms read only the status, and every event they send passes
 * here (security headers and an id per request cost a third of the ack path; BENCHMARKS.md).
 */
export function composeHttpFront(config: Config, metrics: Metrics): Express {
  const app = express();
  app.disable("x-powered-by");
  // Off by default: req.ip is the socket's address and X-Forwarded-For is ignored (docs/security.md).
  app.set("trust proxy", config.TRUST_PROXY);
  app.get("/healthz", (_req, res) => {
    res.status(200).json({ ok: true });
  });
  app.use("/webhooks/:channel", (req, res, next) => {
    const stop = metrics.webhookSeconds.startTimer({ channel: req.params.channel });
    res.on("finish", () => stop({ status: String(res.statusCode) }));
    next();
  });
  return app;
}

export interface WebDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  pipeline: Pipeline<AppContext>;
  services: Services;
  web: StoredChannel;
  announcements: AnnouncementService;
}

/** Everything people and staff open in a browser, and the API: security headers and a request id; then 404 and errors. */
export async function composeWeb(app: Express, deps: WebDeps): Promise<void> {
  const { pipeline, services } = deps;
  app.use(helmet());
  app.use(requestId(deps.logger));
  app.use(metricsRouter(deps.metrics, () => ({ pending: pipeline.pending, ...pipeline.handling }), deps.config.METRICS_TOKEN));
  app.use("/api", createApiRouter(services));
  app.use(await createWeb({ pipeline, services, web: deps.web, pages: [...consolePages, announcementsConsole(deps.announcements)] }));
  app.use((_req, _res, next) => next(new HttpError(404, "Not found")));
  app.use(errorHandler(deps.logger));
}
