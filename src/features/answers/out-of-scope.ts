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
      say.phrase({ vi: "Xin lỗi, câu hỏi này nằm ngoài những gì mình có thể trả lời.", en: "Sorry, I cannot answer that one.", zh: "抱歉，这个问题我无法回答。", ko: "죄송하지만 그 질문에는 답할 수 없어요." }),
      say.phrase(
        { vi: `Mình có thể giúp: ngày lễ hội, thông tin di sản, lớp truyền dạy Quan họ, tiếp nhận phản ánh, nội dung các kế hoạch văn hóa và đầu mối liên hệ của ${packName}.`, en: `I can help with: festival dates, heritage, Quan ho classes, reports, the culture plans and the contact offices of ${packName}.`, zh: `我可以帮您查询：${packName}的节日日期、文化遗产和联系部门。官贺课程和举报目前只提供越南语和英语服务。`, ko: `제가 도와드릴 수 있는 것: ${packName}의 축제 날짜, 문화유산, 연락처. 관호 수업과 신고는 베트남어와 영어로만 안내합니다.` },
      ),
      say.phrase({ vi: "Bạn cũng có thể chọn “Gặp cán bộ” để hỏi trực tiếp.", en: "You can also choose “Talk to staff” to ask a person.", zh: "您也可以选择“人工客服”，直接咨询工作人员。", ko: "‘직원 연결’을 선택해 직원에게 직접 물어보실 수도 있어요." }),
    ),
    choices: mainMenu(input.language),
  };
}
