import { localInstant, OFFICE_OPENS_MINUTE, subtractWorkingDays, vietnamDateOf, workingDeadline, type OfficeOptions } from "../../calendar/index.js";
import type { Config } from "../../config.js";
import type { ContentPack } from "../../content/index.js";
import { isOpen, type Report } from "../../domain/report.js";
import { fold, normalize } from "../../nlu/index.js";

/**
 * A report's priority and deadline, from its category's content data (report-categories.yaml: `deadlineDays`,
 * `priority`, `urgentKeywords`, `urgentDeadlineDays`) with the configuration's defaults. Deadlines count working
 * days (src/calendar/working-days.ts: weekends, public holidays and OFFICE_CLOSED_DAYS do not count) and end at
 * 17:00 of the last one.
 *
 * @example const rules = deadlineRules(config); deadlineOf(pack, "relic-harm", "Có người đang đập phá bia đá", at, rules)
 * // { priority: "urgent", urgentBecause: "dang dap pha", dueAt: <17:00 the next working day> }
 */

/** What deadlines are computed with. */
export interface DeadlineRules {
  defaultDays: number;
  urgentDays: number;
  /** Working days before the due day when staff get the "due soon" alert (at office opening). */
  dueSoonDays: number;
  office: OfficeOptions;
}

/** The rules from the configuration. */
export function deadlineRules(config: Pick<Config, "REPORT_DEADLINE_DAYS" | "REPORT_URGENT_DEADLINE_DAYS" | "REPORT_DUE_SOON_DAYS" | "OFFICE_CLOSED_DAYS">): DeadlineRules {
  return {
    defaultDays: config.REPORT_DEADLINE_DAYS,
    urgentDays: config.REPORT_URGENT_DEADLINE_DAYS,
    dueSoonDays: config.REPORT_DUE_SOON_DAYS,
    office: { closedDays: config.OFFICE_CLOSED_DAYS },
  };
}

/** Priority, the reason for it, and the deadline of a report. */
export interface Deadline {
  priority: "normal" | "urgent";
  urgentBecause?: string;
  dueAt: number;
}

/** Whether the description makes the report urgent: the category's urgent words (whole words, with or without diacritics). */
export function urgentWords(pack: ContentPack | undefined, categoryId: string, description: string): string | undefined {
  const category = pack?.category(categoryId);
  if (!category) return undefined;
  const folded = ` ${normalize(description).folded} `;
  return category.urgentKeywords.map((word) => fold(word).trim()).find((key) => key && folded.includes(` ${key} `));
}

/** The priority and deadline of a report of `categoryId` described as `description`, received at `receivedAt`. */
export function deadlineOf(pack: ContentPack | undefined, categoryId: string, description: string, receivedAt: number, rules: DeadlineRules): Deadline {
  const category = pack?.category(categoryId);
  const words = urgentWords(pack, categoryId, description);
  const urgent = category?.priority === "urgent" || words !== undefined;
  const days = urgent ? (category?.urgentDeadlineDays ?? rules.urgentDays) : (category?.deadlineDays ?? rules.defaultDays);
  return {
    priority: urgent ? "urgent" : "normal",
    ...(urgent ? { urgentBecause: words ? `“${words}”` : "loại việc khẩn" } : {}),
    dueAt: workingDeadline(receivedAt, days, rules.office),
  };
}

/** When the "due soon" alert goes: office opening, `dueSoonDays` working days before the due day. */
export function dueSoonAt(dueAt: number, rules: DeadlineRules): number {
  return localInstant(subtractWorkingDays(vietnamDateOf(dueAt), rules.dueSoonDays, rules.office), OFFICE_OPENS_MINUTE);
}

/** Where an open report stands against its deadline at `now`; undefined when it is closed or has none. */
export function deadlineState(report: Pick<Report, "status" | "dueAt">, now: number, rules: DeadlineRules): "overdue" | "due_soon" | "on_time" | undefined {
  if (!isOpen(report) || report.dueAt === undefined) return undefined;
  if (now > report.dueAt) return "overdue";
  return now >= dueSoonAt(report.dueAt, rules) ? "due_soon" : "on_time";
}
