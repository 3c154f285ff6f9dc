import { randomUUID } from "node:crypto";
import type { Store } from "../store/store.js";
import { subjectHash } from "./person-data.js";

/**
 * The log of what was done with people's data (exports, erasures), in the `privacy_audit` collection: who did it
 * (a staff user name, or "person" for a request made in chat), when, and a one-way hash of whose data it was.
 * The log itself holds nothing of the person, so erasing them leaves it intact and still accountable.
 */

export const PRIVACY_AUDIT = "privacy_audit";

export interface PrivacyAuditEntry {
  id: string;
  at: number;
  action: "export" | "erase";
  /** Staff user name, or "person" when the person asked in chat. */
  by: string;
  /** subjectHash(conversation key). */
  subject: string;
  /** Counts per collection, for erasures. */
  summary?: Record<string, { deleted: number; anonymised: number }>;
}

/** Appends one entry (durable). */
export async function recordPrivacyAction(store: Store, entry: Omit<PrivacyAuditEntry, "id" | "subject"> & { personKey: string }): Promise<PrivacyAuditEntry> {
  const { personKey, ...rest } = entry;
  const saved: PrivacyAuditEntry = { id: randomUUID(), subject: subjectHash(personKey), ...rest };
  await store.collection<PrivacyAuditEntry>(PRIVACY_AUDIT).set(saved.id, saved, { durable: true });
  return saved;
}

/** The log, newest first. */
export async function privacyLog(store: Store, limit = 200): Promise<PrivacyAuditEntry[]> {
  return (await store.collection<PrivacyAuditEntry>(PRIVACY_AUDIT).find()).sort((a, b) => b.at - a.at).slice(0, limit);
}
