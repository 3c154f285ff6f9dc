import { Router } from "express";
import type { Logger } from "pino";
import { acknowledge } from "../../http/acknowledge.js";
import { HttpError } from "../../http/http-error.js";
import { rawJsonBody, type RawJson } from "../../http/json-body.js";
import type { ZaloBot } from "./bot.js";
import { within } from "../hand-off.js";
import { verifyZaloSignature } from "./signature.js";
import type { ZaloEvent } from "./types.js";

/**
 * POST /webhooks/zalo: checks X-ZEvent-Signature, hands the event to the bot (which only queues it: the
 * answer is worked out after), then answers 200 — within Zalo's 2 s (Chatwoot's webhooks controller).
 */
export function zaloWebhookRouter(options: { secretKey: string; bot: ZaloBot; logger: Logger }): Router {
  const router = Router();
  router.post("/", ...rawJsonBody(), async (req, res, next) => {
    const { raw, json } = req.body as RawJson;
    if (!json || typeof json !== "object" || Array.isArray(json)) return next(new HttpError(400, "Body must be a JSON object"));
    const event = json as ZaloEvent;
    if (!verifyZaloSignature(req.header("x-zevent-signature"), raw, event, options.secretKey)) {
      return next(new HttpError(401, "Invalid signature"));
    }
    if (typeof event.event_name !== "string") return next(new HttpError(400, "event_name missing"));
    const handOff = options.bot.handleEvent(event).catch((error) => options.logger.error({ err: error, event: event.event_name }, "zalo event failed"));
    await within(handOff);
    acknowledge(res, '{"ok":true}', "application/json");
  });
  return router;
}

/**
 * The domain-verification page Zalo asks for: GET /zalo_verifier<code>.html.
 * The code is ZALO_SITE_VERIFICATION (the part between "zalo_verifier" and ".html" of the file Zalo gives).
 */
export function zaloSiteVerificationRouter(code: string): Router {
  const router = Router();
  router.get(`/zalo_verifier${code}.html`, (_req, res) => {
    res
      .type("html")
      .send(
        `<!DOCTYPE html><html lang="en"><head><meta property="zalo-platform-site-verification" content="${code}" /></head><body>There Is No Limit To What You Can Accomplish Using Zalo!</body></html>`,
      );
  });
  return router;
}
