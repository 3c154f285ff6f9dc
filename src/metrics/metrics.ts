import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Prometheus metrics (/metrics): messages in and out per channel, intents, send errors by code,
 * queue depth and latency histograms. One registry per app, so tests do not share counters.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly messagesIn = new Counter({ name: "bot_messages_in_total", help: "Inbound messages accepted, by channel", labelNames: ["channel"], registers: [this.registry] });
  readonly duplicates = new Counter({ name: "bot_duplicates_total", help: "Repeated webhook deliveries dropped", labelNames: ["channel"], registers: [this.registry] });
  readonly messagesOut = new Counter({ name: "bot_messages_out_total", help: "Replies sent, by channel", labelNames: ["channel"], registers: [this.registry] });
  readonly sendErrors = new Counter({ name: "bot_send_errors_total", help: "Sends that failed after retries, by channel and code", labelNames: ["channel", "code"], registers: [this.registry] });
  readonly givenUp = new Counter({
    name: "bot_outbound_given_up_total",
    help: "Replies and notices given up, by channel and kind: refused, maybe_sent (a try timed out: not repeated), stale (older than OUTBOUND_MAX_AGE_HOURS: dropped)",
    labelNames: ["channel", "kind"],
    registers: [this.registry],
  });
  readonly intents = new Counter({ name: "bot_intents_total", help: "Understood intents", labelNames: ["intent"], registers: [this.registry] });
  readonly reminders = new Counter({
    name: "bot_reminders_total",
    help: "Reminders by kind (class, festival, class_opening) and outcome: sent, kept for the next message, dropped (could not arrive in time), failed",
    labelNames: ["kind", "outcome"],
    registers: [this.registry],
  });
  readonly announcementCopies = new Counter({
    name: "bot_announcement_copies_total",
    help: "Announcement copies by channel and final result: sent, kept for the next message, failed",
    labelNames: ["channel", "result"],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({ name: "bot_queue_depth", help: "Messages accepted and not yet handled", registers: [this.registry] });
  readonly handling = new Gauge({
    name: "bot_messages_handling",
    help: "Messages being handled (running) and waiting for a slot under MAX_CONCURRENT_MESSAGES (waiting)",
    labelNames: ["state"],
    registers: [this.registry],
  });
  readonly handleSeconds = new Histogram({
    name: "bot_handle_seconds",
    help: "Time to handle one message (understanding, answer, sending)",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly webhookSeconds = new Histogram({
    name: "bot_webhook_ack_seconds",
    help: "Time to acknowledge a webhook",
    labelNames: ["channel", "status"],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }
}
