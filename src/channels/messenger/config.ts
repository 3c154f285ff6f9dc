import { z } from "zod";
import { list, optional, purposeMap, url } from "../../config-fields.js";

/**
 * What Meta's kinds may carry outside the 24-hour window (docs/reach.md). Utility messages: status updates of an
 * application or account, appointment and event reminders — a report's status, a registration, a class, and a
 * festival reminder the person asked for. Message tags, each for its use: ACCOUNT_UPDATE for a report's status (a
 * change to something the person applied for), CONFIRMED_EVENT_UPDATE for a class the person registered for; a
 * festival is not an event they registered for, so no tag carries its reminder. Neither carries promotion.
 */
export const MESSENGER_UTILITY_PURPOSES = ["report_update", "registration_update", "class_reminder", "festival_reminder"] as const;
export const MESSENGER_TAG_PURPOSES = { ACCOUNT_UPDATE: ["report_update"], CONFIRMED_EVENT_UPDATE: ["registration_update", "class_reminder"] } as const;

/** The Facebook page's variables (.env.example lists each), composed into the configuration by src/config.ts. */
export const messengerConfigShape = {
  FB_APP_SECRET: optional,
  FB_VERIFY_TOKEN: optional,
  FB_PAGE_ACCESS_TOKEN: optional,
  FB_GRAPH_BASE: url.default("https://graph.facebook.com"),
  FB_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v21.0").default("v21.0"),
  /** Approved utility templates of the page, per purpose: "report_update=cap_nhat_phan_anh,…"; blank = none. */
  FB_UTILITY_TEMPLATES: purposeMap(MESSENGER_UTILITY_PURPOSES, /^[a-z0-9_]+$/),
  /** The languages the utility templates are approved in ("vi,en_US"): the person's, else the first. */
  FB_UTILITY_LANGUAGES: list.pipe(z.array(z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/, "language codes like vi or en_US"))).transform((codes) => (codes.length ? codes : ["vi"])),
  /** Message tags the page may use outside the window: ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE; blank = none. */
  FB_MESSAGE_TAGS: list.pipe(z.array(z.enum(Object.keys(MESSENGER_TAG_PURPOSES) as [keyof typeof MESSENGER_TAG_PURPOSES]))),
};

type MessengerConfig = z.infer<z.ZodObject<typeof messengerConfigShape>>;

/** The variables still needed to turn the Messenger channel on (none: it is on). */
export function messengerMissing(config: MessengerConfig): string[] {
  return [!config.FB_APP_SECRET && "FB_APP_SECRET", !config.FB_PAGE_ACCESS_TOKEN && "FB_PAGE_ACCESS_TOKEN"].filter(Boolean) as string[];
}
