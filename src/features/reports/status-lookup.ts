import { say, viOrEn, type Language } from "../../shared/bilingual.js";
import { choicePayload } from "../../shared/choice-payload.js";
import type { Services } from "../../shared/services.js";
import type { ContentPack } from "../../content/index.js";
import type { Choice, Reply } from "../../core/message.js";
import { REGISTRATIONS, type Registration } from "../../domain/registration.js";
import { REPORT_STATUS_NAMES, type Report } from "../../domain/report.js";
import { canonicalCode } from "../../shared/ticket-code.js";
import { REPORTS } from "./report-service.js";
import { categoryName, dayOf, statusCard } from "./report-text.js";

/** What a status lookup reads: the store and the content (for names). */
export type StatusLookupDeps = Pick<Services, "store" | "knowledge">;

/**
 * Status lookup (report_status): the person who filed a report sees its status, last note and dates; anyone
 * else gets exactly the reply an unknown code gets, so a code reveals nothing. Without a code, the person's own
 * reports: one as a card, several as a list with a choice each. Registration codes (LH-…) work the same way.
 *
 * @example await lookupStatus(services, pack, "zalo:oa:2512…", "vi", ["PA-2026-7"])
 */

type Lang = Language;

/** The payload of a "see this report" choice in the list. */
export const STATUS_CHOICE = choicePayload("report:status");

/** The reply for a code that is unknown, or not this person's (the same words for both). */
export function notFound(code: string, lang: Lang): string {
  return code.startsWith("LH-")
    ? say(lang, { vi: `Mình không tìm thấy đăng ký mã ${code} từ tài khoản này. Bạn kiểm tra lại mã giúp mình.`, en: `I found no registration ${code} from this account. Please check the code.` })
    : say(lang, { vi: `Mình không tìm thấy phản ánh mã ${code} gửi từ tài khoản này. Bạn kiểm tra lại mã giúp mình (dạng PA-2026-0007), hoặc nhắn “phản ánh của tôi” để xem các phản ánh bạn đã gửi.`, en: `I found no report ${code} sent from this account. Please check the code (like PA-2026-0007), or write “my reports” to see the reports you sent.` });
}

const REGISTRATION_STATUS: Record<Registration["status"], { vi: string; en: string }> = {
  registered: { vi: "Đã ghi danh", en: "Registered" },
  waiting: { vi: "Trong danh sách chờ", en: "On the waiting list" },
  cancelled: { vi: "Đã hủy", en: "Cancelled" },
};

function registrationCard(registration: Registration, pack: ContentPack | undefined, lang: Lang): string {
  const cls = pack?.class(registration.classId);
  const title = cls ? (lang === "en" ? (cls.title.en ?? cls.title.vi) : cls.title.vi) : registration.classId;
  return [
    `${say(lang, { vi: "Đăng ký", en: "Registration" })} ${registration.code}: ${title}`,
    `${say(lang, { vi: "Trạng thái", en: "Status" })}: ${REGISTRATION_STATUS[registration.status][viOrEn(lang)]}`,
    `${say(lang, { vi: "Ngày đăng ký", en: "Registered on" })} ${dayOf(registration.createdAt, viOrEn(lang))}`,
  ].join("\n");
}

/** The status reply for the codes a person gave (or, with none, their own reports). */
export async function lookupStatus(services: StatusLookupDeps, personKey: string, lang: Lang, codes: readonly string[]): Promise<Reply> {
  const packOf = (id: string) => services.knowledge.content.packs.get(id);
  const wanted = codes.map((code) => canonicalCode(code) ?? code);
  if (wanted.length > 0) {
    const parts: string[] = [];
    for (const code of wanted.slice(0, 5)) {
      if (code.startsWith("LH-")) {
        const registration = await services.store.collection<Registration>(REGISTRATIONS).get(code);
        parts.push(registration && registration.person.key === personKey ? registrationCard(registration, packOf(registration.packId), lang) : notFound(code, viOrEn(lang)));
      } else {
        const report = await services.store.collection<Report>(REPORTS).get(code);
        const as = report?.reporter.key === personKey ? "reporter" : report?.followers?.some((f) => f.key === personKey) ? "follower" : undefined;
        parts.push(report && as ? statusCard(report, packOf(report.packId), viOrEn(lang), as) : notFound(code, viOrEn(lang)));
      }
    }
    return { text: parts.join("\n\n") };
  }
  const mine = (await services.store.collection<Report>(REPORTS).find())
    .filter((report) => report.reporter.key === personKey)
    .sort((a, b) => b.createdAt - a.createdAt);
  if (mine.length === 0) {
    return {
      text: say(lang, { vi: "Mình chưa thấy phản ánh nào gửi từ tài khoản này. Nếu bạn có mã phản ánh, nhắn “tra cứu” kèm mã (ví dụ: tra cứu PA-2026-0007).", en: "I see no report sent from this account. If you have a report code, write “status” and the code (e.g. status PA-2026-0007)." }),
    };
  }
  if (mine.length === 1) return { text: statusCard(mine[0], packOf(mine[0].packId), viOrEn(lang)) };
  const lines = mine.slice(0, 10).map((report, i) => `${i + 1}. ${report.code} – ${categoryName(packOf(report.packId), report.categoryId, viOrEn(lang))} – ${REPORT_STATUS_NAMES[report.status][viOrEn(lang)]} (${dayOf(report.createdAt, viOrEn(lang))})`);
  const choices: Choice[] = mine.slice(0, 5).map((report) => ({ title: report.code, payload: STATUS_CHOICE.of(report.code) }));
  return {
    text: [say(lang, { vi: `Bạn đã gửi ${mine.length} phản ánh:`, en: `You have sent ${mine.length} reports:` }), ...lines, say(lang, { vi: "Chọn một mã để xem chi tiết.", en: "Pick a code to see the details." })].join("\n"),
    choices,
  };
}
