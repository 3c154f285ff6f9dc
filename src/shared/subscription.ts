import type { PersonRef } from "../domain/person.js";
import type { Language } from "./bilingual.js";

/**
 * A reminder a person asked for: a festival ("nhắc tôi trước hội Lim 5 ngày") or new classes of a kind ("báo cho tôi
 * khi có lớp quan họ mới"). What is kept is only what the reminder needs: the person's channel id (to write to them),
 * their language, the topic and the number of days; nothing else of them. It lasts until they end it ("hủy nhắc",
 * the button) or erase their data.
 */

/** What a subscription is about. */
export type SubscriptionTopic =
  | { kind: "festival"; festivalId: string }
  | { kind: "class-topic"; classKind: "quan_ho" | "craft" };

/** One subscription (collection `subscriptions`). */
export interface Subscription {
  /** Short id, also the end button's payload: "NH-7K2Q9C". */
  id: string;
  personKey: string;
  person: PersonRef;
  packId: string;
  /** The language the reminders are written in (records from before Chinese and Korean hold "vi" or "en"). */
  language: Language;
  topic: SubscriptionTopic;
  /** "festival:hoi-lim" or "class:quan_ho": what announcements and the class-opening notice look up. */
  topicKey: string;
  /** Festivals: how many days before the first day the reminder comes (default REMINDER_DAYS_BEFORE, 3). */
  daysBefore?: number;
  status: "active" | "ended";
  createdAt: number;
  endedAt?: number;
  /** Festivals: first days (YYYY-MM-DD) of the occurrences already reminded; classes: ids of classes announced. */
  notified: string[];
  revision?: number;
}

/** The collection. */
export const SUBSCRIPTIONS = "subscriptions";

/** The topic key of a topic. */
export function topicKey(topic: SubscriptionTopic): string {
  return topic.kind === "festival" ? `festival:${topic.festivalId}` : `class:${topic.classKind}`;
}
