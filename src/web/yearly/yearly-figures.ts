/**
 * The figures of a locality's yearly report (the plans ask for results each year: by 15/10 for Võ Cường, 25/10 for
 * Tân An): questions answered, reports by category and outcome, classes and participants, content published.
 * One structure feeds both the printable page and the CSV.
 *
 * @example const figures = await yearlyFigures(deps, "vo-cuong", 2026);
 */
import type { ContentPack } from "../../content/index.js";
import { REPORT_STATUSES, REPORT_STATUS_NAMES, type Report } from "../../domain/report.js";
import type { Registration } from "../../domain/registration.js";
import { answeredShare, countBy, isQuestion, reportMatrix, reportOutcomes, share as shareOf } from "../analytics/analytics-queries.js";
import { formatDuration } from "../views/format.js";
import { loadPeriod } from "../analytics/analytics-routes.js";
import { addDaysIso, dayEnd, dayStart } from "../views/dates.js";
import type { WebDeps } from "../web-deps.js";
import type { ContentChange } from "./content-changes.js";
import { reportDeadline } from "./deadlines.js";

/** A table of the report: a title, column heads and rows. */
export interface FigureTable {
  title: string;
  head: string[];
  rows: (string | number)[][];
}

/** Everything the yearly report shows. */
export interface YearlyFigures {
  pack: ContentPack;
  year: number;
  from: string;
  to: string;
  deadline?: { day: string; source: string };
  summary: { label: string; value: string | number }[];
  tables: FigureTable[];
}

/**
 * The period a year's report covers: the twelve months up to the plan's deadline (the day after last year's
 * deadline to this year's, so no day falls between two reports), or the calendar year when the plan sets none.
 */
export function yearlyPeriod(packId: string, year: number): { from: string; to: string; deadline?: { day: string; source: string } } {
  const deadline = reportDeadline(packId, year);
  const previous = reportDeadline(packId, year - 1);
  if (!deadline || !previous) return { from: `${year}-01-01`, to: `${year}-12-31` };
  return { from: addDaysIso(previous.day, 1), to: deadline.day, deadline };
}

/**
 * The report year whose period holds `today`: after this year's deadline (16/10 onwards for Võ Cường) the
 * period running now is next year's report.
 *
 * @example currentReportYear("vo-cuong", "2026-11-25") // 2027 (period 16/10/2026 → 15/10/2027)
 */
export function currentReportYear(packId: string, today: string): number {
  const year = Number(today.slice(0, 4));
  return today > yearlyPeriod(packId, year).to ? year + 1 : year;
}

/** Computes a pack's figures for a year. */
export async function yearlyFigures(deps: WebDeps, pack: ContentPack, year: number): Promise<YearlyFigures> {
  const { from, to, deadline } = yearlyPeriod(pack.id, year);
  const { events, reports } = await loadPeriod(deps, { from, to, packId: pack.id });
  const inPeriod = (at: number) => at >= dayStart(from) && at <= dayEnd(to);
  const registrations = (await deps.services.store.collection<Registration>("registrations").find({ packId: pack.id })).filter((r) => inPeriod(r.createdAt));
  const changes = (await deps.services.store.collection<ContentChange>("content_changes").find({ packId: pack.id })).filter((c) => inPeriod(c.at));

  const share = answeredShare(events);
  const outcomes = reportOutcomes(reports, deps.services.now());
  const resolved = (r: Report) => r.status === "resolved";
  const categoryName = (id: string) => pack.category(id)?.names.vi ?? id;

  const classRows = pack.classes.map((c) => {
    const mine = registrations.filter((r) => r.classId === c.id);
    const registered = mine.filter((r) => r.status === "registered");
    const attended = registered.filter((r) => r.attendance.length > 0);
    const sessions = new Set(registered.flatMap((r) => r.attendance));
    return [c.title.vi, registered.length, mine.filter((r) => r.status === "waiting").length, attended.length, sessions.size, registered.reduce((n, r) => n + r.attendance.length, 0)];
  });

  const changeCount = (action: ContentChange["action"]) => changes.filter((c) => c.action === action).length;
  const fileNames: Record<string, string> = { festivals: "Lễ hội", heritage: "Di tích, di sản", classes: "Lớp học", contacts: "Đơn vị liên hệ" };

  return {
    pack,
    year,
    from,
    to,
    deadline,
    summary: [
      { label: "Tin nhắn người dân gửi", value: events.length },
      { label: "Câu hỏi bot trả lời được", value: share.answered },
      { label: "Tỉ lệ trả lời được", value: share.total ? `${Math.round((share.answered / share.total) * 100)}%` : "—" },
      { label: "Phản ánh tiếp nhận", value: reports.length },
      { label: "Phản ánh đã xử lý", value: reports.filter(resolved).length },
      { label: "Thời gian xử lý phản ánh (trung vị)", value: outcomes.medianResolveMs === undefined ? "—" : formatDuration(outcomes.medianResolveMs) },
      { label: "Tỉ lệ phản ánh quá hạn", value: shareOf(outcomes.overdue, outcomes.withDeadline) },
      { label: "Mức hài lòng của người phản ánh (1–5)", value: outcomes.averageScore === undefined ? "—" : outcomes.averageScore.toFixed(1).replace(".", ",") },
      { label: "Lượt đánh giá hài lòng", value: outcomes.rated },
      { label: "Lượt đăng ký lớp học", value: registrations.filter((r) => r.status === "registered").length },
      { label: "Người tham gia lớp (có điểm danh)", value: registrations.filter((r) => r.status === "registered" && r.attendance.length > 0).length },
      { label: "Nội dung đang công bố (lễ hội, di sản, lớp, đơn vị)", value: pack.festivals.length + pack.heritage.length + pack.classes.length + pack.contacts.length },
      { label: "Lượt cập nhật nội dung trong năm", value: changes.length },
    ],
    tables: [
      {
        title: "Câu hỏi theo kênh",
        head: ["Kênh", "Tin nhắn", "Trả lời được"],
        rows: countBy(events, (e) => e.channel).map(({ key, count }) => [deps.services.channels.label(key), count, events.filter((e) => e.channel === key && e.answered && isQuestion(e)).length]),
      },
      {
        title: "Phản ánh theo loại và kết quả",
        head: ["Loại vi phạm", ...REPORT_STATUSES.map((s) => REPORT_STATUS_NAMES[s].vi), "Tổng"],
        rows: reportMatrix(reports).map((m) => [categoryName(m.categoryId), ...REPORT_STATUSES.map((s) => m.byStatus[s] ?? 0), m.total]),
      },
      {
        title: "Lớp học và người tham gia",
        head: ["Lớp", "Đã đăng ký", "Danh sách chờ", "Người có điểm danh", "Số buổi", "Lượt có mặt"],
        rows: classRows,
      },
      {
        title: "Nội dung công bố",
        head: ["Loại", "Đang công bố", "Thêm mới trong năm", "Cập nhật trong năm"],
        rows: (["festivals", "heritage", "classes", "contacts"] as const).map((file) => [
          fileNames[file],
          pack[file].length,
          changes.filter((c) => c.file === file && c.action === "created").length,
          changes.filter((c) => c.file === file && c.action === "saved").length,
        ]),
      },
    ].concat(changeCount("removed") ? [{ title: "Nội dung gỡ bỏ", head: ["Số mục gỡ bỏ"], rows: [[changeCount("removed")]] }] : []),
  };
}
