import { z } from "zod";
import { optional, url } from "../../config-fields.js";

/** The Facebook page's variables (.env.example lists each), composed into the configuration by src/config.ts. */
export const messengerConfigShape = {
  FB_APP_SECRET: optional,
  /** The app's id: echoes carrying it are the bot's own messages (any other echo is a reply from the Page inbox). */
  FB_APP_ID: optional,
  FB_VERIFY_TOKEN: optional,
  FB_PAGE_ACCESS_TOKEN: optional,
  FB_GRAPH_BASE: url.default("https://graph.facebook.com"),
  FB_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v21.0").default("v21.0"),
};

type MessengerConfig = z.infer<z.ZodObject<typeof messengerConfigShape>>;

/** The variables still needed to turn the Messenger channel on (none: it is on). */
export function messengerMissing(config: MessengerConfig): string[] {
  return [!config.FB_APP_SECRET && "FB_APP_SECRET", !config.FB_PAGE_ACCESS_TOKEN && "FB_PAGE_ACCESS_TOKEN"].filter(Boolean) as string[];
}
