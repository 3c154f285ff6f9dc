import type { Response } from "express";

/**
 * Answers a webhook delivery with 200 and a fixed body, written in one go: no ETag hashing, no JSON.stringify,
 * no content-type negotiation. The platforms only read the status; this runs for every event they send.
 *
 * @example acknowledge(res, '{"ok":true}', "application/json")
 */
export function acknowledge(res: Response, body: string, type: "application/json" | "text/plain"): void {
  res.writeHead(200, { "content-type": `${type}; charset=utf-8`, "content-length": Buffer.byteLength(body) }).end(body);
}
