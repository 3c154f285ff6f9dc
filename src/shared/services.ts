import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { ChannelRegistry } from "../core/channel.js";
import type { ConversationRepository } from "../core/conversation.js";
import type { ContentLibrary } from "../content/index.js";
import type { Understander } from "../nlu/index.js";
import type { Store } from "../store/store.js";
import type { Knowledge } from "./knowledge.js";
import type { PersonOutbox, StaffNotifier } from "../domain/staff-event.js";
import type { ChannelOutbox } from "../staff/person-outbox.js";
import type { EvidenceKeeper } from "../media/evidence-keeper.js";
import type { PrivacyNotices } from "../privacy/privacy-notice.js";
import type { Reach } from "../reach/index.js";
import type { SubscriptionService } from "./subscription-service.js";

/** What features need from the deployment; built once in src/server.ts. */
export interface Services {
  config: Config;
  store: Store;
  conversations: ConversationRepository;
  channels: ChannelRegistry;
  logger: Logger;
  /** Content and what is derived from it (understander, plan retriever); replaced together on reload. */
  knowledge: Knowledge;
  /** Tells staff of new reports, registrations, handoffs (by default `staffAlerts`; tests swap it). */
  notifier: StaffNotifier;
  /** The staff alert chain and its record (platform message → webhook → e-mail; src/staff), for the console and retries. */
  staffAlerts: import("../staff/staff-alerts.js").StaffAlerts;
  /** Writes to a person outside an answer, within the channel's window (else kept for later). */
  outbox: PersonOutbox & Pick<ChannelOutbox, "takePending">;
  /** Writing first (reminders, announcements): the reach policy, its sender, the kept messages, quiet hours. */
  reach: Reach;
  /** Reminders people asked for (festivals, new classes). */
  subscriptions: SubscriptionService;
  /** Optional chat model that words plan answers from retrieved passages only (LLM_PROVIDER); default none. */
  chatModel?: import("@langchain/core/language_models/chat_models").BaseChatModel;
  /** Keeps copies of the files people send as evidence (src/media): downloads in the background, retries. */
  evidence: EvidenceKeeper;
  /** The privacy notice shown before personal data is asked for, and the privacy page's texts (src/privacy). */
  privacy: PrivacyNotices;
  /** Today in Asia/Ho_Chi_Minh (BOT_TODAY when set), YYYY-MM-DD. */
  today: () => string;
  /** Now, epoch ms (replaceable in tests). */
  now: () => number;
}

export type { ContentLibrary, Understander };
