import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messengerSignature } from "../../src/channels/messenger/signature.js";
import { signEvent as zaloSignature } from "../../src/channels/zalo/sdk/index.js";
import { fixture, messengerText, TEST_ENV, zaloText } from "../helpers/test-server.js";
import { deleteKeys, dropSchema, requirePostgres, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "../store/services.js";

/**
 * Two real server processes (`node --import tsx src/main.ts`) on one PostgreSQL schema and one Redis,
 * sending to a stub Zalo / Graph API in this process that records every send in arrival order.
 * 30 people (20 on Zalo, 10 on Messenger) write 10 numbered messages each, spread over both
 * processes, some delivered to both: each message must be answered exactly once, and each person's
 * answers must arrive in the order of their messages.
 *
 * Each message is a status lookup of a code that does not exist ("tra cứu PA-2026-10kk"): the answer is
 * one message naming that code, so every send tells which message it answers.
 */

const ZALO_OA = "579745863508352884";
const PAGE = "108512345678901";
const PEOPLE = 30;
const MESSENGER_PEOPLE = 10;
const MESSAGES = 10;

interface Person {
  channel: "zalo" | "messenger";
  userId: string;
  accountId: string;
}

interface Instance {
  child: ChildProcess;
  url: string;
  output: string[];
}

const people: Person[] = Array.from({ length: PEOPLE }, (_, i) =>
  i < PEOPLE - MESSENGER_PEOPLE
    ? { channel: "zalo" as const, userId: `zalo-person-${i}`, accountId: ZALO_OA }
    : { channel: "messenger" as const, userId: `fb-person-${i}`, accountId: PAGE },
);
const codeOf = (k: number) => `PA-2026-${1000 + k}`;

/** Every send the stub received, in arrival order. */
const sends: { channel: string; userId: string; text: string }[] = [];
let stub: Server;
let stubUrl: string;
const instances: Instance[] = [];
let schema: string;
let prefix: string;
let admin: Awaited<ReturnType<typeof requirePostgres>>;
let redis: Awaited<ReturnType<typeof requireRedis>>;

function startStub(): Promise<void> {
  stub = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : {};
      const path = (req.url ?? "").split("?")[0];
      if (path === "/v3.0/oa/message/cs") {
        sends.push({ channel: "zalo", userId: String(body.recipient?.user_id), text: String(body.message?.text ?? "") });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(fixture("zalo/api-send-success.json")));
      } else if (path.endsWith("/me/messages")) {
        if (body.message) sends.push({ channel: "messenger", userId: String(body.recipient?.id), text: String(body.message?.text ?? "") });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(fixture("messenger/api-send-success.json")));
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      }
    });
  });
  return new Promise((resolve) => stub.listen(0, "127.0.0.1", () => resolve()));
}

/** Starts `node --import tsx src/main.ts` and resolves with its URL once it logs that it listens. */
async function startInstance(name: string): Promise<Instance> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(VITEST|NODE_OPTIONS|TEST_)/.test(key)) env[key] = value;
  Object.assign(env, TEST_ENV, {
    LOG_LEVEL: "info",
    PORT: "0",
    HOST: "127.0.0.1",
    STORE: "postgres",
    DATABASE_URL: TEST_DATABASE_URL,
    PG_SCHEMA: schema,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    ZALO_API_BASE: stubUrl,
    ZALO_OAUTH_BASE: stubUrl,
    FB_GRAPH_BASE: stubUrl,
    METRICS_TOKEN: "",
  });
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const instance: Instance = { child, url: "", output };
  instances.push(instance);
  // Should this test process end without afterAll (a crash), the child goes with it.
  process.once("exit", () => child.kill("SIGKILL"));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output.join("").slice(-3000)}`)), 45_000);
    const read = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output.push(text);
      buffered += text;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const port = /"port":(\d+).*listening on/.exec(line)?.[1];
        if (port) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        }
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before listening:\n${output.join("").slice(-3000)}`));
    });
  });
  instance.url = url;
  return instance;
}

