import express, { type RequestHandler } from "express";
import { HttpError } from "./http-error.js";

/** Webhook bodies over this are refused with 413 (and the server keeps serving). */
export const BODY_LIMIT = "1mb";

/**
 * Keeps the raw body (signatures are computed over the exact bytes) and parses it as JSON;
 * `req.body` becomes `{ raw: string; json: unknown }`. Malformed JSON → 400, too large → 413.
 */
export function rawJsonBody(): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: BODY_LIMIT }),
    (req, _res, next) => {
      const raw = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      try {
        req.body = { raw, json: JSON.parse(raw) as unknown };
        next();
      } catch {
        next(new HttpError(400, "Malformed JSON body"));
      }
    },
  ];
}

/** The shape `rawJsonBody` leaves in `req.body`. */
export interface RawJson {
  raw: string;
  json: unknown;
}
