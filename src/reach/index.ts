import type { Logger } from "pino";
import type { ChannelRegistry } from "../core/channel.js";
import type { ConversationRepository } from "../core/conversation.js";
import type { Store } from "../store/store.js";
import { KeptMessages } from "./kept-messages.js";
import { parseQuietHours, type QuietHours } from "./quiet-hours.js";
import type { OutOfWindowRule, ReachPolicy } from "./reach-policy.js";
import { ReachSender } from "./reach-sender.js";
import { pinnedNow } from "./vietnam-clock.js";
import { WindowReachPolicy } from "./window-policy.js";
import { ChannelKindsRule, phoneKindLabel } from "./channel-kinds-rule.js";
import type { ReachPurpose } from "./reach-policy.js";

export * from "./reach-policy.js";
export { KeptMessages, KEPT_MESSAGES, type KeptMessage, type KeptSource } from "./kept-messages.js";
export { ReachSender, type ReachResult, type ReachMessage } from "./reach-sender.js";
export { planReminder, type ReminderPlan } from "./on-time.js";
export { parseQuietHours, nextAllowedTime, isQuietMinute, type QuietHours } from "./quiet-hours.js";
export { vietnamInstant, vietnamWallClock, pinnedNow, parseClock } from "./vietnam-clock.js";
export { WindowReachPolicy } from "./window-policy.js";
export { ChannelKindsRule, phoneKindLabel } from "./channel-kinds-rule.js";

/** Everything about writing first, built once (src/server.ts) and given to features as `services.reach`. */
export interface Reach {
  policy: ReachPolicy;
  sender: ReachSender;
  kept: KeptMessages;
  quiet: QuietHours;
  /** Now on the pinned day (BOT_TODAY) with the clock's time of day: what schedulers compare with. */
  now(): number;
  /**
   * How the person would be told by phone number on their channel for these purposes ("tin ZNS của Zalo"), when
   * the deployment configured such a kind: the feature then asks their consent; undefined when there is none.
   */
  byPhone(channel: string, purposes: readonly ReachPurpose[]): { vi: string; en: string } | undefined;
}

/**
 * @example const reach = createReach({ channels, conversations, store, logger, now, quietHours: "21-7" });
 */
export function createReach(deps: {
  channels: ChannelRegistry;
  conversations: ConversationRepository;
  store: Store;
  logger: Logger;
  now: () => number;
  botToday?: string;
  quietHours: string;
  /** The kinds for outside the window; default: those each channel declares (OutboundChannel.outOfWindow). */
  rules?: OutOfWindowRule[];
}): Reach {
  const kindsOf = (name: string) => deps.channels.get(name)?.outOfWindow;
  const policy = new WindowReachPolicy((name) => deps.channels.get(name)?.window, deps.rules ?? [new ChannelKindsRule(kindsOf)]);
  const kept = new KeptMessages(deps.store);
  const now = () => pinnedNow(deps.now(), deps.botToday);
  const sender = new ReachSender({
    policy,
    send: (to, reply, options) => deps.channels.send(to, reply, options),
    lastInboundAt: async (key) => (await deps.conversations.get(key))?.lastInboundAt,
    record: (key, line) => deps.conversations.append(key, line),
    kept,
    logger: deps.logger,
    // The windows count real time from the person's last message; only schedulers use the pinned day.
    now: deps.now,
  });
  return { policy, sender, kept, quiet: parseQuietHours(deps.quietHours), now, byPhone: (channel, purposes) => phoneKindLabel(kindsOf(channel), purposes) };
}
