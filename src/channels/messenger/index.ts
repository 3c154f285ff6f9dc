import type { Logger } from "pino";
import type { Inbox } from "../../core/inbox.js";
import { MessengerOutbound } from "./channel.js";
import { GraphClient } from "./client.js";
import { messengerWebhookRouter } from "./webhook.js";

export * from "./channel.js";
export * from "./client.js";
export * from "./errors.js";
export * from "./render.js";
export * from "./signature.js";
export * from "./types.js";

export interface MessengerChannelOptions {
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
 * Wires the Facebook page: Graph client, webhook router, outbound channel.
 *
 * @example const messenger = createMessengerChannel({ ...config, inbox: pipeline, logger });
 */
export function createMessengerChannel(options: MessengerChannelOptions) {
  const log = options.logger.child({ channel: "messenger" });
  const graph = new GraphClient({
    baseUrl: options.graphBase,
    version: options.graphVersion,
    pageAccessToken: options.pageAccessToken,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    onRetry: (error, attempt) => log.warn({ err: error, attempt }, "graph call failed; retrying"),
  });
  return {
    graph,
    outbound: new MessengerOutbound(graph, options.now),
    router: messengerWebhookRouter({ appSecret: options.appSecret, verifyToken: options.verifyToken, inbox: options.inbox, logger: log }),
  };
}
