import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message the local SMTP server took: envelope, who signed in, the raw message. */
export interface ReceivedMail {
  from: string;
  to: string[];
  user?: string;
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 standing in for the office's mail server (smtp-server, in-process): requires
 * sign-in with `user`/`password`, records each message, and refuses recipients listed in `refuse` (550).
 * STARTTLS is off so the test needs no certificate.
 */
export async function startSmtpReceiver(options: { user?: string; password?: string; refuse?: string[] } = {}): Promise<{ port: number; received: ReceivedMail[]; logins: string[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: !options.user,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? "");
      if (auth.username === options.user && auth.password === options.password) return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    logins,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text body of a received message (quoted-printable or base64, as nodemailer chose). */
export function mailText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** The decoded Subject header (RFC 2047 words joined). */
export function mailSubject(raw: string): string {
  const line = /^subject:((?:.*)(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? "";
  return line
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    )
    .trim();
}
