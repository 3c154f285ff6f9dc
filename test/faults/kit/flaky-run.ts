import { monitorEventLoopDelay } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { renderForMessenger } from "../../../src/channels/messenger/render.js";
import { renderForZalo } from "../../../src/channels/zalo/render.js";
import type { Recipient, SendOptions } from "../../../src/core/channel.js";
import type { Reply } from "../../../src/core/message.js";
import { messengerText, startTestServer, zaloText } from "../../helpers/test-server.js";
import { startFlakyStubThread, type Delivered, type Fault } from "./platform-stub.js";

/**
 * The flaky-send scenario of issue 7, shared by test/faults/flaky-send.test.ts and `npm run soak`: the real app
 * (over HTTP, signed webhooks) sends through a local stub of the Zalo and Graph APIs that fails a share of calls at
 * random — 5xx, 429 / Zalo -32 / Graph 613, and calls it never answers (timeouts). People write in rounds (one
 * message each per round, the round settled before the next), so every reply the bot attempted belongs to one
 * known message. Then, per person and round:
 *  - each reply the bot sent is found in the stub's deliveries exactly once, in order;
 *  - each reply that failed is a `dead_letters` document and a staff alert (the staff webhook), and at most the
 *    first parts of it reached the person (a long reply is several messages);
 *  - nothing else reached the person: no message is delivered twice.
 */

/** Options of {@link runFlakySend}. */
export interface FlakyRunOptions {
  zaloPeople: number;
  messengerPeople: number;
  rounds: number;
  /** Share of send calls that fail (0–1), split evenly between the kinds of fault. */
  failRate: number;
  /** RETRY_ATTEMPTS of the bot (fewer attempts: more dead letters to check). */
  attempts: number;
  /** HTTP_TIMEOUT_MS of the bot: how long a never-answered call waits. */
  timeoutMs: number;
  /** Seed of the fault picker, for a reproducible mix. */
  seed?: number;
  onProgress?: (line: string) => void;
}

/** Figures and violations of one run. */
export interface FlakyRunResult {
  messages: number;
  /** Replies the bot attempted. */
  replies: number;
  delivered: number;
  deadLetters: number;
  staffAlerts: number;
  /** Stub calls per fault kind. */
  faults: Record<Fault, number>;
  /** The longest the bot's thread was blocked (ms): a send timeout shorter than this turns answered calls into retries. */
  maxLoopStallMs: number;
  seconds: number;
  violations: string[];
}

const FAILURES: Fault[] = ["http500", "http503", "http429", "zalo-32", "hang"];
const QUESTIONS = ["hội lim năm nay ngày nào", "số điện thoại phòng văn hóa", "xin chào", "When is the Lim festival?", "chợ âm dương họp đêm nào", "cảm ơn ad nhiều"];

interface Attempt {
  round: number;
  to: Recipient;
  reply: Reply;
  ok: boolean;
}

/**
 * Runs the scenario and checks it.
 *
 * @example const result = await runFlakySend({ zaloPeople: 60, messengerPeople: 40, rounds: 3, failRate: 0.2, attempts: 2, timeoutMs: 300 });
 */
