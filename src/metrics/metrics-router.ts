import { Router } from "express";
import { safeEqual } from "../channels/safe-equal.js";
import type { Metrics } from "./metrics.js";

/** GET /metrics in Prometheus text format; behind a bearer token when METRICS_TOKEN is set. */
export function metricsRouter(metrics: Metrics, queueDepth: () => number, token?: string): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    if (token && !safeEqual(req.header("authorization") ?? "", `Bearer ${token}`)) {
      res.status(401).json({ error: "Missing or wrong metrics token" });
      return;
    }
    metrics.queueDepth.set(queueDepth());
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
