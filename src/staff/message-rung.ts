import { DeliveryRefused, type ChannelRegistry } from "../core/channel.js";
import type { StaffEvent } from "../domain/staff-event.js";
import { isKept, type ReachPolicy } from "../reach/reach-policy.js";
import { alertLabel, alertText, type AlertRung, type RungResult } from "./staff-alert.js";
import { staffFor } from "./staff-routes.js";

/** Where a staff member last wrote to the account on the staff channel (their own conversation with the bot). */
export interface StaffWindow {
  accountId: string;
  lastInboundAt?: number;
}

export interface MessageRungOptions {
  channels: Pick<ChannelRegistry, "get" | "send">;
  /** The reach policy: the kind of message the platform allows for a staff alert now (src/reach). */
  policy: ReachPolicy;
  /** The channel staff are reached on (the composition root picks it), and their ids (STAFF_ROUTES by unit). */
  staffChannel: string;
  staffUserIds: string[];
  routes: Map<string, string[]>;
  /** The staff member's window, from their conversation with the bot (undefined when they never wrote). */
  windowOf(channel: string, userId: string): Promise<StaffWindow | undefined>;
  now: () => number;
}

/**
 * The first rung: a short message to each staff id of the unit on the staff channel, as the reach policy allows —
 * an ordinary message inside the staff member's window, else the kind an out-of-window rule allows for
 * `staff_alert` (a template or tag, when configured: src/reach/reach-policy.ts OutOfWindowRule). When the bot knows
 * the window is closed and no rule applies, nothing is sent (the platform would refuse); when it does not know (the
 * staff member never wrote since the bot kept conversations), the platform decides.
 */
export class MessageRung implements AlertRung {
  readonly name = "message";

  constructor(private readonly options: MessageRungOptions) {}

  async deliver(event: StaffEvent, link: string): Promise<RungResult> {
    const { staffChannel: channel, channels } = this.options;
    const ids = staffFor(event.unitId, this.options.routes, this.options.staffUserIds);
    if (ids.length === 0) return { rung: this.name, reached: 0, skipped: `chưa cấu hình cán bộ nhận tin trên kênh ${channel}`, failures: [] };
    if (!channels.get(channel)) return { rung: this.name, reached: 0, skipped: `kênh ${channel} chưa bật`, failures: [] };
    const text = alertText(event, link);
    // For a template the platform fills by name (docs/reach.md): the kind of alert, its reference, the summary, the link.
    const template = {
      language: "vi" as const,
      title: `${alertLabel(event.type)} ${event.ref}`,
      fields: [
        { name: "alert", value: alertLabel(event.type) },
        { name: "ref", value: event.ref },
        { name: "summary", value: event.summary },
        { name: "link", value: link },
      ],
    };
    let reached = 0;
    const failures: string[] = [];
    for (const userId of ids) {
      const window = await this.options.windowOf(channel, userId);
      const to = { channel, accountId: window?.accountId ?? "", userId };
      const person = { ...to, key: `${channel}:${to.accountId}:${userId}` };
      const decision = this.options.policy.decide({ ref: person, lastInboundAt: window?.lastInboundAt }, "staff_alert", this.options.now());
      if (isKept(decision) && decision.kept !== "never_wrote") {
        failures.push(`${userId}: ${KEPT_TEXT[decision.kept] ?? decision.kept}`);
        continue;
      }
      try {
        await channels.send(to, { text }, { purpose: "update", lastInboundAt: window?.lastInboundAt, reach: isKept(decision) ? { kind: "free" } : decision, template });
        reached++;
      } catch (error) {
        failures.push(`${userId}: ${error instanceof DeliveryRefused ? (REFUSED_TEXT[error.reason] ?? error.reason) : `lỗi kết nối (${(error as Error).message.slice(0, 120)})`}`);
      }
    }
    return { rung: this.name, reached, failures };
  }
}

const KEPT_TEXT: Record<string, string> = {
  window_closed: "quá thời hạn nhắn tin của kênh (cán bộ chưa nhắn cho OA gần đây)",
  channel_off: "kênh chưa bật",
  refused: "kênh từ chối",
};

const REFUSED_TEXT: Record<DeliveryRefused["reason"], string> = {
  window_closed: "kênh từ chối: quá thời hạn nhắn tin",
  not_follower: "kênh từ chối: cán bộ chưa quan tâm OA",
  blocked: "kênh từ chối: đã chặn",
  invalid_recipient: "kênh từ chối: mã người nhận sai",
  other: "kênh từ chối",
};
