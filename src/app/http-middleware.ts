import type { ErrorRequestHandler, RequestHandler } from "express";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { HttpError } from "../http/http-error.js";

/** An id per request (kept from X-Request-Id when sent) and a debug line with its status and time. */
export function requestId(logger: Logger): RequestHandler {
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

/** The webhook of a channel this server has no credentials for: 503, so the platform retries later. */
export function channelOff(name: string): RequestHandler {
  return (_req, res) => {
    res.status(503).json({ error: `Channel ${name} is not configured on this server` });
  };
}

/** The last handler: an HttpError's status and message; anything else is a logged 500 with no detail shown. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = error instanceof HttpError ? error.status : typeof error?.status === "number" ? error.status : 500;
    if (status >= 500) logger.error({ err: error, path: req.path }, "request failed");
    else logger.info({ status, path: req.path, reason: error?.message }, "request refused");
    const message = status === 413 ? "Payload too large" : status >= 500 ? "Internal error" : error.message;
    if (!res.headersSent) res.status(status).json({ error: message });
  };
}
