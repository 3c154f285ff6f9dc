import type { Logger } from "pino";
import type { Reply } from "../../core/message.js";
import type { Language } from "../../shared/bilingual.js";
import type { ReachSender } from "../../reach/reach-sender.js";
import type { Store } from "../../store/store.js";
import { updateDocument } from "../../store/update-document.js";
import { DELIVERIES, type Announcement, type Delivery } from "./announcement.js";

/** What sending one recipient's copy needs (both the in-process worker and the BullMQ one). */
export interface DeliverDeps {
  store: Store;
  sender: Pick<ReachSender, "send">;
  /** Tries per recipient before "failed" (network, 5xx, 429 are tried again; refusals are final at once). */
  attempts: number;
  backoffMs: number;
  logger: Logger;
  now: () => number;
  /** Told of each final result (metrics). */
  onResult?(channel: string, status: "sent" | "kept" | "failed"): void;
}

/** The line above an announcement a Chinese or Korean reader gets in English or Vietnamese (staff wrote none in their language). */
export const ANNOUNCEMENT_LEAD = {
  en: { zh: "以下是文化部门的通知（暂时只有英文版）：", ko: "문화 담당 부서의 안내입니다(현재 영어로만 제공):" },
  vi: { zh: "以下是文化部门的通知（暂时只有越南语版）：", ko: "문화 담당 부서의 안내입니다(현재 베트남어로만 제공):" },
} as const;

/**
 * The message one recipient gets, in their language when the announcement has it. Chinese and Korean readers
 * without their own text get the English one, else the Vietnamese, under a line in their language saying which.
 */
export function announcementReply(announcement: Announcement, language: Language): Reply {
  const body = `${announcement.title}\n`;
  if (language === "vi") return { text: body + announcement.text };
  if (language === "en") return { text: body + (announcement.textEn ?? announcement.text) };
  const own = language === "zh" ? announcement.textZh : announcement.textKo;
  if (own) return { text: body + own };
  const fallback = announcement.textEn ? "en" : "vi";
  return { text: `${ANNOUNCEMENT_LEAD[fallback][language]}\n${body}${announcement.textEn ?? announcement.text}` };
}

/**
 * Sends one recipient's copy: claims the delivery (queued → sending; `rerun` also takes one left "sending", for a
 * queue that re-runs a job whose worker died), sends it through the reach policy, and records the one final result.
 * A transport error puts it back in the queue with a backoff, until `attempts` are used; then it is "failed".
 * Resolves to the status written, or undefined when another worker had it. Throws only when `throwTransient` asks
 * (BullMQ does its own retries).
 */
export async function deliverOne(
  deps: DeliverDeps,
  announcement: Announcement,
  deliveryIdToSend: string,
  options: { rerun?: boolean; throwTransient?: boolean } = {},
): Promise<Delivery["status"] | undefined> {
  const deliveries = deps.store.collection<Delivery>(DELIVERIES);
  let claimed: Delivery | undefined;
  await updateDocument(deliveries, deliveryIdToSend, (current) => {
    const free = current && (current.status === "queued" || (options.rerun && current.status === "sending"));
    claimed = free ? { ...current, status: "sending", attempts: current.attempts + 1 } : undefined;
    return claimed;
  }, { durable: true });
  if (!claimed) return undefined;
  const delivery = claimed;
  let next: Pick<Delivery, "status" | "detail" | "nextAttemptAt">;
  try {
    const result = await deps.sender.send(delivery.person, announcementReply(announcement, delivery.language), {
      purpose: "announcement",
      source: { kind: "announcement", ref: announcement.id, label: announcement.title },
      deliverUntil: announcement.validUntil,
    });
    next = { status: result.status, detail: result.status === "kept" ? result.reason : result.status === "failed" ? result.error : undefined, nextAttemptAt: delivery.nextAttemptAt };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (delivery.attempts >= deps.attempts) {
      next = { status: "failed", detail: message.slice(0, 300), nextAttemptAt: delivery.nextAttemptAt };
    } else {
      if (options.throwTransient) {
        await write(deps, delivery.id, { status: "queued", detail: message.slice(0, 300), nextAttemptAt: deps.now() });
        throw error;
      }
      next = { status: "queued", detail: message.slice(0, 300), nextAttemptAt: deps.now() + deps.backoffMs * 2 ** (delivery.attempts - 1) };
      deps.logger.warn({ err: error, announcement: announcement.id, attempt: delivery.attempts }, "announcement copy not sent; tried again later");
    }
  }
  await write(deps, delivery.id, next);
  if (next.status === "sent" || next.status === "kept" || next.status === "failed") deps.onResult?.(delivery.person.channel, next.status);
  return next.status;
}

async function write(deps: DeliverDeps, id: string, change: Pick<Delivery, "status" | "detail" | "nextAttemptAt">): Promise<void> {
  const settled = change.status === "queued" ? {} : { settledAt: deps.now() };
  await updateDocument(deps.store.collection<Delivery>(DELIVERIES), id, (current) => current && { ...current, ...change, ...settled }, { durable: true });
}
