import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { z } from "zod";
import { list, optional, optionalUrl } from "./config-fields.js";
import { messengerConfigShape, messengerMissing } from "./channels/messenger/config.js";
import { zaloConfigIssues, zaloConfigShape, zaloMissing } from "./channels/zalo/config.js";

/**
 * The configuration, read from the environment once at start-up and validated:
 * a wrong value stops start-up with a message naming the variable (see .env.example).
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .optional()
  .or(z.literal("").transform(() => undefined));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: optionalUrl,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().default("./data"),
  STORE: z.enum(["lowdb", "memory", "postgres"]).default("lowdb"),
  DATABASE_URL: optional,
  REDIS_URL: optional,
  /** PostgreSQL schema of the tables (STORE=postgres); "public" when unset. Tests use a throwaway one per run. */
  PG_SCHEMA: optional.pipe(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/i, "must be a plain schema name (letters, digits, _)").optional()),
  /** Prefix of every Redis key of the deployment (seen ids, locks, the outbound queue); default "tro-ly-van-hoa:". */
  REDIS_PREFIX: optional,
  /**
   * This instance's name in Redis, the same across its restarts and never the same as another live instance's: a
   * restarted instance frees at once what its killed run held (per-person queue places, outbound jobs,
   * announcement copies, the token-refresh lock). Default
   * `<hostname>:<PORT>` (see instanceIdOf).
   */
  INSTANCE_ID: optional.pipe(z.string().regex(/^[\w.:@/-]{1,200}$/, "must be letters, digits and . : @ / _ - (at most 200)").optional()),
  CONTENT_DIR: z.string().default("./content"),
  CONTENT_PACK: z.string().default("vo-cuong"),
  BOT_TODAY: isoDate,

  // Each channel declares its own variables (src/channels/<channel>/config.ts).
  ...zaloConfigShape,
  ...messengerConfigShape,

  STAFF_WEBHOOK_URL: optionalUrl,
  STAFF_WEBHOOK_SECRET: optional,
  STAFF_ROUTES: optional,
  /** Staff alert e-mail, the last rung of the alert chain (docs/staff-alerts.md): everyone's addresses, comma-separated. */
  STAFF_ALERT_EMAILS: optional,
  /** Alert e-mail by unit, like STAFF_ROUTES: unit-id=a@x.vn|b@x.vn;other-unit=c@x.vn. */
  STAFF_EMAIL_ROUTES: optional,
  SMTP_HOST: optional,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. Default: on for port 465. */
  SMTP_SECURE: z.enum(["true", "false", ""]).optional().transform((value) => (value === "true" ? true : value === "false" ? false : undefined)),
  SMTP_USER: optional,
  SMTP_PASSWORD: optional,
  /** The sender of alert e-mail, e.g. "Trợ lý văn hóa <tro-ly@vanhoa.gov.vn>"; SMTP_USER when unset. */
  SMTP_FROM: optional,
  /** A handoff nobody answers ends after this many office hours (7.5 = one working day; nights, weekends, holidays do not count). */
  HANDOFF_TIMEOUT_OFFICE_HOURS: z.coerce.number().min(0.25).max(500).default(7.5),
  /** After a staff member answers from the platform's own inbox, the bot stays quiet until this many minutes pass without one. */
  HANDOFF_INBOX_QUIET_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
  STAFF_API_TOKEN: optional,
  ADMIN_PASSWORD: optional,
  /**
   * Which X-Forwarded-For hop to trust for the client's address (rate limits, login back-off, logs): off (the
   * default: the socket's address), a number of proxies in front, or Express's list of proxy addresses/subnets
   * ("loopback", "10.0.0.0/8, 127.0.0.1"). See docs/security.md.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx): boolean | number | string => {
      if (value === undefined || value === "" || /^(false|off|0|no)$/i.test(value)) return false;
      if (/^\d+$/.test(value)) return Number(value);
      if (/^(true|on|yes)$/i.test(value)) {
        ctx.addIssue({ code: "custom", message: "must say which proxies to trust: a number of hops (1 for one reverse proxy) or their addresses; trusting every hop lets any client choose its address" });
        return z.NEVER;
      }
      return value;
    }),

  LLM_PROVIDER: z.enum(["none", "openai-compatible"]).default("none"),
  LLM_BASE_URL: optional,
  LLM_API_KEY: optional,
  LLM_MODEL: optional,

  METRICS_TOKEN: optional,
  HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  RETRY_BASE_MS: z.coerce.number().int().min(0).default(300),
  RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  MAX_CONCURRENT_MESSAGES: z.coerce.number().int().min(1).max(10_000).default(256),
  OUTBOUND_MAX_AGE_HOURS: z.coerce.number().min(0.001).max(24 * 7).default(24),
  /** After a send timed out, how long to wait before asking the platform whether it arrived (docs/faults.md 2b). */
  DELIVERY_CHECK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  OUTBOUND_RETRY_MAX_MS: z.coerce.number().int().min(1).max(3_600_000).default(300_000),
  OUTBOX_SWEEP_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  LOWDB_GROUP_COMMIT_MS: z.coerce.number().min(0).max(100).default(0),
  LOWDB_FSYNC: z.enum(["true", "false"]).default("true"),

  /** Where report evidence is kept (src/media): auto = files under DATA_DIR, or PostgreSQL with STORE=postgres, or memory with STORE=memory. */
  MEDIA_STORE: z.enum(["auto", "files", "postgres", "s3", "memory"]).default("auto"),
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(10 * 1024 * 1024),
  MEDIA_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  MEDIA_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  MEDIA_RETRY_BASE_MS: z.coerce.number().int().min(0).default(5_000),
  S3_BUCKET: optional,
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),

  /** Conversations' transcripts older than this many days are removed every night (0 = keep; docs/privacy.md). */
  TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(180),

  /** Hours in which the bot does not write first (Asia/Ho_Chi_Minh), e.g. "21-7" or "21:30-06:45". */
  REMINDER_QUIET_HOURS: z.string().regex(/^\s*\d{1,2}(:\d{2})?\s*-\s*\d{1,2}(:\d{2})?\s*$/, "must be a range of hours like 21-7").default("21-7"),
  /** Festival reminders: days before the first day, when the person does not say. */
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(1).max(60).default(3),
  /** Announcement copies per second by channel ("zalo=20,messenger=250,default=50"). */
  ANNOUNCE_RATES: z.string().regex(/^\s*[a-z0-9_-]+\s*=\s*\d+(\.\d+)?\s*(,\s*[a-z0-9_-]+\s*=\s*\d+(\.\d+)?\s*)*$/i, "must look like zalo=20,messenger=250").default("zalo=20,messenger=250,default=50"),
  /** Announcement copies in flight per channel at once. */
  ANNOUNCE_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(8),
  /** Tries per announcement copy before it is reported failed (network errors, 5xx, 429). */
  ANNOUNCE_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** First wait before trying an announcement copy again (doubles each time). */
  ANNOUNCE_BACKOFF_MS: z.coerce.number().int().min(0).default(5_000),
  /** Report deadline in working days for a category that sets none (content: deadlineDays; docs/reports.md). */
  REPORT_DEADLINE_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** Deadline in working days of an urgent report, for a category that sets none (content: urgentDeadlineDays). */
  REPORT_URGENT_DEADLINE_DAYS: z.coerce.number().int().min(1).max(60).default(1),
  /** Staff are alerted this many working days before a report's due day (at office opening), and again once it is overdue. */
  REPORT_DUE_SOON_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  /** How often the deadline check runs, minutes. */
  REPORT_CHECK_MINUTES: z.coerce.number().min(0.01).max(24 * 60).default(10),
  /** Extra days the office is closed (announced nghỉ bù, Tết days beyond the Code): YYYY-MM-DD, comma-separated. Not counted in deadlines. */
  OFFICE_CLOSED_DAYS: list.pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be dates written YYYY-MM-DD"))),
});

