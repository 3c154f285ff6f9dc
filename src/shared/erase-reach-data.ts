import { KeptMessages } from "../reach/kept-messages.js";
import type { Store } from "../store/store.js";
import { SubscriptionService } from "./subscription-service.js";

/** The collection of announcement copies (src/features/announcements/announcement.ts DELIVERIES), named as stored data. */
const ANNOUNCEMENT_DELIVERIES = "announcement-deliveries";

/**
 * Erases what reminders and announcements keep about a person ("xóa dữ liệu của tôi"): their subscriptions (active and
 * ended), the messages kept for them ("chưa gửi được"), and their announcement copies (the announcement keeps only its
 * totals). For src/privacy's erasure to call with the person's conversation key.
 *
 * @example await eraseReachData(store, "zalo:579745863508352884:2512523625412515000") // { subscriptions: 2, kept: 1, deliveries: 3 }
 */
export async function eraseReachData(store: Store, personKey: string): Promise<{ subscriptions: number; kept: number; deliveries: number }> {
  const subscriptions = await new SubscriptionService({ store, now: Date.now }).eraseFor(personKey);
  const kept = await new KeptMessages(store).eraseFor(personKey);
  const copies = store.collection<{ id: string }>(ANNOUNCEMENT_DELIVERIES);
  const mine = await copies.find({ personKey });
  for (const copy of mine) await copies.delete(copy.id);
  return { subscriptions, kept, deliveries: mine.length };
}
