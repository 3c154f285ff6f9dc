/**
 * The OA's broadcast to its followers ("tin truyền thông broadcast", POST /v2.0/oa/message with a `target` instead of a
 * user): it sends an article the OA has published (its attachment id) to every follower, or to those of some regions,
 * ages, gender or platforms. Only OAs Zalo has granted broadcasting may use it, within their package's monthly number
 * (docs/announcements.md). Structurally a FollowerBroadcast (src/features/announcements/follower-broadcast.ts).
 *
 * @example const broadcast = zaloFollowerBroadcast((path, body) => api.client.call({ method: "POST", path, body }));
 * await broadcast.broadcast("bd5ea51f8f4a6614ff5b"); // { messageId: "…" }
 */
export function zaloFollowerBroadcast(post: (path: string, body: unknown) => Promise<unknown>, target: Record<string, string> = {}) {
  return {
    channel: "zalo",
    async broadcast(articleId: string): Promise<{ messageId?: string }> {
      const response = (await post("/v2.0/oa/message", {
        recipient: { target },
        message: { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "article", attachment_id: articleId }] } } },
      })) as { data?: { message_id?: string } } | undefined;
      return { messageId: response?.data?.message_id };
    },
  };
}
