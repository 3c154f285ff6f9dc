/**
 * What staff are told about (new report, registration, handoff, an undeliverable reply…): sent as a short
 * Zalo message to staff ids and as a signed JSON POST to STAFF_WEBHOOK_URL. See src/staff/.
 */
export interface StaffEvent {
  type: "report" | "registration" | "handoff" | "dead_letter" | ReportAlertType;
  /** Report or registration code, or the conversation key of a handoff. */
  ref: string;
  packId: string;
  /** Contact id of the unit concerned: STAFF_ROUTES sends the notice to that unit's staff. */
  unitId?: string;
  /** One line for a phone screen (no phone numbers of reporters). */
  summary: string;
  /** Path in the console, e.g. /admin/reports/PA-2026-0007. */
  consolePath: string;
  at: number;
  /** "urgent" for a report flagged urgent (harm happening now): the message starts with "KHẨN". */
  priority?: "urgent";
}

/**
 * Alerts about a report after it was filed (src/features/reports): its deadline is near, it is overdue, the reporter
 * reopened it or added to it, it was moved to another unit.
 */
export type ReportAlertType = "report_due_soon" | "report_overdue" | "report_reopened" | "report_added" | "report_transferred";

/** Tells staff; never throws into the caller (failures are retried and logged inside). */
export interface StaffNotifier {
  notify(event: StaffEvent): Promise<void>;
}

/**
 * Writes to a person outside an answer (status changes, reminders, staff replies), within the channel's
 * window; what cannot be sent now is kept and delivered when the person next writes.
 */
export interface PersonOutbox {
  send(
    person: import("./person.js").PersonRef,
    reply: import("../core/message.js").Reply,
    purpose: "update" | "staff",
    about?: NoticeAbout,
  ): Promise<"sent" | "kept">;
}

/**
 * What a notice is about, so that outside the window a kind the platforms allow for it may be used (src/reach): its
 * purpose ("report_update") and the facts a template is filled with. Without it a notice waits for the person.
 */
export interface NoticeAbout {
  purpose: "report_update" | "registration_update";
  template: import("../core/channel.js").TemplateContent;
}
