import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { ChannelRegistry } from "../core/channel.js";
import type { ConversationRepository } from "../core/conversation.js";
import type { Store } from "../store/store.js";

/** What features need from the deployment; built once in src/server.ts. */
export interface Services {
  config: Config;
  store: Store;
  conversations: ConversationRepository;
  channels: ChannelRegistry;
  logger: Logger;
  /** Today in Asia/Ho_Chi_Minh (BOT_TODAY when set), YYYY-MM-DD. */
  today: () => string;
  /** Now, epoch ms (replaceable in tests). */
  now: () => number;
}
