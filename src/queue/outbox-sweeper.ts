import type { Logger } from "pino";
import { SENT_MARKS_KEPT_MS, type Outbound } from "../core/outbound.js";
import type { OutboxBook } from "./outbox-book.js";

/** How often the sweeper drops old sent marks (OUTBOX_SENT). */
const SENT_MARKS_PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Hands the outbox's due entries back to the Outbound every `everyMs`: replies kept through a platform outage (with
 * the policy's backoff, until they are sent or too old), and those a crash left between storing and sending.
 * Runs on every store, the embedded one included; with the queue it re-adds entries that have no job (the job id is
 * the entry's, so one that has a job is not added twice).
 *
 * @example const sweeper = startOutboxSweeper({ book, outbound, everyMs: 5_000, logger }); … sweeper.stop();
 */
export function startOutboxSweeper(options: { book: OutboxBook; outbound: Outbound; everyMs: number; logger: Logger; graceMs?: number }): { stop(): void; sweep(): Promise<number> } {
  let running: Promise<number> | undefined;
  const startedAt = options.book.deps.now();
  let prunedAt = -Infinity;
  const sweep = (): Promise<number> =>
    (running ??= (async () => {
      let handed = 0;
      try {
        // A fresh entry of this process (never tried) is being sent by the message that wrote it: left alone for a
        // moment. One from before the start was left by a crash or a stop: sent at once.
        const fresh = options.book.deps.now() - (options.graceMs ?? options.everyMs);
        for (const entry of await options.book.due()) {
          if (options.outbound.busy(entry.id) || (entry.attempts === 0 && entry.createdAt >= startedAt && entry.createdAt > fresh)) continue;
          await options.outbound.resume(entry);
          handed++;
        }
        // The sent marks of people who did not write again (the others' go with their next step).
        const now = options.book.deps.now();
        if (now - prunedAt >= SENT_MARKS_PRUNE_EVERY_MS) {
          prunedAt = now;
          await options.book.pruneSent(now - SENT_MARKS_KEPT_MS);
        }
      } catch (error) {
        options.logger.error({ err: error }, "outbox sweep failed");
      } finally {
        running = undefined;
      }
      return handed;
    })());
  const timer = setInterval(() => void sweep(), options.everyMs);
  timer.unref();
  // Soon after start-up: what a crash left between storing and sending goes out. Not at once: a person who heard
  // nothing and says the same again as the bot comes back is sent it by the pipeline, and their repeat is not taken
  // as the next answer (pipeline.ts).
  const first = setTimeout(() => void sweep(), Math.min(options.everyMs, 1_500));
  first.unref();
  return {
    stop: () => {
      clearInterval(timer);
      clearTimeout(first);
    },
    sweep,
  };
}
