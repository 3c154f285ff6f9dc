import type { Logger } from "pino";
import type { Inbox } from "../../core/inbox.js";
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
  return {
    graph,
    outbound: new MessengerOutbound(graph, options.now, { utilityTemplates: options.utilityTemplates, utilityLanguages: options.utilityLanguages, tags: options.tags }),
    router: messengerWebhookRouter({
      appSecret: options.appSecret,
      verifyToken: options.verifyToken,
      inbox: options.inbox,
      logger: log,
      localeOf: (psid) => graph.getLocale(psid),
    }),
  };
}