/** The validated configuration. */
export type Config = z.infer<typeof schema>;

/** Every variable the configuration reads (.env.example must list each one: a test checks it). */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof Config)[];

/** Raised when the environment holds a wrong value; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Cấu hình sai / invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates the configuration.
 *
 * @example const config = loadConfig({ ...process.env, PORT: "0" });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const config = parsed.data;
  if (config.STORE === "postgres" && !config.DATABASE_URL) throw new ConfigError(["DATABASE_URL: required when STORE=postgres"]);
  if (config.MEDIA_STORE === "s3" && !config.S3_BUCKET) throw new ConfigError(["S3_BUCKET: required when MEDIA_STORE=s3"]);
  if (config.MEDIA_STORE === "postgres" && !config.DATABASE_URL) throw new ConfigError(["DATABASE_URL: required when MEDIA_STORE=postgres"]);
  if (config.LLM_PROVIDER === "openai-compatible") {
    const missing = (["LLM_BASE_URL", "LLM_MODEL"] as const).filter((name) => !config[name]);
    if (missing.length > 0) throw new ConfigError(missing.map((name) => `${name}: required when LLM_PROVIDER=openai-compatible`));
  }
  const channelIssues = zaloConfigIssues(config);
  if (channelIssues.length > 0) throw new ConfigError(channelIssues);
  return config;
}

/**
 * The instance's identity in Redis: INSTANCE_ID, else `<hostname>:<PORT>` — stable across a restart of the same
 * instance (a container restart keeps its hostname), distinct between live instances on different hosts or ports.
 * PORT=0 (a port picked by the system, as tests do) names no instance: two processes on one host would share
 * `<hostname>:0`, so each process gets an id of its own (and a restart frees nothing early: the leases do).
 */
export function instanceIdOf(config: Pick<Config, "INSTANCE_ID" | "PORT">): string {
  return config.INSTANCE_ID ?? (config.PORT === 0 ? `${hostname()}:0:${PROCESS_ID}` : `${hostname()}:${config.PORT}`);
}

const PROCESS_ID = randomUUID();

/** Which channels have what they need; a channel missing credentials stays off. */
export function channelStatus(config: Config): { zalo: boolean; messenger: boolean; missing: Record<string, string[]> } {
  const missing = { zalo: zaloMissing(config), messenger: messengerMissing(config) };
  return { zalo: missing.zalo.length === 0, messenger: missing.messenger.length === 0, missing };
}
