import type { DeliveryWindow } from "../core/channel.js";
import type { OutOfWindowRule, ReachDecision, ReachPerson, ReachPolicy, ReachPurpose } from "./reach-policy.js";

/**
 * The window rules as they exist today: each channel declares its free window (Zalo 48 h of consultation messages
 * after the person's last interaction, Messenger 24 h of standard messaging) and a longer one for a human staff reply
 * (Zalo 7 days; Messenger 7 days with the HUMAN_AGENT tag). Inside the free window anything may be sent; a staff reply
 * may also be sent inside the staff window; otherwise the rules for other kinds are asked in order, and the message is
 * kept when none applies. The windows come from the channels (src/channels/<name>/channel.ts), so nothing here names one.
 *
 * @example new WindowReachPolicy((name) => channels.get(name)?.window).decide(person, "class_reminder", now)
 */
export class WindowReachPolicy implements ReachPolicy {
  constructor(
    private readonly windowOf: (channel: string) => DeliveryWindow | undefined,
    private readonly rules: OutOfWindowRule[] = [],
  ) {}

  decide(person: ReachPerson, purpose: ReachPurpose, now: number): ReachDecision {
    return this.decideAll(person, purpose, now)[0];
  }

  decideAll(person: ReachPerson, purpose: ReachPurpose, now: number): ReachDecision[] {
    const window = this.windowOf(person.ref.channel);
    if (!window) return [{ kept: "channel_off" }];
    const age = person.lastInboundAt === undefined ? undefined : now - person.lastInboundAt;
    if (age !== undefined && age <= window.freeMs) return [{ kind: "free" }];
    if (age !== undefined && purpose === "staff_reply" && age <= window.staffMs) return [{ kind: "tagged", tag: "HUMAN_AGENT" }];
    const allowed = this.rules.flatMap((rule) => rule.decideAll?.(person, purpose, now) ?? [rule.decide(person, purpose, now)].filter((d) => d !== undefined));
    return [...allowed, { kept: age === undefined ? "never_wrote" : "window_closed" }];
  }
}
