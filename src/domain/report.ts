import type { Attachment, GeoLocation } from "../core/message.js";
import type { EvidenceMedia } from "../media/media-record.js";
import type { PersonRef } from "./person.js";

/**
 * A report of a cultural violation (phản ánh), stored in the `reports` collection by its code.
 */

/** Đã tiếp nhận, Đang xử lý, Đã mở lại (the reporter said it is not fixed), Đã xử lý, Không thuộc thẩm quyền, Trùng lặp. */
export const REPORT_STATUSES = ["received", "in_progress", "reopened", "resolved", "not_competent", "duplicate"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The statuses of a report still being handled: it has a deadline, can be overdue, can be followed. */
export const OPEN_STATUSES: readonly ReportStatus[] = ["received", "in_progress", "reopened"];

/** Whether a report is still being handled. */
export function isOpen(report: Pick<Report, "status">): boolean {
  return OPEN_STATUSES.includes(report.status);
}

/** How each status reads to a person. */
export const REPORT_STATUS_NAMES: Record<ReportStatus, { vi: string; en: string }> = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  in_progress: { vi: "Đang xử lý", en: "In progress" },
  reopened: { vi: "Đã mở lại", en: "Reopened" },
  resolved: { vi: "Đã xử lý", en: "Resolved" },
  not_competent: { vi: "Không thuộc thẩm quyền", en: "Outside our competence" },
  duplicate: { vi: "Trùng lặp", en: "Duplicate" },
};

export interface ReportHistoryEntry {
  at: number;
  status: ReportStatus;
  note?: string;
  /** Staff user name, "bot", or "reporter" (the reporter reopened it). */
  by: string;
}

/** A note staff keep on a report for each other: never sent or shown to the reporter. */
export interface InternalNote {
  at: number;
  by: string;
  text: string;
}

/** Something the reporter (or a follower) added later ("bổ sung PA-2026-0007"): words and/or files. */
export interface ReportAddition {
  at: number;
  from: "reporter" | "follower";
  text?: string;
  /** Indexes in `evidence` of the files that came with it. */
  evidence: number[];
}

/** What staff did besides changing the status, for the console's history. */
export interface ReportActivity {
  at: number;
  by: string;
  kind: "transfer" | "assign";
  /** Transfer: the unit before and after; assign: the staff user (empty when unassigned). */
  from?: string;
  to: string;
}

/** The reporter's rating of how it was handled, asked when it is resolved. */
export interface ReportRating {
  score: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  at: number;
}

/** A photo, file or link sent as evidence; `media` tells whether the bot kept a copy (src/media). */
export type EvidenceItem = Attachment & { media?: EvidenceMedia };

export interface Report {
  /** PA-<year>-<sequence of at least 4 digits>, e.g. PA-2026-0007. */
  code: string;
  packId: string;
  categoryId: string;
  /** Contact id of the unit responsible for the category (routing). */
  unitId: string;
  description: string;
  place?: { text?: string; location?: GeoLocation };
  happened?: { text: string; date?: string };
  evidence: EvidenceItem[];
  contact: { anonymous: true } | { anonymous: false; name: string; phone: string };
  reporter: PersonRef;
  language: "vi" | "en";
  status: ReportStatus;
  history: ReportHistoryEntry[];
  /** Codes of reports that look the same, for staff; never merged automatically. */
  possibleDuplicates: string[];
  createdAt: number;
  updatedAt: number;
  /** "urgent": the category always is, or its urgent words were in the description (harm happening now). */
  priority?: "normal" | "urgent";
  /** Why it is urgent, for staff: "loại việc" or the words found ("đang đập phá"). */
  urgentBecause?: string;
  /** When staff must have settled it: 17:00 on its last working day (src/features/reports/deadline.ts). */
  dueAt?: number;
  /** Deadline alerts sent to staff for the current `dueAt` (when each went). */
  alerted?: { dueSoon?: number; overdue?: number };
  /** The staff user (console username) handling it. */
  assignee?: string;
  /** Staff's notes to each other; never sent or shown to the reporter. */
  internalNotes?: InternalNote[];
  /** What the reporter or followers added later. */
  additions?: ReportAddition[];
  /** People who were about to report the same matter and chose to follow this one: told of its status changes. */
  followers?: PersonRef[];
  /** Transfers and assignments. */
  activity?: ReportActivity[];
  /** The reporter's rating once resolved (the latest one counts). */
  rating?: ReportRating;
  /** Set when the reporter erased their data: contact and reporter were replaced (docs/privacy.md). */
  anonymisedAt?: number;
}
