/**
 * The public web chat: GET /chat (the page), POST /chat/api/messages (send text or a choice; answers with the bot's
 * replies), GET /chat/api/messages (replies that came later, e.g. a report's status change; the page polls it).
 * Messages enter through the same receive path as Zalo and Messenger (dedupe by message id, the person's order, the
 * concurrency limit), as channel "web"; replies wait in the store (StoredChannel) until the page takes them, so a
 * notice written while the page is closed, or across a restart, is still there.
 */
import express, { Router, type Request } from "express";
import { rateLimit } from "express-rate-limit";
import { randomUUID } from "node:crypto";
import type { InboundMessage, Reply } from "../../core/message.js";
import { HttpError } from "../../http/http-error.js";
import { clientKey } from "../../http/client-key.js";
import type { WebDeps } from "../web-deps.js";
import { chatPage, type ChatReplyJson } from "./chat-page.js";
import { chatAccountId, chatUserId, knownChatUserId } from "./chat-session.js";

/** Only http(s) links and images reach the page. */
function safeUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A reply as JSON for the page, without anything a browser should not follow. */
export function replyJson(reply: Reply): ChatReplyJson {
  return {
    text: reply.text,
    choices: reply.choices?.map((c) => ({ title: c.title, payload: c.payload })),
    links: reply.links?.filter((l) => safeUrl(l.url)),
    images: reply.images?.filter((i) => safeUrl(i.url)),
  };
}

/** The chat routes. */
export function chatRoutes(deps: WebDeps): Router {
  const router = Router();
  const { pipeline, services, web } = deps;
  const limiter = rateLimit({ windowMs: 60_000, limit: 40, keyGenerator: clientKey, standardHeaders: "draft-7", legacyHeaders: false, message: { error: "Bạn gửi hơi nhanh, vui lòng chờ một chút." } });

  const packParam = (req: Request) => (typeof req.query.pack === "string" && /^[a-z0-9-]{1,40}$/.test(req.query.pack) ? req.query.pack : undefined);

  router.get("/chat", (req, res) => {
    chatUserId(req, res);
    const accountId = chatAccountId(services.knowledge, packParam(req));
    const pack = services.knowledge.packFor(accountId);
    res.type("html").send(chatPage(pack, packParam(req)).value);
  });

  router.post("/chat/api/messages", limiter, express.json({ limit: "8kb" }), async (req, res) => {
    const userId = knownChatUserId(req);
    if (!userId) throw new HttpError(401, "Hãy mở lại trang trò chuyện.");
    const body = (req.body ?? {}) as { text?: unknown; choice?: unknown; pack?: unknown; id?: unknown };
    const text = typeof body.text === "string" ? body.text.trim().slice(0, 1000) : "";
    const choice = typeof body.choice === "string" && body.choice.length <= 200 ? body.choice : undefined;
    if (!text && !choice) throw new HttpError(400, "Tin nhắn trống.");
    // The page sends an id per message, so a POST it repeats (a flaky connection) is answered once.
    const clientId = typeof body.id === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(body.id) ? body.id : randomUUID();
    const message: InboundMessage = {
      id: `web-${userId}-${clientId}`,
      channel: "web",
      accountId: chatAccountId(services.knowledge, body.pack),
      userId,
      kind: "message",
      text: text || undefined,
      choice,
      attachments: [],
      timestamp: services.now(),
    };
    const received = await pipeline.receive(message, { wait: true });
    const replies = await web.take(userId);
    res.json({ replies: replies.map(replyJson), ...(received === "duplicate" ? { duplicate: true } : {}) });
  });

  router.get("/chat/api/messages", async (req, res) => {
    const userId = knownChatUserId(req);
    if (!userId) throw new HttpError(401, "Hãy mở lại trang trò chuyện.");
    // A poll that takes the replies of a message being handled shows them itself: taking is atomic, nothing is lost or shown twice.
    const replies = await web.take(userId);
    res.setHeader("Cache-Control", "no-store");
    res.json({ replies: replies.map(replyJson) });
  });

  return router;
}
