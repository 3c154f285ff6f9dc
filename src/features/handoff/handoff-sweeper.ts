import { HandoffService, type HandoffDeps } from "./handoff-service.js";

/** A running sweeper: `tick` runs one pass now (tests pass a fixed `now`); `stop` ends the timer. */
export interface HandoffSweeper {
  tick(now?: number): Promise<number>;
  stop(): void;
}

/**
 * Closes handoffs past their due time (HandoffService.dueAt: office hours, or the platform-inbox quiet period), every `intervalMs` (5 minutes by default), and tells
 * each person they can ask again. State is in the store, so a restart loses nothing: the next pass catches up.
 * The person's own next message also checks, so the sweeper only matters for people who stay silent.
 *
 * @example
 * const sweeper = startHandoffSweeper(services);
 * // on shutdown: sweeper.stop();
 */
export function startHandoffSweeper(services: HandoffDeps, options: { intervalMs?: number } = {}): HandoffSweeper {
  const handoffs = new HandoffService(services);
  let running: Promise<number> | undefined;
  const tick = async (now?: number): Promise<number> => {
    // One pass at a time: a slow store must not stack passes that close the same handoff twice.
    while (running) await running.catch(() => 0);
    running = handoffs.expireDue(now ?? services.now());
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  const timer = setInterval(() => {
    tick().catch((error) => services.logger.error({ err: error }, "handoff sweep failed"));
  }, options.intervalMs ?? 5 * 60_000);
  // The sweeper alone must not keep the process (or a test run) alive.
  timer.unref();
  return {
    tick,
    stop: () => clearInterval(timer),
  };
}
