import type { Attachment, GeoLocation } from "../core/message.js";
import type { EvidenceMedia } from "../media/media-record.js";
import type { PersonRef } from "./person.js";

/**
 * A report of a cultural violation (phản ánh), stored in the `reports` collection by its code.
 */

/** Đã tiếp nhận, Đang xử lý, Đã xử lý, Không thuộc thẩm quyền, Trùng lặp. */
export const REPORT_STATUSES = ["received", "in_progress", "resolved", "not_competent", "duplicate"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** How each status reads to a person. */
export const REPORT_STATUS_NAMES: Record<ReportStatus, { vi: string; en: string }> = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  in_progress: { vi: "Đang xử lý", en: "In progress" },
  resolved: { vi: "Đã xử lý", en: "Resolved" },
  not_competent: { vi: "Không thuộc thẩm quyền", en: "Outside our competence" },
  duplicate: { vi: "Trùng lặp", en: "Duplicate" },
};

export interface ReportHistoryEntry {
  at: number;
  status: ReportStatus;
  note?: string;
  /** Staff user name, or "bot". */
  by: string;
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
  /** Set when the reporter erased their data: contact and reporter were replaced (docs/privacy.md). */
  anonymisedAt?: number;
}
