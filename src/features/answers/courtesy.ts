/**
 * greeting and thanks: a short welcome (or "Rất vui được giúp bạn") with the main menu as choices.
 *
 * @example answerGreeting(input) // { text: "Xin chào! Mình là Trợ lý văn hóa của Phường Võ Cường…", choices: mainMenu("vi") }
 */
import { mainMenu } from "../../shared/menu.js";
import type { Reply } from "../../core/message.js";
import type { AnswerInput } from "./answer-input.js";
import { speaker } from "./answer-text.js";

/** A short welcome saying what the bot does, with the main menu. */
export function answerGreeting(input: Pick<AnswerInput, "language" | "pack">): Reply {
  const say = speaker(input.language);
  const packName = say.text(input.pack.names);
  return {
    text: say.phrase(
      { vi: `Xin chào! Mình là Trợ lý văn hóa của ${packName}. Mình có thể giúp bạn tra cứu lễ hội, di sản, lớp Quan họ, tiếp nhận phản ánh hoặc kết nối với cán bộ. Bạn muốn tìm hiểu gì?`, en: `Hello! I am the culture assistant of ${packName}. I can help with festivals, heritage, Quan ho classes, reports, or put you in touch with staff. What would you like to know?`, zh: `您好！我是${packName}的文化助手，可以为您查询节日庙会、文化遗产和联系方式，也可以为您转接工作人员。您想了解什么？`, ko: `안녕하세요! ${packName} 문화 도우미입니다. 축제, 문화유산, 연락처를 안내해 드리고 직원과 연결해 드릴 수도 있어요. 무엇이 궁금하세요?` },
    ),
    choices: mainMenu(input.language),
  };
}

/** "Rất vui được giúp bạn" and the main menu. */
export function answerThanks(input: Pick<AnswerInput, "language">): Reply {
  const say = speaker(input.language);
  return {
    text: say.phrase({ vi: "Rất vui được giúp bạn! Bạn cần gì thêm cứ nhắn cho mình nhé.", en: "Glad to help! Message me any time you need more.", zh: "很高兴为您服务！有需要随时给我留言。", ko: "도움이 되어 기뻐요! 더 필요한 것이 있으면 언제든 메시지 주세요." }),
    choices: mainMenu(input.language),
  };
}
