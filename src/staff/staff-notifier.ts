import axios, { type AxiosInstance } from "axios";
import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import type { ChannelRegistry } from "../core/channel.js";
import { withRetry } from "../core/retry.js";
import type { StaffEvent, StaffNotifier } from "../domain/staff-event.js";
import { staffFor } from "./staff-routes.js";

export interface StaffNotifierOptions {
  channels: ChannelRegistry;
  logger: Logger;
  /** The channel staff are reached on (the composition root picks it: Zalo, with STAFF_ZALO_USER_IDS). */
  staffChannel: string;
  /** Staff ids on that channel. */
  staffUserIds: string[];
  /** STAFF_ROUTES parsed. */
  routes: Map<string, string[]>;
  /** The account (OA, page) whose followers the staff are. */
  staffAccountId?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  publicUrl?: string;
  retry: { attempts: number; baseMs: number };
  http?: AxiosInstance;
}

/** The signature of a staff webhook body: "sha256=" + hmac_sha256_hex(secret, body). */
export function staffWebhookSignature(body: string, secret: string): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * Tells staff of new reports, registrations and handoffs: a short message on the staff channel to each staff id (routed
 * by unit when STAFF_ROUTES says so) and a signed JSON POST to STAFF_WEBHOOK_URL, retried with backoff.
 * Never throws: a notice that cannot be sent is logged.
 */
export class ChannelStaffNotifier implements StaffNotifier {
  #http: AxiosInstance;

  constructor(private readonly options: StaffNotifierOptions) {
    this.#http = options.http ?? axios.create({ timeout: 10_000 });
  }

  async notify(event: StaffEvent): Promise<void> {
    await Promise.all([this.#message(event), this.#webhook(event)]);
  }

  #link(event: StaffEvent): string {
    return `${(this.options.publicUrl ?? "").replace(/\/$/, "")}${event.consolePath}`;
  }

  async #message(event: StaffEvent): Promise<void> {
    const { staffChannel: channel, staffAccountId: accountId = "" } = this.options;
    const ids = staffFor(event.unitId, this.options.routes, this.options.staffUserIds);
    if (ids.length === 0 || !this.options.channels.get(channel)) return;
    const text = `${event.priority === "urgent" ? "KHẨN · " : ""}[${label(event.type)}] ${event.ref}\n${event.summary}\nXem: ${this.#link(event)}`;
    for (const userId of ids) {
      try {
        await this.options.channels.send({ channel, accountId, userId }, { text }, { purpose: "update" });
      } catch (error) {
        this.options.logger.error({ err: error, ref: event.ref, channel }, "staff notice not delivered");
      }
    }
  }

  async #webhook(event: StaffEvent): Promise<void> {
    const { webhookUrl, webhookSecret } = this.options;
    if (!webhookUrl) return;
    const body = JSON.stringify({ ...event, url: this.#link(event) });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (webhookSecret) headers["x-signature"] = staffWebhookSignature(body, webhookSecret);
    try {
      await withRetry(
        async () => {
          const response = await this.#http.post(webhookUrl, body, { headers, validateStatus: () => true, transformRequest: [(data) => data] });
          if (response.status >= 300) throw Object.assign(new Error(`staff webhook answered HTTP ${response.status}`), { status: response.status });
        },
        { ...this.options.retry, retryable: (error) => ((error as { status?: number }).status ?? 500) >= 500 || (error as { status?: number }).status === 429 },
      );
    } catch (error) {
      this.options.logger.error({ err: error, ref: event.ref }, "staff webhook not delivered");
    }
  }
}

function label(type: StaffEvent["type"]): string {
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
