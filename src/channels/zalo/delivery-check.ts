import type { Recipient } from "../../core/channel.js";
import type { Reply } from "../../core/message.js";
import { CLOCK_MARGIN_MS, judgeDelivery, type Delivered, type SeenMessage } from "../delivery-check.js";
import { renderForZalo } from "./render.js";
import type { Api, ConversationMessage, ZaloCsMessage } from "./sdk/index.js";

/** Pages of the conversation read at most (10 messages each, Zalo's largest page). */
const PAGES = 3;
const PAGE_SIZE = 10;

/**
 * Whether a reply whose send timed out shows in the OA's conversation with the person since `since` (see
 * src/channels/delivery-check.ts): reads the last messages (GET /v2.0/oa/conversation) back to the try, at most
 * {@link PAGES} pages. Undefined when Zalo refuses the read (an OA without the permission) or cannot tell.
 *
 * @example await zaloWasDelivered(api, { channel: "zalo", accountId: oaId, userId }, { text: "Chào bạn" }, since)
 */
export async function zaloWasDelivered(api: Api, to: Recipient, reply: Reply, since: number, options: { contactCardImageUrl?: string } = {}): Promise<Delivered> {
  const parts = renderForZalo(reply, options).map(textOf);
  const seen: SeenMessage[] = [];
  let covered = false;
  for (let page = 0; page < PAGES && !covered; page++) {
    const rows = await api.getConversation(to.userId, page * PAGE_SIZE, PAGE_SIZE);
    seen.push(...rows.map((row) => seenMessage(row, to.userId)));
    // The listing reaches back to the try once it holds an older message, or holds everything there is.
    covered = rows.length < PAGE_SIZE || rows.some((row) => Number(row.time) < since - CLOCK_MARGIN_MS);
  }
  return judgeDelivery(parts, seen, since, covered);
}

function seenMessage(row: ConversationMessage, userId: string): SeenMessage {
  // `to_id` names the person when the OA sent it; `src` 0 says the same where the ids are missing.
  const fromUs = row.to_id !== undefined && row.to_id !== null ? String(row.to_id) === userId : Number(row.src) === 0;
  return { fromUs, at: Number(row.time) || 0, text: typeof row.message === "string" ? row.message : undefined };
}

/** The text Zalo lists for a sent message: a text's, or the text above buttons. */
function textOf(message: ZaloCsMessage): string | undefined {
  return "text" in message && typeof message.text === "string" ? message.text : undefined;
}
