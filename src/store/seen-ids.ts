/**
 * Where a store remembers inbound event ids (Store.markSeen): PostgreSQL by default,
 * Redis when REDIS_URL is set (src/store/redis/redis-seen-ids.ts).
 */
export interface SeenIds {
  /** True the first time an id is seen, false for a repeat within the retention. */
  markSeen(eventId: string): Promise<boolean>;
  close?(): Promise<void>;
}
