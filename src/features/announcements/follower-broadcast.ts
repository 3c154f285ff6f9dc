/**
 * The OA's broadcast to its followers (Zalo "tin truyền thông broadcast"): one call sends an article the OA published
 * to its followers, optionally narrowed by region, age, gender or platform. The OA needs Zalo's broadcast permission
 * and a package whose quota allows it; the number per month is the OA's (ZALO_BROADCAST_MONTHLY_QUOTA). Implemented by
 * the Zalo channel (src/channels/zalo/broadcast.ts); off unless ZALO_BROADCAST_ENABLED=true.
 */
export interface FollowerBroadcast {
  /** The channel whose followers get it ("zalo"). */
  readonly channel: string;
  /** Sends the article with this attachment id to the followers; resolves to the platform's message id. */
  broadcast(articleId: string): Promise<{ messageId?: string }>;
}
