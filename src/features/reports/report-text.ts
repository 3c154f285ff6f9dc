import { formatDate, vietnamDateOf } from "../../calendar/index.js";
import { say } from "../../shared/bilingual.js";
import type { Reply } from "../../core/message.js";
import { REPORT_STATUS_NAMES, type Report } from "../../domain/report.js";
import type { ContentPack } from "../../content/index.js";
import { RATE } from "./follow-up-payloads.js";
import texts from "./lifecycle-texts.json" with { type: "json" };
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
 * The status card: code, category, status with its date, the last staff note (for the reporter, not a follower),
 * the date it was filed.
 *
 * @example statusCard(report, pack, "vi")
 * // "Phản ánh PA-2026-0007 (Xâm hại di tích)\nTrạng thái: Đang xử lý (cập nhật 26/11/2026)\nGhi chú của cán bộ: …\nGửi ngày 25/11/2026"
 */
export function statusCard(report: Report, pack: ContentPack | undefined, lang: Lang, as: "reporter" | "follower" = "reporter"): string {
  const last = report.history.at(-1);
  // Staff notes are written to the reporter; a follower sees the status only.
  const note = as === "reporter" ? [...report.history].reverse().find((entry) => entry.note)?.note : undefined;
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
 * The message sent to the reporter when staff change the status (or add a note for them). "Đã xử lý" also asks for
 * a 1–5 rating (buttons) and says how to reopen it within 7 days.
 *
 * @example statusNotice(report).text // "Cập nhật phản ánh PA-2026-0007 của bạn: Đã xử lý.\nGhi chú của cán bộ: …"
 */
export function statusNotice(report: Report): Reply {
  const lang = report.language;
  const last = report.history.at(-1);
  const values = { code: report.code, status: REPORT_STATUS_NAMES[report.status][lang] };
  const resolved = report.status === "resolved";
  const lines = [
    say(lang, texts.statusUpdate, values),
    last?.note ? `${say(lang, texts.staffNote)}: ${last.note}` : "",
    resolved ? say(lang, texts.askRating) : "",
    resolved ? say(lang, texts.reopenHint, values) : say(lang, texts.checkAgain, values),
  ];
  const reply: Reply = { text: lines.filter(Boolean).join("\n") };
  if (resolved) reply.choices = ([1, 2, 3, 4, 5] as const).map((n) => ({ title: `${n} ★`, payload: RATE.of(`${report.code}:${n}`) }));
  return reply;
}

/** What the people following a report are told of a status change: the status only (staff notes are for the reporter). */
export function followerNotice(report: Report): Reply {
  const lang = report.language;
  return { text: [say(lang, texts.followerUpdate, { code: report.code, status: REPORT_STATUS_NAMES[report.status][lang] }), say(lang, texts.checkAgain, { code: report.code })].join("\n") };
}

/** What the reporter is told when their report moves to another unit. */
export function transferNotice(report: Report, unitName: string): Reply {
  return { text: say(report.language, texts.transferred, { code: report.code, unit: unitName }) };
}

/** A unit's (contact's) name in `lang`. */
export function unitName(pack: ContentPack | undefined, unitId: string, lang: Lang): string {
  const unit = pack?.contact(unitId);
  if (!unit) return say(lang, { vi: "đơn vị phụ trách", en: "the responsible unit" });
  return lang === "en" ? (unit.names.en ?? unit.names.vi) : unit.names.vi;
}

/**
 * What a status notice is about, for the kinds allowed outside the window (a Zalo transaction message, a Messenger
 * utility template or the ACCOUNT_UPDATE tag): the facts a template is filled with — `code`, `status`, `note` (the
 * staff note for the reporter; none for a follower; what happened for a transfer).
 *
 * @example statusAbout(report).template.fields // [{ name: "code", value: "PA-2026-0007" }, { name: "status", value: "Đã xử lý" }, …]
 */
export function statusAbout(report: Report, to: "reporter" | "follower" = "reporter", note = to === "reporter" ? report.history.at(-1)?.note : undefined): NoticeAbout {
  const lang = report.language;
  // A follower is not told the staff note (it is written to the reporter); a transfer's note names the new unit.
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
