import { signEvent as zaloSignature } from "../../../src/channels/zalo/sdk/index.js";
import type { Delivered, PlatformStub } from "./platform-stub.js";

/**
 * A simulated person filing a violation report through signed Zalo webhooks, the way a real one does: read what
 * the bot last asked and answer it. Reacting to the question (rather than replaying a fixed script) is what lets
 * the person carry on across kill -9s: a restarted bot may have lost the last second of conversation state
 * (ordinary writes are coalesced) and ask a step again, and the person simply answers it again.
 */

/** The Zalo credentials the child bot runs with (see kill-run.ts). */
export const ZALO_TEST = { appId: "3605738391474520000", oaId: "579745863508352884", secret: "fault-oa-secret" } as const;

/** A report code as the bot writes it in the reply. */
export const CODE_PATTERN = /Mã phản ánh: (PA-\d{4}-\d{4,})/;

/** What one person did. */
export interface PersonRecord {
  userId: string;
  /** Every description this person gave. */
  descriptions: string[];
  /** Everything this person wrote (a report's description must be one of these: see kill-run.ts). */
  said: string[];
  /** Codes this person was sent. */
  codes: string[];
  /** Messages sent (accepted by the webhook). */
  messages: number;
  /** Waits for a reply that ran out (the bot died after accepting, or the reply was lost with it). */
  silences: number;
  /** The last reply heard (for a post-mortem when no code came). */
  lastHeard?: string;
  /** What was said (`>`, with the message id) and heard (`<`), in order, ms since the person started: a violation prints it. */
  timeline: string[];
}

/** What the person answers to the place and time questions (kill-run.ts checks the stored fields against them). */
export const PLACE_ANSWER = "số 12 ngõ 5 thôn Đông";
export const WHEN_ANSWER = "tối qua";

/** The question the bot asked, read from its reply, and the person's answer. */
function answer(text: string, person: PersonRecord): string | undefined {
  // Everyone here reports the same karaoke: the open report of the same matter is offered; "không" files anyway.
  if (text.includes("phản ánh tương tự")) return "không";
  if (text.includes("Bạn chọn “Gửi”")) return "Gửi";
  if (/cho mình xin (họ tên|số điện thoại)/.test(text)) return "ẩn danh";
  if (text.includes("Bạn có ảnh, video")) return "xong";
  if (text.includes("Việc xảy ra khi nào")) return WHEN_ANSWER;
  if (text.includes("Việc này xảy ra ở đâu")) return PLACE_ANSWER;
  if (text.includes("Bạn mô tả ngắn gọn")) {
    // Unique per person and attempt, so the stored report can be matched to the person who got its code.
    const description = `Quán karaoke hát to quá nửa đêm làm cả xóm mất ngủ, người gửi ${person.userId} lần ${person.descriptions.length + 1}`;
    person.descriptions.push(description);
    return description;
  }
  if (text.includes("Bạn muốn phản ánh về việc gì")) return "1";
  if (text.includes("phản ánh đang soạn dở")) return "tiếp tục";
  if (text.includes("Bạn muốn sửa mục nào")) return "hủy";
  // Two answers the bot did not understand (a step's answer arriving after a restart lost the dialog) hand the
  // conversation to staff, and the bot stays silent until the person ends it.
  if (text.includes("chuyển cuộc trò chuyện cho cán bộ")) return "kết thúc";
  return undefined;
}

/** Options of {@link fileOneReport}. */
export interface PersonOptions {
  botUrl: string;
  stub: PlatformStub;
  userId: string;
  /** How long to wait for the bot's next question before saying it again (ms). */
  replyTimeoutMs?: number;
  /** Give up after this many messages (a stuck dialog must not hang the run). */
  maxMessages?: number;
  /** Stop early (the run is over). */
  stopped?: () => boolean;
}

/**
 * Posts one signed Zalo text event; retries the same event (same msg_id, as Zalo does) while the bot is down.
 */
export async function postZaloText(botUrl: () => string, userId: string, msgId: string, text: string, stopped: () => boolean, onRetry?: (why: string) => void): Promise<boolean> {
  const timestamp = String(Date.now());
  const raw = JSON.stringify({
    app_id: ZALO_TEST.appId,
    user_id_by_app: userId,
    event_name: "user_send_text",
    timestamp,
    sender: { id: userId },
    recipient: { id: ZALO_TEST.oaId },
    message: { msg_id: msgId, text },
  });
  const signature = zaloSignature(ZALO_TEST.appId, raw, timestamp, ZALO_TEST.secret);
  for (;;) {
    if (stopped()) return false;
    try {
      const response = await fetch(`${botUrl()}/webhooks/zalo`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": signature },
        body: raw,
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      if (response.ok) return true;
      onRetry?.(`HTTP ${response.status}`);
    } catch (error) {
      // The bot is down (killed, restarting), or slow to answer: try again shortly (the same event, as Zalo does).
      onRetry?.((error as Error).name === "TimeoutError" ? "no answer in 5 s" : "down");
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}

/**
 * Files one report, from "tôi muốn phản ánh" to the code, answering whatever the bot asks. Resolves with the
 * person's record once a code arrived (or the message budget ran out: `codes` is then empty).
 *
 * @example const record = await fileOneReport({ botUrl: "http://127.0.0.1:3000", stub, userId: "p-1" });
 */
export async function fileOneReport(options: PersonOptions & { botUrl: string }): Promise<PersonRecord> {
  const person: PersonRecord = { userId: options.userId, descriptions: [], said: [], codes: [], messages: 0, silences: 0, timeline: [] };
  const began = Date.now();
  const note = (line: string) => person.timeline.push(`${Date.now() - began} ${line}`);
  const stopped = options.stopped ?? (() => false);
  const timeoutMs = options.replyTimeoutMs ?? 4_000;
  let inbox = "";
  let wake: (() => void) | undefined;
  const listener = (entry: Delivered) => {
    if (entry.userId !== options.userId) return;
    note(`< ${entry.text.slice(0, 50).replace(/\s+/g, " ")}`);
    inbox += `${entry.text}\n`;
    wake?.();
  };
  options.stub.events.on("delivered", listener);
  try {
    let say = "tôi muốn phản ánh";
    let attempt = 0;
    while (person.messages < (options.maxMessages ?? 60) && !stopped()) {
      inbox = "";
      note(`> ${options.userId}-${attempt + 1} ${say.slice(0, 50)}`);
      if (!(await postZaloText(() => options.botUrl, options.userId, `${options.userId}-${++attempt}`, say, stopped, (why) => note(`  again (${why})`)))) break;
      person.messages++;
      person.said.push(say);
      // Wait until the reply holds the code or a question we know, or time runs out.
      const deadline = Date.now() + timeoutMs;
      let next: string | undefined;
      let code: string | undefined;
      while (Date.now() < deadline) {
        code = CODE_PATTERN.exec(inbox)?.[1];
        next = code ? undefined : answer(inbox, person);
        if (code || next) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
      // A reply that came as the wait ran out is read too (else a question arriving at the deadline was "not known",
      // and the person started over in answer to it).
      code ??= CODE_PATTERN.exec(inbox)?.[1];
      if (!code && !next) next = answer(inbox, person);
      if (inbox.trim()) person.lastHeard = inbox.trim().slice(0, 300);
      if (code) {
        person.codes.push(code);
        return person;
      }
      if (next) say = next;
      else if (inbox.trim() === "") person.silences++; // nothing came: say the same again (a new message)
      else say = "tôi muốn phản ánh"; // an answer we do not know: start over
    }
    return person;
  } finally {
    options.stub.events.off("delivered", listener);
  }
}