export async function runFlakySend(options: FlakyRunOptions): Promise<FlakyRunResult> {
  const started = performance.now();
  const violations: string[] = [];
  const stub = await startFlakyStubThread({ failRate: options.failRate, seed: options.seed ?? 7, faults: FAILURES });
  const server = await startTestServer({
    ZALO_API_BASE: stub.url,
    ZALO_OAUTH_BASE: stub.url,
    FB_GRAPH_BASE: stub.url,
    STAFF_WEBHOOK_URL: `${stub.url}/staff`,
    HTTP_TIMEOUT_MS: String(options.timeoutMs),
    RETRY_ATTEMPTS: String(options.attempts),
    RETRY_BASE_MS: "5",
  });

  // Every reply the bot attempts, with its outcome: `sendNow` is where every send ends up without the
  // outbound queue (the pipeline's replies, the registry's `send`).
  const attempts: Attempt[] = [];
  let round = 0;
  const send = server.channels.sendNow.bind(server.channels);
  server.channels.sendNow = async (to: Recipient, reply: Reply, sendOptions?: SendOptions) => {
    const attempt: Attempt = { round, to, reply, ok: false };
    attempts.push(attempt);
    await send(to, reply, sendOptions);
    attempt.ok = true;
  };
  // The stub's deliveries, tagged with the round they happened in (read from the stub after each round settled).
  const deliveredRound = new Map<number, number>();
  let delivered: Delivered[] = [];

  const people = [
    ...Array.from({ length: options.zaloPeople }, (_, i) => ({ channel: "zalo" as const, userId: `z${1000 + i}` })),
    ...Array.from({ length: options.messengerPeople }, (_, i) => ({ channel: "messenger" as const, userId: `m${1000 + i}` })),
  ];
  let messages = 0;
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  try {
    for (round = 1; round <= options.rounds; round++) {
      await Promise.all(
        people.map(async (person, i) => {
          const text = QUESTIONS[(i + round) % QUESTIONS.length];
          const response =
            person.channel === "zalo"
              ? await server.postZalo(zaloText(text, person.userId, `${person.userId}-r${round}`))
              : await server.postMessenger(messengerText(text, person.userId, `m_${person.userId}_r${round}`));
          if (response.status !== 200) violations.push(`round ${round}: webhook for ${person.userId} answered ${response.status}`);
          else messages++;
        }),
      );
      await server.settle();
      delivered = (await stub.snapshot()).delivered;
      for (const entry of delivered) if (!deliveredRound.has(entry.seq)) deliveredRound.set(entry.seq, round);
      options.onProgress?.(`round ${round}: ${messages} messages, ${delivered.length} delivered, ${attempts.filter((a) => !a.ok).length} failed replies`);
    }
    round = options.rounds + 1;

    // ===  Checks  ===
    const deadLetters = await server.store.collection<{ id: string; recipient: Recipient; reply: Reply }>("dead_letters").find();
    const snapshot = await stub.snapshot();
    const alerts = new Set(snapshot.staff.filter((notice) => notice.type === "dead_letter").map((notice) => String(notice.ref)));
    const usedLetters = new Set<string>();
    for (let r = 1; r <= options.rounds; r++) {
      for (const person of people) {
        const tried = attempts.filter((a) => a.round === r && a.to.userId === person.userId);
        if (tried.length === 0) violations.push(`round ${r}: ${person.userId} got no reply at all`);
        const got = delivered.filter((entry) => entry.userId === person.userId && deliveredRound.get(entry.seq) === r).map((entry) => entry.text);
        let at = 0;
        for (const attempt of tried) {
          const parts = (person.channel === "zalo" ? renderForZalo(attempt.reply) : renderForMessenger(attempt.reply)).map((message) => ("text" in message ? (message.text ?? "") : ""));
          if (attempt.ok) {
            if (!isDeepStrictEqual(got.slice(at, at + parts.length), parts)) violations.push(`round ${r}: a sent reply to ${person.userId} is not what the person got, once, in order`);
            at += parts.length;
            continue;
          }
          // Failed: the first parts may have gone through before the one that failed.
          while (at < got.length && got[at] === parts[0] && parts.length > 1) {
            parts.shift();
            at++;
          }
          const letter = deadLetters.find((candidate) => !usedLetters.has(candidate.id) && candidate.recipient.userId === person.userId && isDeepStrictEqual(candidate.reply, attempt.reply));
          if (!letter) violations.push(`round ${r}: a failed reply to ${person.userId} has no dead letter`);
          else {
            usedLetters.add(letter.id);
            if (!alerts.has(letter.id)) violations.push(`dead letter ${letter.id} has no staff alert`);
          }
        }
        if (at < got.length) violations.push(`round ${r}: ${person.userId} got ${got.length - at} message(s) the bot did not send once: ${JSON.stringify(got.slice(at)).slice(0, 200)}`);
      }
    }
    if (deadLetters.length !== usedLetters.size) violations.push(`${deadLetters.length - usedLetters.size} dead letters match no failed reply`);
    return {
      messages,
      replies: attempts.length,
      delivered: delivered.length,
      deadLetters: deadLetters.length,
      staffAlerts: alerts.size,
      faults: snapshot.faults,
      maxLoopStallMs: Math.round(stalls.max / 1e6),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      violations,
    };
  } finally {
    stalls.disable();
    await server.stop();
    await stub.close();
  }
}
