import { z } from "zod";
import { list, optional, optionalUrl, purposeMap, url } from "../../config-fields.js";

/**
 * What Zalo's message kinds may carry outside the 48-hour window (docs/reach.md): a transaction message ("tin Giao
 * dịch") only updates about something the person did — their report, their registration, their class — never
 * promotion; a ZNS only where the person gave their phone for that matter (a registration) and agreed.
 */
export const ZALO_TRANSACTION_PURPOSES = ["report_update", "registration_update", "class_reminder"] as const;
export const ZALO_ZNS_PURPOSES = ["registration_update", "class_reminder"] as const;

/** The Zalo OA's variables (.env.example lists each), composed into the configuration by src/config.ts. */
export const zaloConfigShape = {
  ZALO_APP_ID: optional,
  ZALO_APP_SECRET: optional,
  ZALO_OA_SECRET_KEY: optional,
  ZALO_OA_ACCESS_TOKEN: optional,
  ZALO_OA_REFRESH_TOKEN: optional,
  /** The picture of Zalo's request_user_info card (jpg/png); default PUBLIC_URL + /chat/static/contact-card.png. */
  ZALO_CONTACT_CARD_IMAGE_URL: optionalUrl,
  ZALO_API_BASE: url.default("https://openapi.zalo.me"),
  ZALO_OAUTH_BASE: url.default("https://oauth.zaloapp.com"),
  ZALO_SITE_VERIFICATION: optional,
  /** Signed events whose timestamp is further than this from now are answered 200 and not handled; 0 = off. */
  ZALO_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
  /** Staff members' Zalo user ids: they get the staff notices on Zalo. */
  STAFF_ZALO_USER_IDS: list,
  /** Zalo OA broadcast to followers (needs Zalo's approval of the OA; docs/announcements.md). */
  ZALO_BROADCAST_ENABLED: z
    .enum(["true", "false", ""])
    .default("false")
    .transform((value) => value === "true"),
  /**
   * Transaction messages outside the 48-hour window, per purpose: "report_update=transaction_account,…" (the Zalo
   * template type of each). Needs a verified OA with the transaction-message permission; blank = none.
   */
  ZALO_TRANSACTION_TEMPLATES: purposeMap(ZALO_TRANSACTION_PURPOSES, /^transaction_[a-z]+$/),
  /** ZNS templates approved for the OA, per purpose: "class_reminder=248079,…" (template ids); blank = none. */
  ZALO_ZNS_TEMPLATES: purposeMap(ZALO_ZNS_PURPOSES, /^\d+$/),
  /** ZNS base URL (tests point it at a stub). */
  ZALO_ZNS_API_BASE: url.default("https://business.openapi.zalo.me"),
  /** Broadcasts the OA's package allows per month (required when ZALO_BROADCAST_ENABLED=true). */
  ZALO_BROADCAST_MONTHLY_QUOTA: z.coerce.number().int().min(0).optional().or(z.literal("").transform(() => undefined)),
};

type ZaloConfig = z.infer<z.ZodObject<typeof zaloConfigShape>>;

/** The variables still needed to turn the Zalo channel on (none: it is on). */
export function zaloMissing(config: ZaloConfig): string[] {
  return [!config.ZALO_OA_SECRET_KEY && "ZALO_OA_SECRET_KEY", !config.ZALO_OA_ACCESS_TOKEN && !config.ZALO_OA_REFRESH_TOKEN && "ZALO_OA_ACCESS_TOKEN"].filter(
    Boolean,
  ) as string[];
}

/** Cross-field checks: the problems, each naming its variable. */
export function zaloConfigIssues(config: ZaloConfig): string[] {
  return config.ZALO_BROADCAST_ENABLED && config.ZALO_BROADCAST_MONTHLY_QUOTA === undefined
    ? ["ZALO_BROADCAST_MONTHLY_QUOTA: required when ZALO_BROADCAST_ENABLED=true (the broadcasts your OA's package allows per month)"]
    : [];
}
