import type { Middleware } from "../../core/composer.js";
import type { AppContext } from "../context.js";
import { answers } from "./answers.js";
import { classesMenu } from "./classes-menu.js";
import { deliverPending } from "./deliver-pending.js";
import { dialogs } from "./dialogs.js";
import { fallback } from "./fallback.js";
import { floodLimit } from "./flood-limit.js";
import { follow } from "./follow.js";
import { handoff } from "./handoff.js";
import { handoffOnMisunderstanding } from "./handoff-misunderstood.js";
import { privacy } from "./privacy.js";
import { reportStatus } from "./report-status.js";
import { understand } from "./understand.js";

/**
 * The bot's features in the order they see a message. Each is `(ctx, next)`: it answers what is its
 * own and calls `next()` for the rest. Order matters: understanding first, then what holds the person
 * (handoff to staff, an open dialog), then one-shot answers, and the fallback last.
 */
export function defaultFeatures(): Middleware<AppContext>[] {
  return [
    floodLimit,
    understand,
    // Before anything that holds the person (a dialog, a handoff): "xóa dữ liệu của tôi" is always heard.
    privacy,
    handoffOnMisunderstanding,
    follow,
    deliverPending,
    // — conversations that hold the person: handoff, pending notices, dialogs (src/dialogs) —
    handoff,
    dialogs,
    reportStatus,
    classesMenu,
    // — one-shot answers by intent and menu choice —
    answers,
    fallback,
  ];
}