/** SIGTERM (the server drains and closes), then SIGKILL if it has not exited within 10 s. */
async function stopInstance(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

const STARTED = Date.now();

/** Posts the signed webhook of message k of a person to one instance. */
async function deliver(instance: Instance, person: Person, k: number): Promise<void> {
  const text = `tra cứu ${codeOf(k)}`;
  const id = `${person.userId}-m${k}`;
  let response: Response;
  if (person.channel === "zalo") {
    // Timestamps in order, and recent: older events fall outside the webhook's replay window.
    const body = { ...zaloText(text, person.userId, id), timestamp: String(STARTED + k) };
    const raw = JSON.stringify(body);
    const signature = zaloSignature(body.app_id, raw, body.timestamp, TEST_ENV.ZALO_OA_SECRET_KEY);
    response = await fetch(`${instance.url}/webhooks/zalo`, { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signature }, body: raw });
  } else {
    const raw = JSON.stringify(messengerText(text, person.userId, `m_${id}`));
    response = await fetch(`${instance.url}/webhooks/messenger`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": messengerSignature(raw, TEST_ENV.FB_APP_SECRET) },
      body: raw,
    });
  }
  expect(response.status).toBe(200);
}

/** Polls `check` every 25 ms until it is true; fails after `ms` with `what`. */
async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** How many of a person's messages have their place in line (tickets taken in the Redis runner). */
async function placed(person: Person): Promise<number> {
  return Number((await redis.hget(`${prefix}queue:{${person.channel}:${person.accountId}:${person.userId}}`, "next")) ?? 0);
}

async function metric(instance: Instance, name: string): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  return [...text.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, "gm"))].reduce((sum, match) => sum + Number(match[1]), 0);
}

beforeAll(async () => {
  admin = await requirePostgres();
  redis = await requireRedis();
  schema = uniqueName("test_two");
  prefix = `${uniqueName("test-two")}:`;
  await startStub();
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  await Promise.all([startInstance("instance A"), startInstance("instance B")]);
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  await new Promise((resolve) => stub?.close(resolve));
  if (admin) {
    await dropSchema(admin, schema).catch(() => undefined);
    await admin.end();
  }
  if (redis) {
    await deleteKeys(redis, prefix).catch(() => undefined);
    redis.disconnect();
  }
}, 30_000);

describe("two server processes on one PostgreSQL + Redis", () => {
  it("answers every message exactly once, each person's in order, duplicates once", async () => {
    const [a, b] = instances as [Instance, Instance];
    let duplicates = 0;
    for (let k = 1; k <= MESSAGES; k++) {
      // Round k: message k of every person at once, half to each instance; some delivered to both.
      await Promise.all(
        people.map(async (person, p) => {
          const first = (p + k) % 2 === 0 ? a : b;
          const twice = k === 1 || (p * MESSAGES + k) % 7 === 0;
          if (!twice) return deliver(first, person, k);
          duplicates++;
          await Promise.all([deliver(a, person, k), deliver(b, person, k)]);
        }),
      );
      // The webhooks answer 200 before the message is queued (the channels want it at once): message k+1 is
      // sent only once every message k has its place in its person's line, which fixes "the order they were sent".
      await waitFor(`round ${k} placed`, async () => (await Promise.all(people.map(placed))).every((n) => n >= k));
    }

    const queue = new Queue("outbound", { connection: { url: TEST_REDIS_URL, maxRetriesPerRequest: null }, prefix: `${prefix}bull` });
    try {
      await waitFor("every reply job done", async () => {
        const counts = await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed");
        return counts.completed! + counts.failed! >= PEOPLE * MESSAGES && counts.waiting! + counts.active! + counts.delayed! === 0;
      }, 45_000);
      // One job per answered message, none given up.
      expect(await queue.getJobCounts("completed", "failed")).toEqual({ completed: PEOPLE * MESSAGES, failed: 0 });
    } finally {
      await queue.close();
    }

    // Exactly once: one send per (person, message), and nothing else.
    expect(sends).toHaveLength(PEOPLE * MESSAGES);
    for (const person of people) {
      const received = sends.filter((send) => send.channel === person.channel && send.userId === person.userId);
      const answered = received.map((send) => Number(/mã PA-2026-(\d+)/.exec(send.text)?.[1]) - 1000);
      // In order: the answer to message k arrived before the answer to k+1, and each exactly once.
      expect(answered, `${person.channel} ${person.userId}`).toEqual(Array.from({ length: MESSAGES }, (_, i) => i + 1));
    }

    // Both instances took messages, and the repeats were dropped as duplicates between them.
    const accepted = await Promise.all([a, b].map((instance) => metric(instance, "bot_messages_in_total")));
    expect(accepted.every((n) => n > 0)).toBe(true);
    expect(accepted[0]! + accepted[1]!).toBe(PEOPLE * MESSAGES);
    const dropped = (await metric(a, "bot_duplicates_total")) + (await metric(b, "bot_duplicates_total"));
    expect(dropped).toBe(duplicates);
  }, 90_000);
});
