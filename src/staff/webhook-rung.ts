import axios, { type AxiosInstance } from "axios";
import { createHmac } from "node:crypto";
import { withRetry } from "../core/retry.js";
import type { StaffEvent } from "../domain/staff-event.js";
import type { AlertRung, RungResult } from "./staff-alert.js";

/** The signature of a staff webhook body: "sha256=" + hmac_sha256_hex(secret, body). */
export function staffWebhookSignature(body: string, secret: string): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * The signed webhook (STAFF_WEBHOOK_URL): the event as JSON with its console link, X-Signature = sha256=hmac(secret,
 * body), retried on 5xx and 429 with the same bytes. Reached when the receiver answers 2xx.
 *
 * @example new WebhookRung({ url, secret, retry: { attempts: 4, baseMs: 300 } })
 */
export class WebhookRung implements AlertRung {
  readonly name = "webhook";
  #http: AxiosInstance;

  constructor(private readonly options: { url?: string; secret?: string; retry: { attempts: number; baseMs: number }; http?: AxiosInstance }) {
    this.#http = options.http ?? axios.create({ timeout: 10_000 });
  }

  async deliver(event: StaffEvent, link: string): Promise<RungResult> {
    const { url, secret } = this.options;
    if (!url) return { rung: this.name, reached: 0, skipped: "STAFF_WEBHOOK_URL chưa đặt", failures: [] };
    const body = JSON.stringify({ ...event, url: link });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret) headers["x-signature"] = staffWebhookSignature(body, secret);
    try {
      await withRetry(
        async () => {
          const response = await this.#http.post(url, body, { headers, validateStatus: () => true, transformRequest: [(data) => data] });
          if (response.status >= 300) throw Object.assign(new Error(`webhook trả lời HTTP ${response.status}`), { status: response.status });
        },
        { ...this.options.retry, retryable: (error) => ((error as { status?: number }).status ?? 500) >= 500 || (error as { status?: number }).status === 429 },
      );
      return { rung: this.name, reached: 1, failures: [] };
    } catch (error) {
      // The message only: an axios error also carries the request, headers included.
      return { rung: this.name, reached: 0, failures: [(error as Error).message] };
    }
  }
}
