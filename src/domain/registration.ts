import type { PersonRef } from "./person.js";

/** The collection registrations are kept in, by code (the status lookup of reports reads it too). */
export const REGISTRATIONS = "registrations";

/** A registration for a Quan họ or craft class, stored in `registrations` by its code. */
export interface Registration {
  /** LH-<year>-<sequence>, e.g. LH-2026-0003. */
  code: string;
  packId: string;
  classId: string;
  fullName: string;
  phone: string;
  child?: { name: string; age: number };
  /** `waiting`: the class was full; staff move people up. */
  status: "registered" | "waiting" | "cancelled";
  /** ISO dates of sessions the person attended (marked by staff). */
  attendance: string[];
  person: PersonRef;
  /**
   * When the person agreed that `phone` may also carry this class's confirmation and reminder outside their
   * channel's window (a Zalo ZNS; asked only where configured). Absent: the phone is only for staff to call.
   */
  phoneNoticeConsentAt?: number;
  language: "vi" | "en";
  createdAt: number;
  /** Set when the day-before reminder was sent (or kept for later delivery). */
  reminderSentAt?: number;
  /** Set when the reminder could no longer arrive before the class (never sent; counted, shown in the console). */
  reminderDroppedAt?: number;
  /** Staff moved the person from the waiting list into the class (the confirmation was sent or kept). */
  admittedAt?: number;
}
