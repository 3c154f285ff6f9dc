import { formatDate, isOfficeOpen, nextOfficeOpening, toIsoDate, weekdayName } from "../../calendar/index.js";
import type { Handoff } from "../../domain/handoff.js";

/**
 * What the person reads about a handoff, in their language. Kept apart from the service so wording can be
 * reviewed in one place.
 */

type Language = "vi" | "en";
const pick = (language: Language, vi: string, en: string) => (language === "en" ? en : vi);

const OFFSET_MS = 7 * 3_600_000;

/** An instant as a Vietnam-time date and "7:30". */
function localParts(at: Date): { date: string; time: string } {
  const local = new Date(at.getTime() + OFFSET_MS);
  const date = toIsoDate({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() });
  return { date, time: `${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, "0")}` };
}

/**
 * When staff will answer, if the office is closed now; undefined while it is open.
 *
 * @example officeHoursNotice(Date.parse("2026-11-28T03:00:00Z"), "vi")
 *   // "Hiện ngoài giờ làm việc; cán bộ sẽ trả lời từ 7:30 thứ Hai 30/11/2026."
 */
export function officeHoursNotice(now: number, language: Language): string | undefined {
  const at = new Date(now);
  if (isOfficeOpen(at)) return undefined;
  const opening = localParts(nextOfficeOpening(at));
  const today = localParts(at).date;
  const when =
    opening.date === today
      ? pick(language, `${opening.time} hôm nay`, `${opening.time} today`)
      : pick(
          language,
          `${opening.time} ${weekdayName(opening.date, "vi")} ${formatDate(opening.date, "vi")}`,
          `${opening.time} on ${weekdayName(opening.date, "en")} ${formatDate(opening.date, "en")}`,
        );
  return pick(language, `Hiện ngoài giờ làm việc; cán bộ sẽ trả lời từ ${when}.`, `It is outside office hours now; staff will answer from ${when}.`);
}

/** The reply when a handoff starts: who will answer, that the bot is quiet meanwhile, how to end it, and when (off hours). */
export function handoffStartedText(reason: Handoff["reason"], officeName: string, now: number, language: Language): string {
  const lead =
    reason === "misunderstood"
      ? pick(language, "Có vẻ tôi chưa giúp được bạn, nên tôi đã chuyển cuộc trò chuyện cho cán bộ", "It seems I could not help, so I have passed this conversation to a staff member of")
      : pick(language, "Tôi đã chuyển cuộc trò chuyện cho cán bộ", "I have passed this conversation to a staff member of");
  const parts = [
    pick(
      language,
      `${lead} ${officeName}. Cán bộ sẽ trả lời bạn ngay tại đây. Trong lúc chờ, trợ lý tạm dừng trả lời tự động; tin nhắn của bạn vẫn được chuyển đến cán bộ.`,
      `${lead} ${officeName}. They will answer you here. Meanwhile the assistant stays quiet; your messages still reach the staff.`,
    ),
    officeHoursNotice(now, language),
    pick(language, "Nhắn “kết thúc” nếu bạn muốn quay lại trò chuyện với trợ lý.", "Write “end” to go back to the assistant."),
  ];
  return parts.filter(Boolean).join("\n");
}

/** The reply when the person ends the handoff ("kết thúc"). */
export function handoffEndedByPersonText(language: Language): string {
  return pick(
    language,
    "Đã kết thúc trò chuyện với cán bộ. Trợ lý sẽ tiếp tục trả lời bạn; khi cần, bạn chọn “Gặp cán bộ” để hỏi lại.",
    "The conversation with staff has ended. The assistant will answer you again; choose “Talk to staff” whenever you need a person.",
  );
}

/** The notice when staff release the handoff. */
export function handoffReleasedText(language: Language): string {
  return pick(
    language,
    "Cán bộ đã kết thúc cuộc trò chuyện. Trợ lý sẽ tiếp tục trả lời bạn; khi cần, bạn chọn “Gặp cán bộ” hoặc nhắn “gặp cán bộ” để hỏi lại.",
    "The staff member has closed this conversation. The assistant will answer you again; choose “Talk to staff” whenever you need a person.",
  );
}

/** The notice when 24 h passed without a staff reply. */
export function handoffExpiredText(language: Language): string {
  return pick(
    language,
    "Xin lỗi bạn, trong 24 giờ qua chưa có cán bộ trả lời nên cuộc trò chuyện với cán bộ đã tạm đóng. Trợ lý sẽ tiếp tục trả lời bạn; bạn có thể chọn “Gặp cán bộ” để hỏi lại bất cứ lúc nào.",
    "Sorry, no staff member answered within 24 hours, so the conversation with staff has been closed. The assistant will answer you again; you can choose “Talk to staff” to ask again at any time.",
  );
}
