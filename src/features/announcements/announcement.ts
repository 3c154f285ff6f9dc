import type { PersonRef } from "../../domain/person.js";
import type { Language } from "../../shared/bilingual.js";

/**
 * An announcement staff write in the console (a festival, a class opening, a notice) and send to an audience of one
 * pack: the people subscribed to a topic, everyone who may be reached, or (Zalo, where the OA is allowed) the OA's
 * broadcast to its followers. Each recipient gets one delivery record with one final result.
 */

/** Who gets it. */
export type Audience =
  /** People subscribed to a topic key ("festival:hoi-lim", "class:quan_ho"). */
  | { kind: "topic"; topicKey: string }
  /** Everyone who wrote to the pack's accounts and whose channel window is open now. */
  | { kind: "reachable" }
  /** Everyone who ever wrote to the pack's accounts: those outside the window get it with their next message. */
  | { kind: "everyone" }
  /** The OA's broadcast to followers (an article the OA published), where the OA is allowed (ZALO_BROADCAST_*). */
  | { kind: "broadcast"; articleId: string };

/** One announcement (collection `announcements`). */
export interface Announcement {
  /** "TB-2026-0001". */
  id: string;
  packId: string;
  kind: "festival" | "class" | "notice";
  title: string;
  text: string;
  /** English text for people who write English (optional; Vietnamese otherwise). */
  textEn?: string;
  /** Chinese and Korean texts (optional): without one, a zh/ko reader gets the English text, else the Vietnamese, under a line in their language saying so (deliver-one.ts). */
  textZh?: string;
  textKo?: string;
  audience: Audience;
  /** After this instant, copies kept for a person's next message are not delivered any more. */
  validUntil?: number;
  status: "draft" | "sending" | "done";
  createdBy: string;
  createdAt: number;
  sentAt?: number;
  doneAt?: number;
  /** Final results, filled when it is done (the console counts live records while it is sending). */
  totals?: DeliveryTotals;
  /** Broadcast: the platform's message id, or why it was not sent. */
  broadcast?: { messageId?: string; error?: string };
  revision?: number;
}

/** One recipient's delivery (collection `announcement-deliveries`). */
export interface Delivery {
  /** `${announcementId}|${personKey}`: one per recipient, so a resumed run never makes a second. */
  id: string;
  announcementId: string;
  personKey: string;
  person: PersonRef;
  language: Language;
  /** queued → sending → sent | kept | failed. */
  status: "queued" | "sending" | "sent" | "kept" | "failed";
  attempts: number;
  nextAttemptAt: number;
  /** Why it was kept or failed. */
  detail?: string;
  settledAt?: number;
  revision?: number;
}

/** Counts by result. */
export type DeliveryTotals = Record<Delivery["status"], number>;

export const ANNOUNCEMENTS = "announcements";
export const DELIVERIES = "announcement-deliveries";

/** A delivery's id. */
export function deliveryId(announcementId: string, personKey: string): string {
  return `${announcementId}|${personKey}`;
}

/** Totals of a list of deliveries. */
export function totalsOf(deliveries: Delivery[]): DeliveryTotals {
  const totals: DeliveryTotals = { queued: 0, sending: 0, sent: 0, kept: 0, failed: 0 };
  for (const delivery of deliveries) totals[delivery.status]++;
  return totals;
}
