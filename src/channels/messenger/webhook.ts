import { isUtf8 } from "node:buffer";
import { setImmediate as nextTurn } from "node:timers/promises";
import express, { Router } from "express";
import type { Logger } from "pino";
import type { Inbox } from "../../core/inbox.js";
import { acknowledge } from "../../http/acknowledge.js";
import { HttpError } from "../../http/http-error.js";
import { LONG_TEXT_CHARS } from "../../core/message.js";
import { parseLargeBody } from "../../http/off-thread-json.js";
import { BODY_LIMIT } from "../../http/json-body.js";
import { within } from "../hand-off.js";
import { safeEqual } from "../../http/safe-equal.js";
import { verifyMessengerSignature } from "./signature.js";
import type { OwnSends } from "../own-sends.js";
import { messengerBodyToMessages } from "./to-message.js";
import type { MessengerWebhookBody } from "./webhook-types.js";

/** Past this size the body is parsed and hashed off the event loop, between turns of it (other requests first). */
const LARGE_BODY_BYTES = 64 * 1024;

/**
 * GET /webhooks/messenger: the subscription check (hub.challenge when hub.verify_token matches, else 403).
 * POST /webhooks/messenger: checks X-Hub-Signature-256 over the raw bytes (401), parses them (400 when not UTF-8
 * JSON of a page subscription), hands every messaging item of every entry to the inbox in order, then answers 200.
 */
export function messengerWebhookRouter(options: {
  appSecret: string;
  verifyToken?: string;
  inbox: Inbox;
  logger: Logger;
  /** The person's locale, looked up when they open the conversation (so the welcome is in their language). */
  localeOf?: (psid: string) => Promise<string | undefined>;
  /** FB_APP_ID: echoes with our app's id are the bot's own. */
  appId?: string;
  /** The ids of the messages the bot sent: an echo of one is the bot's own, even without our metadata. */
  own?: OwnSends;
}): Router {
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
  router.post("/", express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res, next) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const large = raw.length > LARGE_BODY_BYTES;
    const header = req.header("x-hub-signature-256");
    let json: unknown;
    if (large) {
      // A large body is checked, parsed and hashed on a worker thread in one hop (src/http/off-thread-json.ts).
      await nextTurn();
      const parsed = await parseLargeBody(raw, { hmacKey: options.appSecret }, LONG_TEXT_CHARS).catch(() => undefined);
      if (!parsed) return next(new HttpError(400, "Malformed JSON body"));
      if (!header || parsed.digest === undefined || !safeEqual(header.trim(), `sha256=${parsed.digest}`)) return next(new HttpError(401, "Invalid signature"));
      if (!parsed.utf8) return next(new HttpError(400, "Malformed JSON body"));
      json = parsed.json;
      await nextTurn();
    } else {
      if (!verifyMessengerSignature(header, raw, options.appSecret)) return next(new HttpError(401, "Invalid signature"));
      try {
        if (!isUtf8(raw)) throw new Error("not UTF-8");
        json = JSON.parse(raw.toString("utf8"));
      } catch {
        return next(new HttpError(400, "Malformed JSON body"));
      }
    }
    if (!json || typeof json !== "object" || Array.isArray(json)) return next(new HttpError(400, "Body must be a JSON object"));
    const body = json as MessengerWebhookBody;
    if (body.object !== "page") return next(new HttpError(400, "Not a page subscription event"));
    const handOff = (async () => {
      for (const message of messengerBodyToMessages(body, { appId: options.appId })) {
        if (message.kind === "staff_echo" && (!options.own || (await options.own.isOwn(message.userId, message.id)))) continue;
        if (message.kind === "start" && options.localeOf) {
          const locale = await options.localeOf(message.userId).catch((error) => void options.logger.info({ err: error }, "messenger locale not available"));
          if (locale) message.locale = locale;
        }
        await options.inbox.receive(message).catch((error) => options.logger.error({ err: error }, "messenger message not queued"));
      }
    })();
    await within(handOff);
    acknowledge(res, "EVENT_RECEIVED", "text/plain");
  });
  return router;
}
