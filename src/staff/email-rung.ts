import nodemailer, { type Transporter } from "nodemailer";
import type { StaffEvent } from "../domain/staff-event.js";
import { alertLabel, alertText, type AlertRung, type RungResult } from "./staff-alert.js";
import { staffFor } from "./staff-routes.js";

/** The SMTP server alerts go through (SMTP_* variables). The password is only ever handed to the transport. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte; default: on for port 465, else STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  password?: string;
  /** The sender; SMTP_USER when unset. */
  from?: string;
}

export interface EmailRungOptions {
  smtp?: SmtpSettings;
  /** STAFF_ALERT_EMAILS: everyone's addresses. */
  everyone: string[];
  /** STAFF_EMAIL_ROUTES: addresses by unit. */
  routes: Map<string, string[]>;
  /** Replaceable in tests; built from `smtp` otherwise. */
  transport?: Pick<Transporter, "sendMail">;
}

/**
 * The last rung: one e-mail to the unit's addresses (STAFF_EMAIL_ROUTES, else STAFF_ALERT_EMAILS) through the SMTP
 * server, with nodemailer. Reached by as many addresses as the server accepted.
 *
 * @example new EmailRung({ smtp: { host: "smtp.vanhoa.gov.vn", port: 587, user, password }, everyone: ["truc@vanhoa.gov.vn"], routes })
 */
export class EmailRung implements AlertRung {
  readonly name = "email";
  #transport?: Pick<Transporter, "sendMail">;

  constructor(private readonly options: EmailRungOptions) {
    const { smtp } = options;
    this.#transport =
      options.transport ??
      (smtp
        ? nodemailer.createTransport({
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure ?? smtp.port === 465,
            ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? "" } } : {}),
            // An alert must not wait minutes on a server that does not answer: the retries come back later.
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 20_000,
          })
        : undefined);
  }

  async deliver(event: StaffEvent, link: string): Promise<RungResult> {
    const from = this.options.smtp?.from ?? this.options.smtp?.user;
    if (!this.#transport || !from) return { rung: this.name, reached: 0, skipped: "SMTP chưa cấu hình (SMTP_HOST, SMTP_FROM)", failures: [] };
    const to = staffFor(event.unitId, this.options.routes, this.options.everyone);
    if (to.length === 0) return { rung: this.name, reached: 0, skipped: "chưa có địa chỉ e-mail cán bộ (STAFF_ALERT_EMAILS)", failures: [] };
    try {
      const info = await this.#transport.sendMail({
        from,
        to,
        subject: `[Trợ lý văn hóa] ${alertLabel(event.type)}: ${event.ref}`,
        text: `${alertText(event, link)}\n\n—\nThư tự động của Trợ lý văn hóa: cảnh báo này chưa đến được cán bộ qua tin nhắn. Vui lòng không trả lời thư này.`,
      });
      const rejected = (info.rejected ?? []).map((address) => `${maskAddress(addressOf(address))}: máy chủ thư từ chối`);
      return { rung: this.name, reached: (info.accepted ?? []).length, failures: rejected };
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      return { rung: this.name, reached: 0, failures: [`máy chủ thư: ${code ?? ""} ${(message ?? "").slice(0, 160)}`.trim()] };
    }
  }
}

function addressOf(address: string | { address: string }): string {
  return typeof address === "string" ? address : address.address;
}

/** "tr***@vanhoa.gov.vn": enough for staff to know which, not a full address in the console. */
export function maskAddress(address: string): string {
  const [local, domain] = address.split("@");
  return domain ? `${local.slice(0, 2)}***@${domain}` : "***";
}
