/**
 * Who is chatting on /chat: a random id in an httpOnly cookie (no account, no personal data), and which OA/page id
 * the messages count as (picks the content pack).
 *
 * @example const userId = chatUserId(req, res); const accountId = chatAccountId(knowledge, req.query.pack);
 */
import type { Request, Response } from "express";
import { randomBytes } from "node:crypto";
import type { Knowledge } from "../../shared/knowledge.js";
import { readCookie, setCookie } from "../auth/cookies.js";

/** The cookie holding the chat id. */
export const CHAT_COOKIE = "tlvh_chat";
const ID_PATTERN = /^w-[A-Za-z0-9_-]{16,40}$/;

/** The chat id of the browser; a new one (set in the cookie) when it has none. */
export function chatUserId(req: Request, res: Response): string {
  const known = readCookie(req, CHAT_COOKIE);
  if (known && ID_PATTERN.test(known)) return known;
  const id = `w-${randomBytes(15).toString("base64url")}`;
  setCookie(res, CHAT_COOKIE, id, { path: "/chat", maxAgeS: 365 * 24 * 3600, secure: req.secure });
  return id;
}

/** The chat id of the browser, or undefined when it has none yet (the API needs the page opened first). */
export function knownChatUserId(req: Request): string | undefined {
  const known = readCookie(req, CHAT_COOKIE);
  return known && ID_PATTERN.test(known) ? known : undefined;
}

/**
 * The account id web messages are for: an account of content/accounts.yaml serving `packId` when there is one
 * (so the pack is the one its Zalo OA or page serves), else "web" (the default pack, CONTENT_PACK).
 */
export function chatAccountId(knowledge: Knowledge, packId: unknown): string {
  if (typeof packId !== "string" || !packId) return "web";
  const mapped = knowledge.content.accounts.find((account) => account.pack === packId);
  return mapped ? mapped.id : "web";
}
