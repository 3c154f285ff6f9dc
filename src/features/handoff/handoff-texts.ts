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
      ? say(language, { vi: `${opening.time} hôm nay`, en: `${opening.time} today` })
      : say(language, { vi: `${opening.time} ${weekdayName(opening.date, "vi")} ${formatDate(opening.date, "vi")}`, en: `${opening.time} on ${weekdayName(opening.date, "en")} ${formatDate(opening.date, "en")}` });
  return say(language, { vi: `Hiện ngoài giờ làm việc; cán bộ sẽ trả lời từ ${when}.`, en: `It is outside office hours now; staff will answer from ${when}.` });
}

/** The reply when a handoff starts: who will answer, that the bot is quiet meanwhile, how to end it, and when (off hours). */
export function handoffStartedText(reason: Handoff["reason"], officeName: string, now: number, language: Language): string {
  const lead =
    reason === "misunderstood"
      ? say(language, { vi: "Có vẻ mình chưa giúp được bạn, nên mình đã chuyển cuộc trò chuyện cho cán bộ", en: "It seems I could not help, so I have passed this conversation to a staff member of" })
      : say(language, { vi: "Mình đã chuyển cuộc trò chuyện cho cán bộ", en: "I have passed this conversation to a staff member of" });
  const parts = [
    say(language, { vi: `${lead} ${officeName}. Cán bộ sẽ trả lời bạn ngay tại đây. Trong lúc chờ, trợ lý tạm dừng trả lời tự động; tin nhắn của bạn vẫn được chuyển đến cán bộ.`, en: `${lead} ${officeName}. They will answer you here. Meanwhile the assistant stays quiet; your messages still reach the staff.` }),
    officeHoursNotice(now, language),
    say(language, { vi: "Nhắn “kết thúc” nếu bạn muốn quay lại trò chuyện với trợ lý.", en: "Write “end” to go back to the assistant." }),
  ];
  return parts.filter(Boolean).join("\n");
}

/** The reply when the person ends the handoff ("kết thúc"). */
export function handoffEndedByPersonText(language: Language): string {
  return say(language, { vi: "Đã kết thúc trò chuyện với cán bộ. Trợ lý sẽ tiếp tục trả lời bạn; khi cần, bạn chọn “Gặp cán bộ” để hỏi lại.", en: "The conversation with staff has ended. The assistant will answer you again; choose “Talk to staff” whenever you need a person." });
}

/** The notice when staff release the handoff. */
export function handoffReleasedText(language: Language): string {
  return say(language, { vi: "Cán bộ đã kết thúc cuộc trò chuyện. Trợ lý sẽ tiếp tục trả lời bạn; khi cần, bạn chọn “Gặp cán bộ” hoặc nhắn “gặp cán bộ” để hỏi lại.", en: "The staff member has closed this conversation. The assistant will answer you again; choose “Talk to staff” whenever you need a person." });
}

/** The notice when 24 h passed without a staff reply. */
export function handoffExpiredText(language: Language): string {
  return say(language, { vi: "Xin lỗi bạn, trong 24 giờ qua chưa có cán bộ trả lời nên cuộc trò chuyện với cán bộ đã tạm đóng. Trợ lý sẽ tiếp tục trả lời bạn; bạn có thể chọn “Gặp cán bộ” để hỏi lại bất cứ lúc nào.", en: "Sorry, no staff member answered within 24 hours, so the conversation with staff has been closed. The assistant will answer you again; you can choose “Talk to staff” to ask again at any time." });
}
