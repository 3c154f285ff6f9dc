import type { PersonRef } from "./person.js";

/** A conversation handed to staff, stored in `handoffs` by the conversation key. */
export interface Handoff {
  key: string;
  person: PersonRef;
  packId: string;
  /** Unit the handoff is routed to (a contact id), when known (e.g. from an open report). */
  unitId?: string;
  reason: "asked" | "menu" | "misunderstood";
  status: "open" | "released" | "expired" | "ended_by_person";
  openedAt: number;
  firstStaffReplyAt?: number;
  lastStaffReplyAt?: number;
  closedAt?: number;
}
