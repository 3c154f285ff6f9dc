import { formatDate, vietnamDateOf } from "../../calendar/index.js";
import { say } from "../../shared/bilingual.js";
import type { Reply } from "../../core/message.js";
import { REPORT_STATUS_NAMES, type Report } from "../../domain/report.js";
import type { ContentPack } from "../../content/index.js";
import type { NoticeAbout } from "../../domain/staff-event.js";

/**
 * How a report reads to the person who filed it: the status card (lookup) and the notice sent when staff
 * change its status. Never includes the phone number.
 */

type Lang = "vi" | "en";

/** The date of an epoch-ms instant in Vietnam (UTC+7, no daylight saving), formatted for `lang`. */
export function dayOf(at: number, lang: Lang): string {
  return formatDate(vietnamDateOf(at), lang);
}

/** The category's name in the person's language ("Khác" for the catch-all category). */
export function categoryName(pack: ContentPack | undefined, categoryId: string, lang: Lang): string {
  if (categoryId === OTHER_CATEGORY) return say(lang, { vi: "Khác", en: "Other" });
  const category = pack?.category(categoryId);
  if (!category) return categoryId;
  return lang === "en" ? (category.names.en ?? category.names.vi) : category.names.vi;
}

/** The id of the catch-all category ("Khác"): routed to the pack's office. */
export const OTHER_CATEGORY = "other";

/**
 * The status card: code, category, status with its date, the last staff note, the date it was filed.
 *
 * @example statusCard(report, pack, "vi")
 * // "Phản ánh PA-2026-0007 (Xâm hại di tích)\nTrạng thái: Đang xử lý (cập nhật 26/11/2026)\nGhi chú của cán bộ: …\nGửi ngày 25/11/2026"
 */
export function statusCard(report: Report, pack: ContentPack | undefined, lang: Lang): string {
  const last = report.history.at(-1);
  const note = [...report.history].reverse().find((entry) => entry.note)?.note;
  const status = REPORT_STATUS_NAMES[report.status][lang];
  const lines = [
    `${say(lang, { vi: "Phản ánh", en: "Report" })} ${report.code} (${categoryName(pack, report.categoryId, lang)})`,
    `${say(lang, { vi: "Trạng thái", en: "Status" })}: ${status}${last && last.at !== report.createdAt ? ` (${say(lang, { vi: "cập nhật", en: "updated" })} ${dayOf(last.at, lang)})` : ""}`,
    note ? `${say(lang, { vi: "Ghi chú của cán bộ", en: "Staff note" })}: ${note}` : "",
    `${say(lang, { vi: "Gửi ngày", en: "Filed on" })} ${dayOf(report.createdAt, lang)}`,
  ];
  return lines.filter(Boolean).join("\n");
}

/**
 * The message sent to the reporter when staff change the status (or add a note).
 *
 * @example statusNotice(report).text // "Cập nhật phản ánh PA-2026-0007: Đã xử lý.\nGhi chú của cán bộ: …"
 */
export function statusNotice(report: Report): Reply {
  const lang = report.language;
  const last = report.history.at(-1);
  const status = REPORT_STATUS_NAMES[report.status][lang];
  const lines = [
    say(lang, { vi: `Cập nhật phản ánh ${report.code} của bạn: ${status}.`, en: `Update on your report ${report.code}: ${status}.` }),
    last?.note ? `${say(lang, { vi: "Ghi chú của cán bộ", en: "Staff note" })}: ${last.note}` : "",
    say(lang, { vi: `Để xem lại, bạn nhắn “tra cứu ${report.code}”.`, en: `To check it again, write “status ${report.code}”.` }),
  ];
  return { text: lines.filter(Boolean).join("\n") };
}

/**
 * What a status notice is about, for the kinds allowed outside the window (a Zalo transaction message, a Messenger
 * utility template or the ACCOUNT_UPDATE tag): the facts a template is filled with — `code`, `status`, `note`.
 *
 * @example statusAbout(report).template.fields // [{ name: "code", value: "PA-2026-0007" }, { name: "status", value: "Đã xử lý" }, …]
 */
export function statusAbout(report: Report): NoticeAbout {
  const lang = report.language;
  const note = report.history.at(-1)?.note;
  return {
    purpose: "report_update",
    template: {
      language: lang,
      title: say(lang, { vi: `Phản ánh ${report.code}`, en: `Report ${report.code}` }),
      fields: [
        { name: "code", value: report.code },
        { name: "status", value: REPORT_STATUS_NAMES[report.status][lang] },
        // Templates take no empty parameter: a change without a note says so.
        { name: "note", value: note ?? say(lang, { vi: "không có ghi chú", en: "no note" }) },
      ],
    },
  };
}
