import type { Logger } from "pino";
import type { Inbox } from "../../core/inbox.js";
import { OwnSends } from "../own-sends.js";
import { GraphClient, graphRetry } from "./graph/client.js";
import { MessengerOutbound, type MessengerReachOptions } from "./outbound.js";
import { messengerWebhookRouter } from "./webhook.js";

export { GraphClient, graphRetry } from "./graph/client.js";
export { GraphApiError, GraphHttpError } from "./graph/errors.js";
export type { MessageTag, SendKind, UtilityTemplate } from "./graph/send-types.js";
export { MESSENGER_WINDOW, MessengerOutbound, type MessengerReachOptions } from "./outbound.js";
export { renderForMessenger } from "./render.js";
export { MESSENGER_LABEL } from "./label.js";

export interface MessengerChannelOptions extends MessengerReachOptions {
  graphBase: string;
  graphVersion: string;
  appSecret: string;
  verifyToken?: string;
  pageAccessToken: string;
  /** FB_APP_ID: the echoes of the bot's own messages carry it. */
  appId?: string;
  /** Where the ids of sent messages are kept when instances must share them (scaled out); in memory otherwise. */
  sentIds?: { markSeen(id: string): Promise<boolean> };
  inbox: Inbox;
  logger: Logger;
  retry: { attempts: number; baseMs: number };
  timeoutMs?: number;
  /** The clock the 24-hour window is counted with (tests pass a fixed one). */
  now?: () => number;
}

/**
 * Wires the Facebook page: the Graph client with retry, the webhook router, the outbound channel.
 *
 * @example const messenger = createMessengerChannel({ ...config, inbox: pipeline, logger });
 */
export function createMessengerChannel(options: MessengerChannelOptions) {
  const log = options.logger.child({ channel: "messenger" });
  const graph = new GraphClient({ baseUrl: options.graphBase, version: options.graphVersion, pageAccessToken: options.pageAccessToken, timeoutMs: options.timeoutMs }).use(
    graphRetry({ ...options.retry, onRetry: (error, attempt) => log.warn({ err: error, attempt }, "graph call failed; retrying") }),
  );
  // The ids of what the bot sends, so the echoes of a staff member's replies from the Page inbox are told apart.
  const own = new OwnSends(options.sentIds, "messenger");
  return {
    graph,
    outbound: new MessengerOutbound(graph, options.now, { utilityTemplates: options.utilityTemplates, utilityLanguages: options.utilityLanguages, tags: options.tags, own }),
    router: messengerWebhookRouter({
      appSecret: options.appSecret,
      verifyToken: options.verifyToken,
      inbox: options.inbox,
      logger: log,
      localeOf: (psid) => graph.getLocale(psid),
      appId: options.appId,
      own,
    }),
  };
}
