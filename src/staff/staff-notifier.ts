import type { Logger } from "pino";
import type { ChannelRegistry } from "../core/channel.js";
import type { ReachPolicy } from "../reach/reach-policy.js";
import type { Store } from "../store/store.js";
import { EmailRung, type SmtpSettings } from "./email-rung.js";
import { MessageRung, type StaffWindow } from "./message-rung.js";
import type { AlertRung } from "./staff-alert.js";
import { StaffAlerts, type AlertRetryPolicy } from "./staff-alerts.js";
import { WebhookRung } from "./webhook-rung.js";

export { staffWebhookSignature } from "./webhook-rung.js";

export interface StaffNotifierOptions {
  store: Store;
  channels: Pick<ChannelRegistry, "get" | "send">;
  policy: ReachPolicy;
  logger: Logger;
  /** The channel staff are reached on (the composition root picks it: Zalo, with STAFF_ZALO_USER_IDS). */
  staffChannel: string;
  /** Staff ids on that channel. */
  staffUserIds: string[];
  /** STAFF_ROUTES parsed. */
  routes: Map<string, string[]>;
  /** A staff member's window on the staff channel (their conversation with the bot). */
  windowOf(channel: string, userId: string): Promise<StaffWindow | undefined>;
  webhookUrl?: string;
  webhookSecret?: string;
  /** SMTP_*: without a host, no e-mail. */
  smtp?: SmtpSettings;
  /** STAFF_ALERT_EMAILS and STAFF_EMAIL_ROUTES parsed. */
  emails: string[];
  emailRoutes: Map<string, string[]>;
  publicUrl?: string;
  /** The webhook's own quick retries (RETRY_ATTEMPTS, RETRY_BASE_MS). */
  retry: { attempts: number; baseMs: number };
  /** When an alert that reached no one is tried again (default ALERT_RETRY). */
  alertRetry?: AlertRetryPolicy;
  now: () => number;
  /** Replaces a rung (tests: an e-mail transport of their own). */
  rungs?: Partial<Record<AlertRung["name"], AlertRung>>;
}

/**
 * The staff notifier of a deployment: the alert chain (src/staff/staff-alerts.ts) with its three rungs built from the
 * configuration — the platform message, the signed webhook, e-mail.
 *
 * @example const alerts = createStaffAlerts({ store, channels, policy, logger, staffChannel: "zalo", … });
 */
export function createStaffAlerts(options: StaffNotifierOptions): StaffAlerts {
  const rungs = {
    message:
      options.rungs?.message ??
      new MessageRung({
        channels: options.channels,
        policy: options.policy,
        staffChannel: options.staffChannel,
        staffUserIds: options.staffUserIds,
        routes: options.routes,
        windowOf: options.windowOf,
        now: options.now,
      }),
    webhook: options.rungs?.webhook ?? new WebhookRung({ url: options.webhookUrl, secret: options.webhookSecret, retry: options.retry }),
    email: options.rungs?.email ?? new EmailRung({ smtp: options.smtp, everyone: options.emails, routes: options.emailRoutes }),
  };
  return new StaffAlerts({ store: options.store, logger: options.logger, rungs, publicUrl: options.publicUrl, now: options.now, retry: options.alertRetry });
}
