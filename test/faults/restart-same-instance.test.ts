import { afterAll, describe, expect, it } from "vitest";
import { freePort, startBot, type BotProcess } from "./kit/bot-process.js";
import { killRunEnv } from "./kit/kill-run.js";
import { killRunStore, type KillRunStore } from "./kit/kill-store.js";
import { startPlatformStub, type Delivered, type PlatformStub } from "./kit/platform-stub.js";
import { postZaloText } from "./kit/report-person.js";

/**
 * Issue 15, the PostgreSQL + Redis deployment under fast kills: a bot (child process, PostgreSQL + Redis, the Redis
 * runner and the BullMQ outbound queue) is killed with SIGKILL while it holds a person's turn — their reply's send
 * hangs at the platform, so the person's Redis queue place and the reply's job are both held — and restarted on the
 * same port (the same INSTANCE_ID, hostname:PORT). The person's next message is answered at once: the killed run's
 * place and job are freed at start-up, not after their 30 s lease and BullMQ's stalled checks. Before, a restart
 * killed again within those 30 s left people waiting through kill after kill (docs/faults.md).
 */
const PERSON = "p-held";
let stub: PlatformStub | undefined;
let data: KillRunStore | undefined;
let bot: BotProcess | undefined;

afterAll(async () => {
  await bot?.kill9();
  await stub?.close();
  await data?.cleanup();
}, 30_000);

/** The next message the stub delivers to PERSON, or a rejection after `ms`. */
function nextDelivery(ms: number, what: string): Promise<Delivered> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stub!.events.off("delivered", listener);
      reject(new Error(`${what}: nothing delivered within ${ms} ms`));
    }, ms);
    const listener = (entry: Delivered) => {
      if (entry.userId !== PERSON) return;
      clearTimeout(timer);
      stub!.events.off("delivered", listener);
      resolve(entry);
    };
    stub!.events.on("delivered", listener);
  });
}

describe("kill -9 of a PostgreSQL + Redis instance holding a person's turn, restarted as the same instance", () => {
  it("the person's next message is answered at once, not after the 30 s leases; nothing reaches them twice", { timeout: 180_000 }, async () => {
    let hanging = true;
    stub = await startPlatformStub({ fault: ({ userId }) => (hanging && userId === PERSON ? "hang" : "ok") });
    data = await killRunStore("postgres+redis");
    const port = await freePort();
    // A send that hangs stays in flight for a minute: the person's turn and the job are held when the kill comes.
    const env = { ...killRunEnv(stub.url, data.env), HTTP_TIMEOUT_MS: "60000" };
    const log = `${data.dataDir}.log`;
    bot = await startBot(env, port, log, 90_000);

    expect(await postZaloText(() => bot!.url, PERSON, `${PERSON}-1`, "lễ hội lim", () => false)).toBe(true);
    for (let waited = 0; stub.faults.hang === 0; waited += 50) {
      if (waited > 30_000) throw new Error("the reply's send never reached the platform");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await bot.kill9();
    hanging = false;
    bot = await startBot(env, port, log, 90_000);

    // 10 s, against leases of 30 s: the dead run's place and job were freed when the instance came back.
    const answered = nextDelivery(10_000, "after the restart");
    expect(await postZaloText(() => bot!.url, PERSON, `${PERSON}-2`, "di tích", () => false)).toBe(true);
    await answered;
    // Both messages' replies arrive (the first one's, left by the killed run, before the second's) and none twice.
    for (let waited = 0; stub.delivered.filter((entry) => entry.userId === PERSON).length < 2; waited += 50) {
      if (waited > 20_000) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const texts = stub.delivered.filter((entry) => entry.userId === PERSON).map((entry) => entry.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
