import pino, { type Logger } from "pino";

/** Vietnamese mobile numbers (0xxxxxxxxx, +84xxxxxxxxx) in any logged string are masked. */
const PHONE = /(\+?84|0)(\s?\d){9,10}\b/g;

/** Keys whose values are secrets, wherever they appear in a log object. */
const SECRET_KEYS = [
  "access_token",
  "refresh_token",
  "accessToken",
  "refreshToken",
  "secret_key",
  "token",
  "password",
  "phone",
  "authorization",
  "cookie",
  "x-zevent-signature",
  "x-hub-signature-256",
];

/** Masks phone numbers in a string ("0912345678" → "09******78"). */
export function maskPhones(text: string): string {
  return text.replace(PHONE, (match) => {
    const digits = match.replace(/\s/g, "");
    return `${digits.slice(0, 2)}${"*".repeat(Math.max(0, digits.length - 4))}${digits.slice(-2)}`;
  });
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPhones(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEYS.includes(key) || SECRET_KEYS.includes(key.toLowerCase()) ? "[redacted]" : scrub(item, depth + 1);
  }
  return out;
}

/**
 * The JSON logger. Tokens, secrets and phone numbers never reach the output.
 *
 * @example const log = createLogger("info"); log.info({ channel: "zalo" }, "channel on");
 */
export function createLogger(level = "info", destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // Scrub the message string too: a phone number may hide in an error message.
          const scrubbed = args.map((arg) => (typeof arg === "string" ? maskPhones(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export type { Logger };
