/**
 * out_of_scope: say plainly what the bot can help with and offer staff. The caller records the question for the
 * content-gap list; nothing here guesses an answer.
 *
 * @example answerOutOfScope(input).choices?.at(-1) // { title: "Gặp cán bộ", payload: "menu:handoff" }
 */
import { mainMenu } from "../../shared/menu.js";
import type { Reply } from "../../core/message.js";
import type { AnswerInput } from "./answer-input.js";
import { lines, speaker } from "./answer-text.js";

/** What the bot can do, with the main menu (its last choice is "Gặp cán bộ"). */
export function answerOutOfScope(input: Pick<AnswerInput, "language" | "pack">): Reply {
  const say = speaker(input.language);
  const packName = say.text(input.pack.names);
  return {
    text: lines(
      say.phrase({ vi: "Xin lỗi, câu hỏi này nằm ngoài những gì mình có thể trả lời.", en: "Sorry, I cannot answer that one." }),
      say.phrase({ vi: `Mình có thể giúp: ngày lễ hội, thông tin di sản, lớp truyền dạy Quan họ, tiếp nhận phản ánh, nội dung các kế hoạch văn hóa và đầu mối liên hệ của ${packName}.`, en: `I can help with: festival dates, heritage, Quan ho classes, reports, the culture plans and the contact offices of ${packName}.` }),
      say.phrase({ vi: "Bạn cũng có thể chọn “Gặp cán bộ” để hỏi trực tiếp.", en: "You can also choose “Talk to staff” to ask a person." }),
    ),
    choices: mainMenu(input.language),
  };
}
