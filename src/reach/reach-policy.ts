import type { PersonRef } from "../domain/person.js";

/**
 * Whether a person can be written to now, and with which kind of message: the one decision every message the bot
 * starts itself (a reminder, an announcement, a status update) goes through. The window logic that exists today is
 * WindowReachPolicy (src/reach/window-policy.ts); the kinds allowed outside the free window (Zalo transaction / ZNS
 * templates, Messenger message tags and utility messages) plug in as OutOfWindowRule values without changing callers.
 *
 * @example
 * const decision = policy.decide({ ref: person, lastInboundAt }, "reminder", Date.now());
 * if ("kept" in decision) keep(decision.kept); else send(reply, decision);
 */

/** Why the bot writes first. Each purpose maps onto what the platforms allow (a reminder is not a promotion). */
export type ReachPurpose =
  | "class_reminder"
  | "festival_reminder"
  | "announcement"
  | "class_opening"
  | "report_update"
  /** A registration confirmed later by staff (moved up from the waiting list). */
  | "registration_update"
  | "staff_reply";

/** Every purpose (configuration checks its lists against it). */
export const REACH_PURPOSES: readonly ReachPurpose[] = [
  "class_reminder",
  "festival_reminder",
  "announcement",
  "class_opening",
  "report_update",
  "registration_update",
  "staff_reply",
];

/** What the policy needs to know of a person. */
export interface ReachPerson {
  ref: PersonRef;
  /** When the person last wrote on this channel (epoch ms); undefined when they never did. */
  lastInboundAt?: number;
  /**
   * The phone number the person gave for the matter of this message and agreed to be told about it by (a class
   * registration's, with its consent): only then may a kind sent by phone number (Zalo ZNS) be used.
   */
  phone?: string;
}

/** Why a message was kept instead of sent ("chưa gửi được"). */
export type KeptReason =
  /** The channel's free window is closed and no other kind of message is allowed for this purpose. */
  | "window_closed"
  /** The person never wrote on this channel (followed only, or imported). */
  | "never_wrote"
  /** The deployment has no such channel configured. */
  | "channel_off"
  /** The platform refused (blocked the account, unfollowed). */
  | "refused"
  /** Its time passed before it could go (a class reminder after the class): dropped, never sent. */
  | "too_late";

/** The kind of message the platform allows now. */
export type ReachDecision =
  /** An ordinary message inside the platform's free window (Zalo consultation, Messenger standard messaging). */
  | { kind: "free" }
  /** A message with a platform tag allowed outside the window (Messenger HUMAN_AGENT, ACCOUNT_UPDATE…). */
  | { kind: "tagged"; tag: string }
  /** An approved template (Zalo transaction message / ZNS template, Messenger utility template). */
  | { kind: "template"; templateId: string; phone?: string }
  /** Not now: the message is kept and shown to staff as "chưa gửi được". */
  | { kept: KeptReason };

/** The decision every bot-started message asks for. */
export interface ReachPolicy {
  decide(person: ReachPerson, purpose: ReachPurpose, now: number): ReachDecision;
  /**
   * Every kind allowed now, best first, ending with the kept decision when nothing else is left: when the platform
   * refuses one kind (the person does not follow the OA, ZNS refused), the sender tries the next. Optional: a policy
   * without it has only `decide`'s answer.
   */
  decideAll?(person: ReachPerson, purpose: ReachPurpose, now: number): ReachDecision[];
}

/**
 * A rule for outside the free window: returns the kind allowed for this person and purpose, or undefined when it does
 * not apply (no template configured, no consent). The one installed by default reads the kinds each channel declares
 * (src/reach/channel-kinds-rule.ts); `decideAll` lists every kind that applies, best first.
 */
export interface OutOfWindowRule {
  decide(person: ReachPerson, purpose: ReachPurpose, now: number): Exclude<ReachDecision, { kept: KeptReason }> | undefined;
  decideAll?(person: ReachPerson, purpose: ReachPurpose, now: number): Exclude<ReachDecision, { kept: KeptReason }>[];
}

/** Type guard: the decision keeps the message. */
export function isKept(decision: ReachDecision): decision is { kept: KeptReason } {
  return "kept" in decision;
}
