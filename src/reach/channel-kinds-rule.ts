import type { OutOfWindowKind } from "../core/channel.js";
import type { KeptReason, OutOfWindowRule, ReachDecision, ReachPerson, ReachPurpose } from "./reach-policy.js";

type Allowed = Exclude<ReachDecision, { kept: KeptReason }>;

/**
 * The kinds each channel declares for outside its free window (OutboundChannel.outOfWindow: approved templates and
 * enabled tags, from the deployment's configuration) as one rule: for a purpose, the channel's kinds that carry it,
 * in the channel's order, skipping those the person does not qualify for — a kind for people who wrote before when
 * they never did, a kind sent by phone number when they gave no phone for this matter or did not agree.
 *
 * @example new WindowReachPolicy(windowOf, [new ChannelKindsRule((name) => channels.get(name)?.outOfWindow)])
 */
export class ChannelKindsRule implements OutOfWindowRule {
  constructor(private readonly kindsOf: (channel: string) => readonly OutOfWindowKind[] | undefined) {}

  decide(person: ReachPerson, purpose: ReachPurpose, now: number): Allowed | undefined {
    return this.decideAll(person, purpose, now)[0];
  }

  decideAll(person: ReachPerson, purpose: ReachPurpose, _now: number): Allowed[] {
    const allowed: Allowed[] = [];
    for (const kind of this.kindsOf(person.ref.channel) ?? []) {
      if (!kind.purposes.includes(purpose)) continue;
      if (kind.needsInbound && person.lastInboundAt === undefined) continue;
      if (kind.byPhone && !person.phone) continue;
      allowed.push(kind.send.kind === "template" && kind.byPhone ? { ...kind.send, phone: person.phone } : { ...kind.send });
    }
    return allowed;
  }
}

/**
 * The label of a kind sent by phone number the channel offers for one of these purposes ("tin ZNS của Zalo"), or
 * undefined: a feature asks the person's consent for it only when it exists.
 */
export function phoneKindLabel(kinds: readonly OutOfWindowKind[] | undefined, purposes: readonly ReachPurpose[]): { vi: string; en: string } | undefined {
  const kind = kinds?.find((candidate) => candidate.byPhone && candidate.purposes.some((purpose) => (purposes as readonly string[]).includes(purpose)));
  return kind ? (kind.label ?? { vi: "tin nhắn theo số điện thoại", en: "a message to your phone number" }) : undefined;
}
