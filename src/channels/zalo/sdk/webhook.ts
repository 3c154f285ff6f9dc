import { isUtf8 } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Bot } from "./bot.js";
import type { Context } from "./context.js";
import type { ZaloEvent } from "./events.js";
import { verifySignature, verifySignatureOffThread } from "./signature.js";

/**
 * The webhook endpoint (grammY's webhookCallback, Chatwoot's webhooks controller): checks the signature over the
 * raw bytes, refuses replays, hands the event to the bot and answers 200 within Zalo's 2 s.
 *
 * | request                                              | answer                        |
 * | ---------------------------------------------------- | ----------------------------- |
 * | body over `maxBodyBytes`                             | 413                           |
 * | not JSON, not an object                              | 400                           |
 * | signature missing or wrong                           | 401                           |
 * | signed, but not UTF-8, no event_name, odd timestamp  | 400                           |
 * | signed, timestamp outside the replay window          | 200, not handled (`onReplay`) |
 * | signed and fresh                                     | 200 once handled, or after `ackWithinMs` |
 */

export interface WebhookOptions {
  /** The OA secret key (Zalo's developer page → Webhook). */
  secretKey: string;
  /** Events older or newer than this many seconds are not handled (default 900; 0 turns the check off). */
  replayWindowSeconds?: number;
  /** The longest wait for the bot before answering 200 anyway (default 1000 ms; Zalo wants an answer in 2 s). */
  ackWithinMs?: number;
  /** Larger bodies get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** The clock the replay window is measured with. */
  now?: () => number;
  /** Told of every refused request (status and reason), for logs and metrics. */
  onRefused?: (status: number, reason: string) => void;
  /** Told of a signed event outside the replay window (answered 200, not handled). */
  onReplay?: (event: ZaloEvent, ageMs: number) => void;
  /**
   * Parses the body's bytes as JSON, throwing when they are not JSON (default: JSON.parse of the UTF-8 text). An app
   * may parse large bodies off the main thread here.
   */
  parseJson?: (raw: Buffer) => unknown;
  /**
   * Parses a large body (over 64 kB) and hashes it in one go, e.g. on a worker thread: the JSON, whether the bytes
   * are strict UTF-8, and the hex SHA-256 of the body's `fieldsBefore`, the body, its `fieldsAfter` and `suffix`
   * (undefined when a field is missing). May take `raw` over (leave it empty). Without it, large bodies are parsed
   * with `parseJson` and hashed with Web Crypto.
   */
  parseLarge?: (raw: Buffer, digest: { fieldsBefore: string[]; fieldsAfter: string[]; suffix: string }) => Promise<{ json: unknown; utf8: boolean; digest?: string }>;
}

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Past this size a body's work is split by turns of the event loop (read | parse and verify | handle), so that other
 * requests — /healthz, small events — are served between the pieces instead of behind a whole 1 MB event.
 */
const LARGE_BODY_BYTES = 64 * 1024;

/**
 * @example app.post("/webhooks/zalo", webhookCallback(bot, { secretKey: process.env.ZALO_OA_SECRET_KEY! }));
 */
export function webhookCallback<C extends Context>(bot: Bot<C>, options: WebhookOptions) {
  const windowMs = (options.replayWindowSeconds ?? 900) * 1000;
  const now = options.now ?? Date.now;
  return async function zaloWebhook(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    let event: ZaloEvent;
    try {
      const raw = await readBody(req, options.maxBodyBytes ?? 1024 * 1024);
      const large = raw.length > LARGE_BODY_BYTES;
      const header = req.headers["x-zevent-signature"];
      if (large) await nextTurn();
      event = large && options.parseLarge ? await checkedLargeEvent(raw, options.parseLarge, header, options.secretKey) : await checkedEvent(raw, await parsed(raw, options.parseJson), header, options.secretKey);
      if (large) await nextTurn();
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      options.onRefused?.(error.status, error.message);
      return answer(res, error.status, JSON.stringify({ error: error.message }));
    }
    const age = now() - Number(event.timestamp);
    if (windowMs > 0 && Math.abs(age) > windowMs) {
      options.onReplay?.(event, age);
      return answer(res, 200, '{"ok":true,"handled":false}');
    }
    let timer: NodeJS.Timeout | undefined;
    const handled = bot.handleEvent(event).catch((error) => console.error("Zalo error handler failed:", error));
    await Promise.race([handled, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.ackWithinMs ?? 1000)))]);
    clearTimeout(timer);
    answer(res, 200, '{"ok":true}');
  };
}

