import type { PersonRef } from "./person.js";

/** A conversation handed to staff, stored in `handoffs` by the conversation key. */
export interface Handoff {
  key: string;
  person: PersonRef;
  packId: string;
  /** Unit the handoff is routed to (a contact id), when known (e.g. from an open report). */
  unitId?: string;
  /**
   * asked / menu / misunderstood: the person asked (or the bot gave up); platform_inbox: a staff member answered the
   * person from the platform's own inbox (the OA chat, the Page inbox), which pauses the bot (src/features/handoff).
   */
  reason: "asked" | "menu" | "misunderstood" | "platform_inbox";
  status: "open" | "released" | "expired" | "ended_by_person";
  openedAt: number;
  firstStaffReplyAt?: number;
  lastStaffReplyAt?: number;
  closedAt?: number;
}
