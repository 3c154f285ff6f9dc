import type { Recipient } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { CLOCK_MARGIN_MS, judgeDelivery, type Delivered } from "../delivery-check.js";
import type { ConversationMessage, GraphClient } from "./graph/client.js";
import { renderForMessenger } from "./render.js";

/** Messages of the conversation read (the newest). */
const LIMIT = 25;

/**
 * Whether a reply whose send timed out shows in the page's conversation with the person since `since` (see
 * src/channels/delivery-check.ts): reads the newest messages through the Conversations API
 * (`/me/conversations?platform=messenger&user_id=<PSID>`). Undefined when Graph refuses the read (the app lacks
 * access to the Conversations API) or cannot tell.
 *
 * @example await messengerWasDelivered(graph, { channel: "messenger", accountId: pageId, userId: psid }, { text: "Chào bạn" }, since)
 */
export async function messengerWasDelivered(graph: GraphClient, to: Recipient, reply: Reply, since: number): Promise<Delivered> {
  const parts = renderForMessenger(reply).map((message) => ("text" in message && typeof message.text === "string" ? message.text : undefined));
  const rows = await graph.getConversationMessages(to.userId, LIMIT);
  const seen = rows.map((row) => ({ fromUs: fromPage(row, to), at: Date.parse(row.created_time ?? "") || 0, text: row.message }));
  // Fewer than asked: that is the whole conversation; otherwise it must reach back past the try.
  const covered = rows.length < LIMIT || seen.some((message) => message.at < since - CLOCK_MARGIN_MS);
  return judgeDelivery(parts, seen, since, covered);
}

/** Sent by the page: from the page's id, or from anyone but the person. */
function fromPage(row: ConversationMessage, to: Recipient): boolean {
  const from = row.from?.id;
  return from === to.accountId || (from !== undefined && from !== to.userId);
}
