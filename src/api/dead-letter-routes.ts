import { Router } from "express";
import { z } from "zod";
import type { Services } from "../shared/services.js";
import { listDeadLetters } from "../queue/dead-letters.js";
import { parse } from "../http/validate.js";
import { callerOf, requireAllUnits } from "../shared/api-caller.js";

/** GET /api/dead-letters filters: a channel name, and how many (newest first, 100 by default, 1000 at most). */
const deadLetterQuery = z.strictObject({
  channel: z.string({ error: "must be a channel name" }).trim().regex(/^[a-z]{1,20}$/, "must be a channel name such as zalo or messenger").optional(),
  limit: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").optional(),
});

/**
 * /api/dead-letters: replies that could not be delivered after every retry (the outbound queue's, or the
 * in-process path's), newest first, for staff to follow up by other means.
 *
 * @example
 * app.use("/api/dead-letters", deadLetterRoutes(services));
 * // GET /api/dead-letters?channel=zalo&limit=20 → { count: 1, deadLetters: [{ id, at, recipient, reply, error, attempts }] }
 */
export function deadLetterRoutes(services: Services): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    requireAllUnits(callerOf(res));
    const query = parse(deadLetterQuery, req.query, "query");
    const deadLetters = await listDeadLetters(services.store, { channel: query.channel, limit: query.limit });
    res.json({ count: deadLetters.length, deadLetters });
  });
  return router;
}