/**
 * The body's JSON, or a Refused 400. Lenient here only to find app_id and timestamp; the signature is over the raw
 * bytes (strict UTF-8 is checked after it, without decoding again: isUtf8 is a native scan, ~1,000 times cheaper
 * than a fatal TextDecoder).
 */
async function parsed(raw: Buffer, parse: ((raw: Buffer) => unknown) | undefined): Promise<unknown> {
  try {
    return await (parse ?? ((bytes: Buffer) => JSON.parse(bytes.toString("utf8"))))(raw);
  } catch {
    throw new Refused(400, "Malformed JSON body");
  }
}

/** The event in a signed body, or a Refused with the status to answer. */
async function checkedEvent(raw: Buffer, json: unknown, signature: string | string[] | undefined, secretKey: string): Promise<ZaloEvent> {
  // A large body is hashed off the event loop.
  const verify = raw.length > LARGE_BODY_BYTES ? verifySignatureOffThread : verifySignature;
  const header = Array.isArray(signature) ? signature[0] : signature;
  return eventOf(json, (appId, stamp) => verify(header, raw, appId, stamp, secretKey), () => isUtf8(raw));
}

/** {@link checkedEvent} for a large body: parsed, checked and hashed by `parseLarge` (one hop off the event loop). */
async function checkedLargeEvent(raw: Buffer, parseLarge: NonNullable<WebhookOptions["parseLarge"]>, signature: string | string[] | undefined, secretKey: string): Promise<ZaloEvent> {
  let result: Awaited<ReturnType<typeof parseLarge>>;
  try {
    // Zalo's mac: sha256(app_id + body + timestamp + OA secret key), see signature.ts.
    result = await parseLarge(raw, { fieldsBefore: ["app_id"], fieldsAfter: ["timestamp"], suffix: secretKey });
  } catch {
    throw new Refused(400, "Malformed JSON body");
  }
  const header = (Array.isArray(signature) ? signature[0] : signature)?.trim();
  const matches = (expected: string) => header !== undefined && header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
  return eventOf(result.json, async () => result.digest !== undefined && matches(`mac=${result.digest}`), () => result.utf8);
}

/** The event of a parsed body once `signed` confirms its signature, or a Refused with the status to answer. */
async function eventOf(json: unknown, signed: (appId: string, stamp: string) => boolean | Promise<boolean>, utf8: () => boolean): Promise<ZaloEvent> {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new Refused(400, "Body must be a JSON object");
  const { app_id: appId, timestamp } = json as Record<string, unknown>;
  const stamp = typeof timestamp === "string" || typeof timestamp === "number" ? String(timestamp) : undefined;
  if (typeof appId !== "string" || stamp === undefined || !(await signed(appId, stamp))) throw new Refused(401, "Invalid signature");
  if (!utf8()) throw new Refused(400, "Body is not valid UTF-8");
  const event = json as ZaloEvent;
  if (typeof event.event_name !== "string") throw new Refused(400, "event_name missing");
  if (!/^\d{1,16}$/.test(stamp)) throw new Refused(400, "timestamp must be epoch milliseconds");
  return event;
}

/** The raw body: already read by a body parser (a Buffer), or read here up to `limit` bytes. */
async function readBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) {
    if (req.body.length > limit) throw new Refused(413, "Payload too large");
    return req.body;
  }
  // Read to the end even when too large, so the client gets the 413 rather than a reset connection. Listeners, not
  // `for await`: the stream's async iterator costs a promise and a few objects per chunk, on every event.
  const { chunks, size } = await new Promise<{ chunks: Buffer[]; size: number }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (req.readableEnded) return resolve({ chunks, size }); // read by someone else already: nothing left
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.once("end", () => resolve({ chunks, size }));
    req.once("error", reject);
    // A client gone before the end (`for await` rejected with ERR_STREAM_PREMATURE_CLOSE).
    req.once("close", () => {
      if (!req.complete) reject(Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" }));
    });
  });
  if (size > limit) throw new Refused(413, "Payload too large");
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

function answer(res: ServerResponse, status: number, body: string): void {
  if (status === 413) res.setHeader("connection", "close");
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
}
