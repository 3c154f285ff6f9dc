/**
 * Photos sent from the web chat: POST /chat/api/photo takes the bytes (the size limit, MEDIA_MAX_BYTES, and the type
 * read from the bytes — EvidenceKeeper.keepUpload), keeps them at once, and the message enters the pipeline with the
 * photo as an image attachment, as a Zalo photo does; the report dialog's evidence step takes it without a download.
 * GET /chat/media/:id shows a kept upload to the browser that sent it, and to nobody else (staff see it in the console).
 */
import express, { type ErrorRequestHandler, type Request, type Router } from "express";
import { conversationKey } from "../../core/conversation.js";
import { HttpError } from "../../http/http-error.js";
import type { WebDeps } from "../web-deps.js";
import { knownChatUserId } from "./chat-session.js";

/** What the person reads when a photo is refused, in their language. */
export function photoRefusedText(reason: "too_large" | "wrong_type", maxBytes: number, language: "vi" | "en"): string {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  if (reason === "too_large") {
    return language === "en" ? `The photo is larger than ${limit}; please send a smaller one.` : `Ảnh lớn hơn ${limit}, mình chưa nhận được. Bạn gửi ảnh nhỏ hơn nhé.`;
  }
  return language === "en" ? "I can only take photos (JPG, PNG, GIF, WebP), MP4 videos or PDF files." : "Mình chỉ nhận ảnh (JPG, PNG, GIF, WebP), video MP4 hoặc tệp PDF.";
}

/** Where the bot is reached from outside: PUBLIC_URL, else the address this request came to. */
export function publicBase(req: Request, publicUrl: string | undefined): string {
  return (publicUrl ?? `${req.protocol}://${req.get("host")}`).replace(/\/+$/, "");
}

/** The upload body: raw bytes up to the limit; more is a 413 the person can read. */
export function photoBody(deps: WebDeps): Router {
  const router = express.Router();
  const maxBytes = deps.services.config.MEDIA_MAX_BYTES;
  router.use(express.raw({ type: () => true, limit: maxBytes }));
  // Answered here: the web error handler would say only "too large", not the limit.
  const tooLarge: ErrorRequestHandler = (error, _req, res, next) => {
    if (error?.status !== 413) return next(error);
    res.status(413).json({ error: photoRefusedText("too_large", maxBytes, "vi") });
  };
  router.use(tooLarge);
  return router;
}

/** GET /chat/media/:id: a kept upload, to the browser that sent it. */
export function chatMediaRoute(deps: WebDeps): Router {
  const router = express.Router();
  router.get("/chat/media/:id", async (req, res) => {
    const userId = knownChatUserId(req);
    const read = /^media-[0-9a-f-]{36}$/.test(req.params.id) ? await deps.services.evidence.read(req.params.id) : undefined;
    const owner = read?.record.ownerKey ?? "";
    if (!userId || !read?.object || !owner.startsWith("web:") || !owner.endsWith(`:${userId}`)) throw new HttpError(404, "Không tìm thấy ảnh.");
    res.setHeader("content-type", read.object.mime);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("cache-control", "private, no-store");
    res.setHeader("content-security-policy", "default-src 'none'; sandbox");
    res.send(read.object.bytes);
  });
  return router;
}

/** The conversation key of a web chat person. */
export const webPersonKey = (accountId: string, userId: string) => conversationKey("web", accountId, userId);
