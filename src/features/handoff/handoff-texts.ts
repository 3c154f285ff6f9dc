import { formatDate, isOfficeOpen, nextOfficeOpening, vietnamDateOf, vietnamTimeOf, weekdayName } from "../../calendar/index.js";
import type { Handoff } from "../../domain/handoff.js";
import { say, type Language } from "../../shared/bilingual.js";

/**
 * What the person reads about a handoff, in their language. Kept apart from the service so wording can be
 * reviewed in one place.
 */



/**
 * When staff will answer, if the office is closed now; undefined while it is open.
 *
 * @example officeHoursNotice(Date.parse("2026-11-28T03:00:00Z"), "vi")
 *   // "Hiện ngoài giờ làm việc; cán bộ sẽ trả lời từ 7:30 thứ Hai 30/11/2026."
 */
export function officeHoursNotice(now: number, language: Language): string | undefined {
  const at = new Date(now);
  if (isOfficeOpen(at)) return undefined;
  const opening = vietnamTimeOf(nextOfficeOpening(at).getTime());
  const today = vietnamDateOf(now);
  const when =
    opening.date === today
      ? say(language, { vi: `${opening.time} hôm nay`, en: `${opening.time} today`, zh: `今天${opening.time}`, ko: `오늘 ${opening.time}` })
      : say(language, { vi: `${opening.time} ${weekdayName(opening.date, "vi")} ${formatDate(opening.date, "vi")}`, en: `${opening.time} on ${weekdayName(opening.date, "en")} ${formatDate(opening.date, "en")}`, zh: `${formatDate(opening.date, "zh")}（${weekdayName(opening.date, "zh")}）${opening.time}`, ko: `${formatDate(opening.date, "ko")}(${weekdayName(opening.date, "ko")}) ${opening.time}` });
  return say(language, { vi: `Hiện ngoài giờ làm việc; cán bộ sẽ trả lời từ ${when}.`, en: `It is outside office hours now; staff will answer from ${when}.`, zh: `现在是非办公时间；工作人员将从${when}起回复。`, ko: `지금은 업무 시간이 아닙니다. 직원이 ${when}부터 답변해 드립니다.` });
}

/** The reply when a handoff starts: who will answer, that the bot is quiet meanwhile, how to end it, and when (off hours). */
export function handoffStartedText(reason: Handoff["reason"], officeName: string, now: number, language: Language): string {
  const lead =
    reason === "misunderstood"
      ? say(language, { vi: "Có vẻ mình chưa giúp được bạn, nên mình đã chuyển cuộc trò chuyện cho cán bộ", en: "It seems I could not help, so I have passed this conversation to a staff member of", zh: "看来我没能帮上忙，已将对话转给", ko: "제가 도와드리지 못한 것 같아 대화를 다음 기관 직원에게 넘겼습니다:" })
      : say(language, { vi: "Mình đã chuyển cuộc trò chuyện cho cán bộ", en: "I have passed this conversation to a staff member of", zh: "已将对话转给", ko: "대화를 다음 기관 직원에게 넘겼습니다:" });
  const parts = [
    say(language, { vi: `${lead} ${officeName}. Cán bộ sẽ trả lời bạn ngay tại đây. Trong lúc chờ, trợ lý tạm dừng trả lời tự động; tin nhắn của bạn vẫn được chuyển đến cán bộ.`, en: `${lead} ${officeName}. They will answer you here. Meanwhile the assistant stays quiet; your messages still reach the staff.`, zh: `${lead}${officeName}的工作人员。工作人员会在这里回复您。等待期间助手暂停自动回复，您的消息仍会转给工作人员。`, ko: `${lead} ${officeName}. 직원이 여기에서 답변해 드립니다. 기다리시는 동안 자동 답변은 멈추며, 보내시는 메시지는 직원에게 전달됩니다.` }),
    officeHoursNotice(now, language),
    say(language, { vi: "Nhắn “kết thúc” nếu bạn muốn quay lại trò chuyện với trợ lý.", en: "Write “end” to go back to the assistant.", zh: "如需回到助手，请发送“结束”。", ko: "도우미로 돌아가려면 ‘종료’라고 보내 주세요." }),
  ];
  return parts.filter(Boolean).join("\n");
}

/** The reply when the person ends the handoff ("kết thúc"). */
export function handoffEndedByPersonText(language: Language): string {
  return say(language, { vi: "Đã kết thúc trò chuyện với cán bộ. Trợ lý sẽ tiếp tục trả lời bạn; khi cần, bạn chọn “Gặp cán bộ” để hỏi lại.", en: "The conversation with staff has ended. The assistant will answer you again; choose “Talk to staff” whenever you need a person.", zh: "与工作人员的对话已结束。助手将继续为您服务；需要时请选择“人工客服”。", ko: "직원과의 대화가 끝났습니다. 도우미가 다시 답변해 드립니다. 필요하면 ‘직원 연결’을 선택하세요." });
}

/** The notice when staff release the handoff. */
export function handoffReleasedText(language: Language): string {
  return say(language, { vi: "Cán bộ đã kết thúc cuộc trò chuyện. Trợ lý sẽ tiếp tục trả lời bạn; khi cần, bạn chọn “Gặp cán bộ” hoặc nhắn “gặp cán bộ” để hỏi lại.", en: "The staff member has closed this conversation. The assistant will answer you again; choose “Talk to staff” whenever you need a person.", zh: "工作人员已结束本次对话。助手将继续为您服务；需要时请选择“人工客服”。", ko: "직원이 대화를 종료했습니다. 도우미가 다시 답변해 드립니다. 필요하면 ‘직원 연결’을 선택하세요." });
}

/** The notice when a working day of office hours passed without a staff reply. */
export function handoffExpiredText(language: Language): string {
  return say(language, { vi: "Xin lỗi bạn, trong một ngày làm việc vừa qua chưa có cán bộ trả lời nên cuộc trò chuyện với cán bộ đã tạm đóng. Trợ lý sẽ tiếp tục trả lời bạn; bạn có thể chọn “Gặp cán bộ” để hỏi lại bất cứ lúc nào.", en: "Sorry, no staff member answered within a working day, so the conversation with staff has been closed. The assistant will answer you again; you can choose “Talk to staff” to ask again at any time.", zh: "抱歉，一个工作日内没有工作人员回复，与工作人员的对话已暂时关闭。助手将继续为您服务；您可以随时选择“人工客服”再次咨询。", ko: "죄송합니다. 근무일 하루 동안 직원 답변이 없어 직원과의 대화가 종료되었습니다. 도우미가 다시 답변해 드리며, 언제든 ‘직원 연결’을 선택해 다시 문의하실 수 있습니다." });
}
