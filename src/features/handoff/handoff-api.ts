import { Router } from "express";
import type { Services } from "../../shared/services.js";
import { HandoffService } from "./handoff-service.js";
import { sendWholeText } from "./long-text.js";
import { HttpError } from "../../http/http-error.js";
import { z } from "zod";
import { oneOf } from "../../http/schema-parts.js";
import { jsonBody, parse } from "../../http/validate.js";
import { callerOf, seesUnit } from "../../shared/api-caller.js";

// ===  What the routes accept  ===

const handoffStatus = oneOf(["open", "released", "expired", "ended_by_person"]);

/** GET /api/handoffs filters. */
const handoffQuery = z.strictObject({ status: handoffStatus.optional() });

/** POST /api/handoffs/:key/reply. */
const replyBody = z.strictObject({
  text: z.string({ error: "is required (the message for the person)" }).trim().min(1, "must not be empty").max(2000, "is too long (2000 characters at most)"),
});

/** POST /api/handoffs/:key/release: no fields. */
const releaseBody = z.strictObject({});

// ===  Routes  ===

/**
 * /api/handoffs: list, read one with the transcript (a long message: its start, and the whole at
 * `/:key/texts/:textId`), reply to the person, release. `:key` is the
 * conversation key `channel:accountId:userId`, URL-encoded.
 *
 * @example app.use("/api/handoffs", handoffRoutes(services));
 */
export function handoffRoutes(services: Services): Router {
  const handoffs = new HandoffService(services);
  const router = Router();
  const officeOf = (packId: string) => services.knowledge.content.packs.get(packId)?.office.id;
  /** The handoff, if the caller may see it (another unit's is "not found", like a missing one). */
  const visible = async (key: string, res: import("express").Response) => {
    const handoff = await handoffs.get(key);
    if (!handoff || !seesUnit(callerOf(res), handoff, officeOf(handoff.packId))) throw new HttpError(404, `No handoff for conversation ${key}`);
    return handoff;
  };

  router.get("/", async (req, res) => {
    const query = parse(handoffQuery, req.query, "query");
    const found = (await handoffs.list({ status: query.status })).filter((h) => seesUnit(callerOf(res), h, officeOf(h.packId)));
    res.json({ count: found.length, handoffs: found });
  });

  router.get("/:key", async (req, res) => {
    const handoff = await visible(req.params.key, res);
    res.json({ handoff, transcript: await handoffs.transcript(handoff.key) });
  });

  /** A long message of the transcript, whole (its line shows the start and `full.id`), as text/plain. */
  router.get("/:key/texts/:textId", async (req, res) => {
    const handoff = await visible(req.params.key, res);
    await sendWholeText(res, services.store, handoff.key, req.params.textId);
  });

  router.post("/:key/reply", async (req, res) => {
    const body = parse(replyBody, jsonBody(req), "body");
    await visible(req.params.key, res);
    const { handoff, delivery } = await handoffs.reply(req.params.key, body.text);
    res.json({ handoff, delivery });
  });

  router.post("/:key/release", async (req, res) => {
    parse(releaseBody, jsonBody(req), "body");
    await visible(req.params.key, res);
    res.json({ handoff: await handoffs.release(req.params.key) });
  });

  return router;
}
