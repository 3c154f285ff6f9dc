import { BotComposer } from "../../core/bot-composer.js";
import type { AppContext } from "../../shared/app-context.js";
import { LANGUAGES } from "../../nlu/index.js";
import { mainMenu } from "../../shared/menu.js";
import type { Choice } from "../../core/message.js";

/**
 * A new follower (or Messenger's Get Started) gets a welcome, the main menu and a choice of language (中文, 한국어,
 * English, Tiếng Việt: the other three); an unfollow is only recorded (nothing can be sent).
 */
export const follow = new BotComposer<AppContext>();

const LANGUAGE_CHOICES: Record<(typeof LANGUAGES)[number], string> = { vi: "Tiếng Việt", en: "English", zh: "中文", ko: "한국어" };

function welcome(ctx: AppContext): Promise<void> {
  const name = (lang: "en" | "zh" | "ko") => ctx.pack.names[lang] ?? ctx.pack.names.en ?? ctx.pack.names.vi;
  const languages: Choice[] = LANGUAGES.filter((l) => l !== ctx.language).map((l) => ({ title: LANGUAGE_CHOICES[l], payload: `lang:${l}` }));
  return ctx.reply({
    text: ctx.say({
      vi: `Cảm ơn bạn đã quan tâm ${ctx.pack.names.vi}! Mình là trợ lý văn hóa: tra cứu lễ hội, di sản, lớp Quan họ và tiếp nhận phản ánh về văn hóa.`,
      en: `Thanks for following ${name("en")}! I am the culture assistant: festivals, heritage, Quan họ classes and reports.`,
      zh: `感谢关注${name("zh")}！我是文化助手，可以为您查询节日庙会、文化遗产和联系方式。`,
      ko: `${name("ko")}을(를) 팔로우해 주셔서 감사합니다! 문화 도우미가 축제, 문화유산, 연락처를 안내해 드립니다.`,
    }),
    choices: [...mainMenu(ctx.language), ...languages],
  });
}

follow.on("follow", welcome);
// Messenger's Get Started button (scripts/messenger-setup.ts) is the same first contact.
follow.filter((ctx) => ctx.choice === "GET_STARTED", welcome);
follow.on("unfollow", () => undefined);
