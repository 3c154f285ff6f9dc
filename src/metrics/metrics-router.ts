import { Router } from "express";
import { safeEqual } from "../http/safe-equal.js";
import type { Metrics } from "./metrics.js";

/** GET /metrics in Prometheus text format; behind a bearer token when METRICS_TOKEN is set. */
export function metricsRouter(metrics: Metrics, load: () => { pending: number; running: number; waiting: number }, token?: string): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    if (token && !safeEqual(req.header("authorization") ?? "", `Bearer ${token}`)) {
      res.status(401).json({ error: "Missing or wrong metrics token" });
      return;
    }
    const { pending, running, waiting } = load();
    metrics.queueDepth.set(pending);
    metrics.handling.set({ state: "running" }, running);
    metrics.handling.set({ state: "waiting" }, waiting);
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
