import type { Api } from "./sdk/index.js";

/**
 * The OA's broadcast to its followers ("tin truyền thông broadcast"): an article the OA has published is sent to every
 * follower, or to those of some regions, ages, gender or platforms. Only OAs Zalo has granted broadcasting may use it,
 * within their package's monthly number (docs/announcements.md). Structurally a FollowerBroadcast
 * (src/features/announcements/follower-broadcast.ts), given to the announcements by the composition root.
 *
 * @example const broadcast = zaloFollowerBroadcast(zalo.api); await broadcast.broadcast("bd5ea51f8f4a6614ff5b");
 */
export function zaloFollowerBroadcast(api: Pick<Api, "sendBroadcast">, target: Record<string, string> = {}) {
  return {
    channel: "zalo",
    offer: "Broadcast Zalo OA tới người quan tâm (cần bài viết đã đăng)",
    async broadcast(articleId: string): Promise<{ messageId?: string }> {
      return { messageId: (await api.sendBroadcast(articleId, target)).message_id };
    },
  };
}
