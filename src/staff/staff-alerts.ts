import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { StaffEvent, StaffNotifier } from "../domain/staff-event.js";
import type { Store } from "../store/store.js";
import { updateDocument } from "../store/update-document.js";
import { STAFF_ALERTS, type AlertRung, type AlertRungName, type RungResult, type StaffAlert } from "./staff-alert.js";

/** When an alert that reached no one is tried again: 1 min, 2, 4… at most an hour apart, for a day. */
export interface AlertRetryPolicy {
  firstMs: number;
  maxMs: number;
  /** After this long the retries stop; the alert stays in the console as "unreached". */
  giveUpAfterMs: number;
}

export const ALERT_RETRY: AlertRetryPolicy = { firstMs: 60_000, maxMs: 3_600_000, giveUpAfterMs: 24 * 3_600_000 };

/** Alerts are kept this long (what reached whom, for staff), then removed with the sweeper's pass. */
export const ALERT_KEEP_MS = 30 * 24 * 3_600_000;

// A retry claims its alert for this long, so a second instance (or the console's button) does not send it twice.
const CLAIM_MS = 5 * 60_000;

export interface StaffAlertsOptions {
  store: Store;
  logger: Logger;
  /** The rungs, tried in this order. */
  rungs: { message: AlertRung; webhook: AlertRung; email: AlertRung };
  /** PUBLIC_URL: the console link in every alert. */
  publicUrl?: string;
  now: () => number;
  retry?: AlertRetryPolicy;
}

/**
 * Tells staff of new reports, registrations, handoffs and undeliverable replies through a fallback chain, so an alert
 * reaches someone even when the staff channel's window is closed:
 *
 * 1. the platform message to the unit's staff ids (src/staff/message-rung.ts: an ordinary message in the window, or
 *    the kind an out-of-window rule allows);
 * 2. the signed webhook (src/staff/webhook-rung.ts) — posted for every alert, as before, since other systems read it
 *    as a feed; it counts as reaching staff when the platform message reached no one;
 * 3. e-mail through SMTP (src/staff/email-rung.ts), when neither reached anyone.
 *
 * Every alert is stored (collection `staff_alerts`) with what each rung did. One that reached no one is tried again
 * with backoff (`retryDue`, run by the alert sweeper) for a day, and shown in the console (/admin/alerts) with the
 * reasons until then and after. Never throws into the caller.
 *
 * @example
 * const alerts = new StaffAlerts({ store, logger, rungs: { message, webhook, email }, publicUrl, now });
 * await alerts.notify({ type: "report", ref: "PA-2026-0007", … });
 */
export class StaffAlerts implements StaffNotifier {
  #retry: AlertRetryPolicy;

  constructor(private readonly options: StaffAlertsOptions) {
    this.#retry = options.retry ?? ALERT_RETRY;
  }

  private get alerts() {
    return this.options.store.collection<StaffAlert>(STAFF_ALERTS);
  }

  async notify(event: StaffEvent): Promise<void> {
    const now = this.options.now();
    // Stored before the first try, claimed by it: if the process stops half-way, the sweeper tries it when the claim ends.
    const alert: StaffAlert = { id: `${now.toString(36)}-${randomUUID().slice(0, 8)}`, event, status: "retrying", attempts: 0, results: [], createdAt: now, updatedAt: now, claimedUntil: now + CLAIM_MS };
    try {
      await this.alerts.set(alert.id, alert, { durable: true });
      await this.#attempt(alert);
    } catch (error) {
      this.options.logger.error({ err: error, type: event.type, ref: event.ref }, "staff alert failed");
    }
  }

  /** Alerts, newest first. */
  async list(): Promise<StaffAlert[]> {
    return (await this.alerts.find()).sort((a, b) => b.createdAt - a.createdAt);
  }

  get(id: string): Promise<StaffAlert | undefined> {
    return this.alerts.get(id);
  }

  /** Tries again every alert whose retry is due; returns how many were tried. Also forgets alerts past ALERT_KEEP_MS. */
  async retryDue(now = this.options.now()): Promise<number> {
    let tried = 0;
    for (const alert of await this.alerts.find({ status: "retrying" })) {
      if ((alert.nextAttemptAt ?? 0) > now || (alert.claimedUntil ?? 0) > now) continue;
      if (await this.#claimAndAttempt(alert.id, now, (current) => current.status === "retrying" && (current.nextAttemptAt ?? 0) <= now)) tried++;
    }
    for (const alert of await this.alerts.find()) if (now - alert.createdAt > ALERT_KEEP_MS) await this.alerts.delete(alert.id);
    return tried;
  }

  /** Tries one alert again now (the console's "Gửi lại"), whatever its status but reached. */
  async retryNow(id: string): Promise<StaffAlert | undefined> {
    const now = this.options.now();
    await this.#claimAndAttempt(id, now, (current) => current.status !== "reached");
    return this.alerts.get(id);
  }

  async #claimAndAttempt(id: string, now: number, claimable: (alert: StaffAlert) => boolean): Promise<boolean> {
    let claimed = false;
    const alert = await updateDocument(this.alerts, id, (current) => {
      claimed = current !== undefined && !((current.claimedUntil ?? 0) > now) && claimable(current);
      return claimed ? { ...current!, claimedUntil: now + CLAIM_MS } : undefined;
    });
    if (!claimed || !alert) return false;
    try {
      await this.#attempt(alert);
    } catch (error) {
      this.options.logger.error({ err: error, type: alert.event.type, ref: alert.event.ref }, "staff alert retry failed");
    }
    return true;
  }

  async #attempt(alert: StaffAlert): Promise<StaffAlert> {
    const { event } = alert;
    const link = `${(this.options.publicUrl ?? "").replace(/\/$/, "")}${event.consolePath}`;
    const { message, webhook, email } = this.options.rungs;
    const results: RungResult[] = await Promise.all([message.deliver(event, link), webhook.deliver(event, link)]);
    let reachedBy: AlertRungName | undefined = results.find((result) => result.reached > 0)?.rung;
    if (reachedBy) results.push({ rung: email.name, reached: 0, skipped: "không cần: đã đến cán bộ", failures: [] });
    else {
      const mailed = await email.deliver(event, link);
      results.push(mailed);
      if (mailed.reached > 0) reachedBy = email.name;
    }
    const now = this.options.now();
    const attempts = alert.attempts + 1;
    // With no rung configured at all there is nothing to retry: the console shows it, and the fix is configuration.
    const nothingToTry = results.every((result) => result.skipped);
    const status: StaffAlert["status"] = reachedBy ? "reached" : nothingToTry || now - alert.createdAt >= this.#retry.giveUpAfterMs ? "unreached" : "retrying";
    const next: StaffAlert = {
      ...alert,
      status,
      ...(reachedBy ? { reachedBy } : {}),
      attempts,
      results,
      updatedAt: now,
      claimedUntil: undefined,
      nextAttemptAt: status === "retrying" ? now + Math.min(this.#retry.maxMs, this.#retry.firstMs * 2 ** (attempts - 1)) : undefined,
    };
    await updateDocument(this.alerts, alert.id, () => next, { durable: true });
    const log = { type: event.type, ref: event.ref, attempts, failures: results.flatMap((result) => result.failures) };
    if (reachedBy) this.options.logger.info({ ...log, reachedBy }, "staff alert delivered");
    else this.options.logger.error({ ...log, status }, "staff alert reached no one");
    return next;
  }
}
