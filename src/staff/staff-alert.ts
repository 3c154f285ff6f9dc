import type { StaffEvent } from "../domain/staff-event.js";

/**
 * One staff alert and how it reached staff (collection `staff_alerts`): the fallback chain (src/staff/staff-alerts.ts)
 * tries the platform message, the signed webhook and e-mail, and keeps what each rung did so the console can show an
 * alert that reached no one (/admin/alerts) and the retries keep trying it.
 */

/** The rungs of the chain, in order. */
export type AlertRungName = "message" | "webhook" | "email";

/** What one rung did with one alert. */
export interface RungResult {
  rung: AlertRungName;
  /** How many accepted it: staff members who got the message, the webhook, e-mail addresses. */
  reached: number;
  /** Why it was not tried: nothing configured, nobody to send to, an earlier rung reached staff. */
  skipped?: string;
  /** What went wrong, per recipient, said plainly for the console (never a token, a phone or a password). */
  failures: string[];
}

/** The stored alert. */
export interface StaffAlert {
  id: string;
  event: StaffEvent;
  /**
   * reached: some rung reached staff; retrying: nobody yet, tried again at `nextAttemptAt`; unreached: nobody, and the
   * retries have stopped (too old, or nothing is configured) — shown in the console until it is retried by hand.
   */
  status: "reached" | "retrying" | "unreached";
  /** The first rung that reached someone. */
  reachedBy?: AlertRungName;
  attempts: number;
  /** The rungs of the last attempt. */
  results: RungResult[];
  createdAt: number;
  updatedAt: number;
  nextAttemptAt?: number;
  /** Being tried by a retry until then (another instance, or the console's button, leaves it alone). */
  claimedUntil?: number;
  revision?: number;
}

/** The collection of alerts. */
export const STAFF_ALERTS = "staff_alerts";

/** A rung of the chain: delivers one alert its own way; never throws (a failure is a result). */
export interface AlertRung {
  readonly name: AlertRungName;
  deliver(event: StaffEvent, link: string): Promise<RungResult>;
}

/** The short text of an alert (the platform message, the e-mail's body). */
export function alertText(event: StaffEvent, link: string): string {
  return `${event.priority === "urgent" ? "KHẨN · " : ""}[${alertLabel(event.type)}] ${event.ref}\n${event.summary}\nXem: ${link}`;
}

/** What kind of alert, in Vietnamese. */
export function alertLabel(type: StaffEvent["type"]): string {
  return {
    report: "Phản ánh mới",
    registration: "Đăng ký lớp",
    handoff: "Cần cán bộ",
    dead_letter: "Tin không gửi được",
    report_due_soon: "Phản ánh sắp đến hạn",
    report_overdue: "Phản ánh quá hạn",
    report_reopened: "Phản ánh bị mở lại",
    report_added: "Người dân bổ sung phản ánh",
    report_transferred: "Phản ánh được chuyển đến đơn vị",
  }[type];
}
