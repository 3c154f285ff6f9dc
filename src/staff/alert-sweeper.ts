import type { Logger } from "pino";
import type { StaffAlerts } from "./staff-alerts.js";

/** A running alert sweeper: `tick` runs one pass now (tests pass a fixed `now`); `stop` ends the timer. */
export interface AlertSweeper {
  tick(now?: number): Promise<number>;
  stop(): void;
}

/**
 * Tries again, every `intervalMs` (a minute by default), the staff alerts that reached no one and whose retry is
 * due (StaffAlerts.retryDue). State is in the store: after a restart the next pass catches up.
 *
 * @example const sweeper = startAlertSweeper(alerts, logger); // on shutdown: sweeper.stop();
 */
export function startAlertSweeper(alerts: StaffAlerts, logger: Logger, options: { intervalMs?: number } = {}): AlertSweeper {
  let running: Promise<number> | undefined;
  const tick = async (now?: number): Promise<number> => {
    while (running) await running.catch(() => 0);
    running = alerts.retryDue(now);
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  const timer = setInterval(() => {
    tick().catch((error) => logger.error({ err: error }, "staff alert sweep failed"));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
