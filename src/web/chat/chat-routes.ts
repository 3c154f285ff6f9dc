/**
 * The public web chat: GET /chat (the page), POST /chat/api/messages (send text or a choice; answers with the bot's
 * replies), GET /chat/api/messages (replies that came later, e.g. a report's status change; the page polls it).
 * GET /chat/api/transcript (what the page shows after a reload: the recent lines, who said each, and whether a
 * staff handoff is open), POST /chat/api/photo (a photo, chat-photo.ts). A message may carry the browser's shared
 * location instead of text. Messages enter through the same receive path as Zalo and Messenger (dedupe by message id, the person's order, the
 * concurrency limit), as channel "web"; replies wait in the store (StoredChannel) until the page takes them, so a
 * notice written while the page is closed, or across a restart, is still there.
 */
import express, { Router, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import { createHash, randomUUID } from "node:crypto";
import type { Attachment, GeoLocation, InboundMessage } from "../../core/message.js";
import type { LocalReply } from "../../channels/local/stored-channel.js";
import { HttpError } from "../../http/http-error.js";
import { clientKey } from "../../http/client-key.js";
import type { WebDeps } from "../web-deps.js";
import { conversationKey } from "../../core/conversation.js";
import { isLanguage, type Language } from "../../nlu/index.js";
import { firstVisitLanguage } from "./chat-frame.js";
import { chatPage, frameJson, type ChatReplyJson } from "./chat-page.js";
import { chatAccountId, chatUserId, knownChatUserId } from "./chat-session.js";
import { chatLines, chatState } from "./chat-transcript.js";
import { chatMediaRoute, photoBody, photoRefusedText, publicBase, webPersonKey } from "./chat-photo.js";

/** Only http(s) links and images reach the page. */
function safeUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A reply as JSON for the page, without anything a browser should not follow. */
export function replyJson(reply: LocalReply): ChatReplyJson {
  return {
    text: reply.text,
    ...(reply.fromStaff ? { fromStaff: true } : {}),
    choices: reply.choices?.map((c) => ({ title: c.title, payload: c.payload })),
    links: reply.links?.filter((l) => safeUrl(l.url)),
    images: reply.images?.filter((i) => safeUrl(i.url)),
  };
}

/** A location the browser shared (navigator.geolocation), or undefined when it is not one. */
function sharedLocation(value: unknown): GeoLocation | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { latitude, longitude } = value as { latitude?: unknown; longitude?: unknown };
  if (typeof latitude !== "number" || typeof longitude !== "number" || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}

/** The chat routes. */
export function chatRoutes(deps: WebDeps): Router {
  const router = Router();
  const { pipeline, services, web } = deps;
  const limiter = rateLimit({ windowMs: 60_000, limit: 40, keyGenerator: clientKey, standardHeaders: "draft-7", legacyHeaders: false, message: { error: "Bạn gửi hơi nhanh, vui lòng chờ một chút." } });

  const packParam = (req: Request) => (typeof req.query.pack === "string" && /^[a-z0-9-]{1,40}$/.test(req.query.pack) ? req.query.pack : undefined);

  /** The language the person chats in: the one the bot knows for them, else none yet. */
  const knownLanguage = async (accountId: string, userId: string): Promise<Language | undefined> =>
    (await services.conversations.get(conversationKey("web", accountId, userId)))?.language;

  router.get("/chat", async (req, res) => {
    const userId = chatUserId(req, res);
    const accountId = chatAccountId(services.knowledge, packParam(req));
    const pack = services.knowledge.packFor(accountId);
    const lang = (await knownLanguage(accountId, userId)) ?? firstVisitLanguage(req.query.lang, req.headers["accept-language"]);
    res.type("html").send(chatPage(pack, packParam(req), lang).value);
  });

  router.post("/chat/api/messages", limiter, express.json({ limit: "8kb" }), async (req, res) => {
    const userId = knownChatUserId(req);
    if (!userId) throw new HttpError(401, "Hãy mở lại trang trò chuyện.");
    const body = (req.body ?? {}) as { text?: unknown; choice?: unknown; pack?: unknown; id?: unknown; lang?: unknown; location?: unknown };
    const text = typeof body.text === "string" ? body.text.trim().slice(0, 1000) : "";
    const choice = typeof body.choice === "string" && body.choice.length <= 200 ? body.choice : undefined;
    const location = sharedLocation(body.location);
    if (body.location !== undefined && !location) throw new HttpError(400, "Vị trí không hợp lệ.");
    if (!text && !choice && !location) throw new HttpError(400, "Tin nhắn trống.");
    const accountId = chatAccountId(services.knowledge, body.pack);
    // The page was shown in a language (browser setting, ?lang=) before the person wrote: the bot starts in it.
    if (isLanguage(body.lang) && body.lang !== "vi") await adoptPageLanguage(accountId, userId, body.lang);
    await receiveFromPage(res, userId, accountId, body.id, { text: text || undefined, choice, ...(location ? { location } : {}) });
  });

  // The cookie is checked before the body is read: up to MEDIA_MAX_BYTES is not read for a stranger.
  const pageOpened = (req: Request, _res: Response, next: () => void) => {
    if (!knownChatUserId(req)) throw new HttpError(401, "Hãy mở lại trang trò chuyện.");
    next();
  };

  router.post("/chat/api/photo", limiter, pageOpened, photoBody(deps), async (req, res) => {
    const userId = knownChatUserId(req)!;
    const accountId = chatAccountId(services.knowledge, req.query.pack);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (bytes.length === 0) throw new HttpError(400, "Chưa có ảnh.");
    const kept = await services.evidence.keepUpload({ bytes, ownerKey: webPersonKey(accountId, userId), url: (id) => `${publicBase(req, services.config.PUBLIC_URL)}/chat/media/${id}` });
    if (kept.outcome === "refused") {
      const language = (await knownLanguage(accountId, userId)) === "en" ? "en" : "vi";
      throw new HttpError(kept.reason === "too_large" ? 413 : 415, photoRefusedText(kept.reason, services.config.MEDIA_MAX_BYTES, language));
    }
    const attachment: Attachment = { kind: kept.record.kind as Attachment["kind"], url: kept.record.url, keptMediaId: kept.record.id };
    await receiveFromPage(res, userId, accountId, req.query.id, { attachments: [attachment] });
  });

  router.use(chatMediaRoute(deps));

  /** One message from the page through the receive path; answers with the replies waiting, the frame and the conversation's state. */
  async function receiveFromPage(res: Response, userId: string, accountId: string, pageId: unknown, content: Partial<Pick<InboundMessage, "text" | "choice" | "location" | "attachments">>) {
    // The page sends an id per message, so a POST it repeats (a flaky connection) is answered once.
    const clientId = typeof pageId === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(pageId) ? pageId : randomUUID();
    // Unique per person and page id, without the chat id itself: message ids outlive an erasure in the list of ids seen.
    const id = `web-${createHash("sha256").update(`${userId}:${clientId}`).digest("base64url").slice(0, 22)}`;
    const message: InboundMessage = { id, channel: "web", accountId, userId, kind: "message", attachments: [], ...content, timestamp: services.now() };
    const received = await pipeline.receive(message, { wait: true });
    const replies = await web.take(userId);
    // A repeated POST was already answered: nothing changed, so no frame either.
    if (received === "duplicate") return void res.json({ replies: replies.map(replyJson), duplicate: true });
    const conversation = await services.conversations.get(webPersonKey(accountId, userId));
    res.json({ replies: replies.map(replyJson), frame: frameJson(conversation?.language ?? "vi", services.knowledge.packFor(accountId)), ...chatState(conversation) });
  }

  router.get("/chat/api/transcript", async (req, res) => {
    const userId = knownChatUserId(req);
    if (!userId) throw new HttpError(401, "Hãy mở lại trang trò chuyện.");
    // Taken first, then the transcript read: a reply waiting now is in the lines (the transcript's, or added), once.
    const taken = await web.take(userId);
    const conversation = await services.conversations.get(webPersonKey(chatAccountId(services.knowledge, req.query.pack), userId));
    res.setHeader("Cache-Control", "no-store");
    res.json({ lines: chatLines(conversation, taken), ...chatState(conversation) });
  });

  /** Stores the page's language for a person the bot has no language for yet. */
  const adoptPageLanguage = async (accountId: string, userId: string, lang: Language) => {
    const conversation = await services.conversations.load("web", accountId, userId);
    if (conversation.language) return;
    conversation.language = lang;
    await services.conversations.save(conversation);
  };

  router.get("/chat/api/messages", async (req, res) => {
    const userId = knownChatUserId(req);
    if (!userId) throw new HttpError(401, "Hãy mở lại trang trò chuyện.");
    // A poll that takes the replies of a message being handled shows them itself: taking is atomic, nothing is lost or shown twice.
    const replies = await web.take(userId);
    res.setHeader("Cache-Control", "no-store");
    res.json({ replies: replies.map(replyJson), ...chatState(await services.conversations.get(webPersonKey(chatAccountId(services.knowledge, req.query.pack), userId))) });
  });

  return router;
}
