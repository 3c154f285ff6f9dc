/**
 * The OA's broadcast to its followers (Zalo "tin truyền thông broadcast"): one call sends an article the OA published
 * to its followers, optionally narrowed by region, age, gender or platform. The OA needs Zalo's broadcast permission
 * and a package whose quota allows it; the number per month is the OA's (ZALO_BROADCAST_MONTHLY_QUOTA). Implemented by
 * the Zalo channel (src/channels/zalo/broadcast.ts); given only when the deployment allows it (docs/announcements.md).
 */
export interface FollowerBroadcast {
  /** The channel whose followers get it ("zalo"). */
  readonly channel: string;
  /** How the console offers it to staff among the audiences, in Vietnamese (said by the channel). */
  readonly offer: string;
  /** Sends the article with this attachment id to the followers; resolves to the platform's message id. */
  broadcast(articleId: string): Promise<{ messageId?: string }>;
}
