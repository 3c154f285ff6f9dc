import { GraphClient, graphRetry } from "../src/channels/messenger/index.js";
import { loadConfig } from "../src/config.js";

/**
 * `npm run messenger:setup`: sets the page's Get Started button, greeting, ice breakers (vi, en) and persistent
 * menu through the Messenger Profile API (POST /{version}/me/messenger_profile). Run once per page.
 * Every payload is one the bot answers: GET_STARTED → the welcome, "menu:*" → that menu entry
 * (test/features/welcome/starting-points.test.ts taps each of them).
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

/** Messenger locales per language of the bot ("default" is what everyone else sees: Vietnamese). */
const LOCALES = { vi: "default", en: "en_US", zh: "zh_CN", ko: "ko_KR" } as const;
type ProfileLanguage = keyof typeof LOCALES;

/**
 * What the page shows before and beside the chat, per language. Payloads of the en/zh/ko entries start with
 * "lang:<code>:" so the bot answers in the language of the person's Facebook (src/features/language), even on the
 * first tap, before they have typed anything.
 */
const PROFILE_TEXTS: Record<ProfileLanguage, { greeting: string; menu: [string, string][]; iceBreakers: [string, string][] }> = {
  vi: {
    greeting: "Xin chào {{user_first_name}}! Trợ lý văn hóa giúp bạn tra cứu lễ hội, di sản, lớp Quan họ và tiếp nhận phản ánh.",
    menu: [
      ["Lễ hội", "menu:festivals"],
      ["Di sản", "menu:heritage"],
      ["Lớp Quan họ", "menu:classes"],
      ["Phản ánh", "menu:report"],
      ["Gặp cán bộ", "menu:handoff"],
    ],
    iceBreakers: [
      ["Sắp tới có lễ hội nào?", "menu:festivals"],
      ["Ở đây có di sản gì?", "menu:heritage"],
      ["Tôi muốn gửi phản ánh", "menu:report"],
      ["Tôi muốn gặp cán bộ", "menu:handoff"],
    ],
  },
  en: {
    greeting: "Hello {{user_first_name}}! The culture assistant answers about festivals, heritage, Quan họ classes and takes reports.",
    menu: [
      ["Festivals", "lang:en:menu:festivals"],
      ["Heritage", "lang:en:menu:heritage"],
      ["Quan họ classes", "lang:en:menu:classes"],
      ["Report", "lang:en:menu:report"],
      ["Talk to staff", "lang:en:menu:handoff"],
    ],
    iceBreakers: [
      ["Which festivals are coming up?", "lang:en:menu:festivals"],
      ["What heritage is there to see?", "lang:en:menu:heritage"],
      ["I want to report a problem", "lang:en:menu:report"],
      ["Talk to a staff member", "lang:en:menu:handoff"],
    ],
  },
  zh: {
    greeting: "{{user_first_name}}，您好！文化助手为您介绍节日庙会、文化遗产和联系方式，也可以为您转接工作人员。",
    menu: [
      ["节日庙会", "lang:zh:menu:festivals"],
      ["文化遗产", "lang:zh:menu:heritage"],
      ["人工客服", "lang:zh:menu:handoff"],
      ["Tiếng Việt", "lang:vi"],
      ["English", "lang:en"],
    ],
    iceBreakers: [
      ["最近有什么节日庙会？", "lang:zh:menu:festivals"],
      ["这里有哪些文化遗产？", "lang:zh:menu:heritage"],
      ["我想联系工作人员", "lang:zh:menu:handoff"],
      ["Switch to English", "lang:en"],
    ],
  },
  ko: {
    greeting: "{{user_first_name}}님, 안녕하세요! 문화 도우미가 축제, 문화유산, 연락처를 안내하고 직원과 연결해 드립니다.",
    menu: [
      ["축제", "lang:ko:menu:festivals"],
      ["문화유산", "lang:ko:menu:heritage"],
      ["직원 연결", "lang:ko:menu:handoff"],
      ["Tiếng Việt", "lang:vi"],
      ["English", "lang:en"],
    ],
    iceBreakers: [
      ["곧 열리는 축제가 있나요?", "lang:ko:menu:festivals"],
      ["어떤 문화유산이 있나요?", "lang:ko:menu:heritage"],
      ["직원과 이야기하고 싶어요", "lang:ko:menu:handoff"],
      ["Switch to English", "lang:en"],
    ],
  },
};

/**
 * The profile: Vietnamese by default, English, Chinese (zh_CN) and Korean (ko_KR) for people whose Facebook is in
 * those languages. Meta shows API ice breakers instead of the Get Started button when both are set; the welcome
 * then comes with the first answer.
 */
export function messengerProfile() {
  const languages = Object.keys(LOCALES) as ProfileLanguage[];
  return {
    get_started: { payload: "GET_STARTED" },
    greeting: languages.map((lang) => ({ locale: LOCALES[lang], text: PROFILE_TEXTS[lang].greeting })),
    persistent_menu: languages.map((lang) => ({
      locale: LOCALES[lang],
      composer_input_disabled: false,
      call_to_actions: PROFILE_TEXTS[lang].menu.map(([title, payload]) => ({ type: "postback", title, payload })),
    })),
    ice_breakers: languages.map((lang) => ({
      locale: LOCALES[lang],
      call_to_actions: PROFILE_TEXTS[lang].iceBreakers.map(([question, payload]) => ({ question, payload })),
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
