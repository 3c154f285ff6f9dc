/**
 * The console's list of reports: its query string read into filters and a sort, and the reports a user may see
 * for it (admins all; staff their unit's in their pack), filtered and sorted. Used by the list page and its CSV.
 */
import type { Request } from "express";
import { isOpen, REPORT_STATUSES, type Report, type ReportStatus } from "../../domain/report.js";
import { canSeeReport, isAdmin } from "../../web/auth/access.js";
import type { StaffUserView } from "../../web/auth/staff-users.js";
import { dayEnd, dayStart, isIsoDay } from "../../web/views/dates.js";
import type { ReportFilter, ReportService } from "./report-service.js";
import { deadlineState, type DeadlineRules } from "./deadline.js";

const SORTS = ["createdAt", "dueAt", "code", "status", "category", "unit", "pack"] as const;
const DUE_FILTERS = ["overdue", "due_soon", "open"] as const;
/** A column the list sorts by. */
export type Sort = (typeof SORTS)[number];

/** The list's query: filters, sort and direction. */
export interface ReportQuery {
  status?: ReportStatus;
  category?: string;
  unit?: string;
  pack?: string;
  from?: string;
  to?: string;
  /** Overdue, due soon (or overdue), or every open report. */
  due?: (typeof DUE_FILTERS)[number];
  /** "me", "none", or a username. */
  assignee?: string;
  sort: Sort;
  dir: "asc" | "desc";
}

/** Reads the list's query string, dropping values that are not valid. */
export function reportQuery(query: Request["query"]): ReportQuery {
  const str = (name: string) => (typeof query[name] === "string" && query[name] !== "" ? (query[name] as string) : undefined);
  const status = str("status");
  const sort = str("sort");
  return {
    status: status && (REPORT_STATUSES as readonly string[]).includes(status) ? (status as ReportStatus) : undefined,
    category: str("category"),
    unit: str("unit"),
    pack: str("pack"),
    from: isIsoDay(str("from")) ? str("from") : undefined,
    to: isIsoDay(str("to")) ? str("to") : undefined,
    due: (DUE_FILTERS as readonly string[]).includes(str("due") ?? "") ? (str("due") as ReportQuery["due"]) : undefined,
    assignee: str("assignee"),
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "createdAt",
    dir: str("dir") === "asc" ? "asc" : "desc",
  };
}

/** The reports a user may see for a query (staff are held to their unit whatever the query says); `clock` places deadlines. */
export async function visibleReports(
  service: ReportService,
  user: StaffUserView,
  query: ReportQuery,
  names: (r: Report) => { category: string; unit: string; pack: string },
  clock: { now: number; rules: DeadlineRules },
): Promise<Report[]> {
  const filter: ReportFilter = {
    status: query.status,
    categoryId: query.category,
    unitId: isAdmin(user) ? query.unit : user.unitId,
    packId: isAdmin(user) ? query.pack : user.packId,
    from: query.from ? dayStart(query.from) : undefined,
    to: query.to ? dayEnd(query.to) : undefined,
  };
  const assignee = query.assignee === "me" ? user.username : query.assignee;
  const due = (r: Report) => deadlineState(r, clock.now, clock.rules);
  const reports = (await service.list(filter))
    .filter((report) => canSeeReport(user, report))
    .filter((r) => !assignee || (assignee === "none" ? !r.assignee : r.assignee === assignee))
    .filter((r) => !query.due || (query.due === "open" ? isOpen(r) : query.due === "overdue" ? due(r) === "overdue" : due(r) === "overdue" || due(r) === "due_soon"));
  const key = (r: Report): string | number => {
    switch (query.sort) {
      case "createdAt":
        return r.createdAt;
      case "dueAt":
        // Closed reports (no deadline left) sort after every open one.
        return isOpen(r) && r.dueAt !== undefined ? r.dueAt : Number.MAX_SAFE_INTEGER;
      case "code":
        return r.code;
      case "status":
        return REPORT_STATUSES.indexOf(r.status);
      default:
        return names(r)[query.sort];
    }
  };
  const sign = query.dir === "asc" ? 1 : -1;
  return reports.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
    return sign * order || b.createdAt - a.createdAt;
  });
}
