import { Router } from "express";
import { acknowledge } from "../../http/acknowledge.js";
import type { Logger } from "pino";
import type { Inbox } from "../../core/inbox.js";
import { HttpError } from "../../http/http-error.js";
import { rawJsonBody, type RawJson } from "../../http/json-body.js";
import { safeEqual } from "../../http/safe-equal.js";
import { within } from "../hand-off.js";
import { verifyMessengerSignature } from "./signature.js";
import { messengerBodyToMessages } from "./to-message.js";
import type { MessengerWebhookBody } from "./types.js";

/**
 * GET /webhooks/messenger: the subscription check (hub.challenge when hub.verify_token matches, else 403).
 * POST /webhooks/messenger: checks X-Hub-Signature-256 over the raw body, hands every messaging item of
 * every entry to the inbox in order (queued, not yet answered), then answers 200.
 */
export function messengerWebhookRouter(options: { appSecret: string; verifyToken?: string; inbox: Inbox; logger: Logger }): Router {
  const router = Router();
  router.get("/", (req, res) => {
    const mode = req.query["hub.mode"];
    const token = req.query["hub.verify_token"];
    const challenge = req.query["hub.challenge"];
    if (mode === "subscribe" && options.verifyToken && typeof token === "string" && safeEqual(token, options.verifyToken) && typeof challenge === "string") {
      res.status(200).type("text/plain").send(challenge);
      return;
    }
    res.status(403).type("text/plain").send("Forbidden");
  });
  router.post("/", ...rawJsonBody(), async (req, res, next) => {
    const { raw, json } = req.body as RawJson;
    if (!verifyMessengerSignature(req.header("x-hub-signature-256"), raw, options.appSecret)) return next(new HttpError(401, "Invalid signature"));
    if (!json || typeof json !== "object" || Array.isArray(json)) return next(new HttpError(400, "Body must be a JSON object"));
    const body = json as MessengerWebhookBody;
    if (body.object !== "page") return next(new HttpError(400, "Not a page subscription event"));
    const handOff = (async () => {
      for (const message of messengerBodyToMessages(body)) {
        await options.inbox.receive(message).catch((error) => options.logger.error({ err: error }, "messenger message not queued"));
      }
    })();
    await within(handOff);
    acknowledge(res, "EVENT_RECEIVED", "text/plain");
  });
  return router;
}
