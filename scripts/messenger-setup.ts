import { GraphClient, graphRetry } from "../src/channels/messenger/index.js";
import { loadConfig } from "../src/config.js";

/**
 * `npm run messenger:setup`: sets the page's Get Started button, greeting and persistent menu
 * through the Messenger Profile API (POST /{version}/me/messenger_profile). Run once per page.
 */
async function main(): Promise<void> {
  try {
    process.loadEnvFile?.(".env");
  } catch {
    // no .env
  }
  const config = loadConfig();
  if (!config.FB_PAGE_ACCESS_TOKEN) {
    console.error("FB_PAGE_ACCESS_TOKEN is not set: nothing to configure.");
    process.exit(1);
  }
  const result = await setupMessengerProfile(config);
  console.log("Messenger profile set:", JSON.stringify(result));
}

/** Sends the profile to Graph. */
export async function setupMessengerProfile(config: ReturnType<typeof loadConfig>): Promise<unknown> {
  const graph = new GraphClient({
    baseUrl: config.FB_GRAPH_BASE,
    version: config.FB_GRAPH_VERSION,
    pageAccessToken: config.FB_PAGE_ACCESS_TOKEN!,
  }).use(graphRetry({ attempts: config.RETRY_ATTEMPTS, baseMs: config.RETRY_BASE_MS }));
  return graph.setMessengerProfile(messengerProfile());
}

/** The profile: Vietnamese first, English for people whose Facebook is in English. */
export function messengerProfile() {
  const menu = (locale: string, items: [string, string][]) => ({
    locale,
    composer_input_disabled: false,
    call_to_actions: items.map(([title, payload]) => ({ type: "postback", title, payload })),
  });
  return {
    get_started: { payload: "GET_STARTED" },
    greeting: [
      { locale: "default", text: "Xin chào {{user_first_name}}! Trợ lý văn hóa giúp bạn tra cứu lễ hội, di sản, lớp Quan họ và tiếp nhận phản ánh." },
      { locale: "en_US", text: "Hello {{user_first_name}}! The culture assistant answers about festivals, heritage, Quan họ classes and takes reports." },
    ],
    persistent_menu: [
      menu("default", [
        ["Lễ hội", "menu:festivals"],
        ["Di sản", "menu:heritage"],
        ["Lớp Quan họ", "menu:classes"],
        ["Phản ánh", "menu:report"],
        ["Gặp cán bộ", "menu:handoff"],
      ]),
      menu("en_US", [
        ["Festivals", "menu:festivals"],
        ["Heritage", "menu:heritage"],
        ["Quan họ classes", "menu:classes"],
        ["Report", "menu:report"],
        ["Talk to staff", "menu:handoff"],
      ]),
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
