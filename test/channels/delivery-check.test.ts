import { afterEach, describe, expect, it } from "vitest";
import { startPlatformStub, type Fault, type PlatformStub } from "../faults/kit/platform-stub.js";
import { messengerText, zaloText, type TestServer } from "../helpers/test-server.js";
import { BACKENDS, startOn, type Backend, type BackendServer } from "../scale/backends.js";

/**
 * Issue 15, item 4: a send that timed out is not blindly repeated where the platform offers a way to tell. Through
 * the real app (signed webhooks over HTTP) against a local stub of the Zalo and Graph APIs whose send calls are
 * scripted: answered, never answered and dropped (`hang`), or never answered but delivered (`hang-delivered`). The
 * bot reads the conversation back (Zalo GET /v2.0/oa/conversation, Graph /me/conversations): there → counted as
 * sent; absent → sent again, once; the listing refused → "maybe sent", staff told. On both deployments: in process
 * (the direct Outbound) and on PostgreSQL + Redis (the BullMQ outbound queue), which share the rule (OutboxBook).
 */

let stub: PlatformStub | undefined;
let server: TestServer | undefined;
let running: BackendServer | undefined;
afterEach(async () => {
  await running?.stop();
  await stub?.close();
  server = stub = running = undefined;
});

/** The bot against a stub whose n-th send call to a person gets `script[n]` ("ok" after the script). */
async function start(backend: Backend, script: Fault[], refuseListing: ("zalo" | "messenger")[] = []) {
  const calls = new Map<string, number>();
  stub = await startPlatformStub({
    refuseListing,
    fault: ({ userId }) => {
      const n = calls.get(userId) ?? 0;
      calls.set(userId, n + 1);
      return script[n] ?? "ok";
    },
  });
  running = await startOn(backend, {
    ZALO_API_BASE: stub.url,
    ZALO_OAUTH_BASE: stub.url,
    FB_GRAPH_BASE: stub.url,
    STAFF_WEBHOOK_URL: `${stub.url}/staff`,
    HTTP_TIMEOUT_MS: "300",
    DELIVERY_CHECK_DELAY_MS: "20",
  });
  server = running.server;
  return { stub, server, calls };
}

async function say(channel: "zalo" | "messenger", userId: string, text = "xin chào") {
  const response = channel === "zalo" ? await server!.postZalo(zaloText(text, userId, `${userId}-1`)) : await server!.postMessenger(messengerText(text, userId, `m_${userId}_1`));
  expect(response.status).toBe(200);
  await server!.settle();
}

/** What the person got, and what the bot wrote to them (its one reply). */
async function outcome(channel: "zalo" | "messenger", userId: string) {
  const [conversation] = await server!.services.conversations.collection.find({ channel, userId });
  const written = (conversation?.transcript ?? []).filter((line) => line.from === "bot").map((line) => line.text);
  const got = stub!.delivered.filter((entry) => entry.userId === userId).map((entry) => entry.text);
  const letters = await server!.store.collection<{ id: string; kind?: string }>("dead_letters").find();
  const alerts = stub!.staff.filter((notice) => notice.type === "dead_letter");
  const outbox = await server!.store.collection("outbox").find();
  return { written, got, letters, alerts, outbox };
}

const CASES = BACKENDS.flatMap((backend) => (["zalo", "messenger"] as const).map((channel) => [channel, backend] as const));

describe.each(CASES)("a timed-out send on %s (%s)", (channel, backend) => {
  it("that the conversation shows is counted as sent: not sent again, no dead letter", async () => {
    const { calls } = await start(backend, ["hang-delivered"]);
    await say(channel, "u-arrived");
    const { written, got, letters, alerts, outbox } = await outcome(channel, "u-arrived");
    expect(written).toHaveLength(1);
    expect(got).toEqual([written[0]]);
    expect(calls.get("u-arrived")).toBe(1);
    expect(letters).toEqual([]);
    expect(alerts).toEqual([]);
    expect(outbox).toEqual([]);
  });

  it("that the conversation does not show is sent again, and arrives once", async () => {
    const { calls } = await start(backend, ["hang"]);
    await say(channel, "u-lost");
    const { written, got, letters, outbox } = await outcome(channel, "u-lost");
    expect(calls.get("u-lost")).toBe(2);
    expect(got).toEqual([written[0]]);
    expect(letters).toEqual([]);
    expect(outbox).toEqual([]);
  });

  it("is sent again only once: timed out twice and still not shown, it is 'maybe sent' and staff are told", async () => {
    const { calls } = await start(backend, ["hang", "hang", "ok"]);
    await say(channel, "u-twice");
    const { got, letters, alerts, outbox } = await outcome(channel, "u-twice");
    expect(calls.get("u-twice")).toBe(2);
    expect(got).toEqual([]);
    expect(letters).toMatchObject([{ kind: "maybe_sent" }]);
    expect(alerts.map((notice) => notice.ref)).toEqual([letters[0]!.id]);
    expect(outbox).toEqual([]);
  });

  it("where the listing is refused (no permission) is not repeated: 'maybe sent', staff told", async () => {
    const { calls } = await start(backend, ["hang-delivered"], [channel]);
    await say(channel, "u-unknown");
    const { written, got, letters, alerts } = await outcome(channel, "u-unknown");
    expect(calls.get("u-unknown")).toBe(1);
    expect(got).toEqual([written[0]]);
    expect(letters).toMatchObject([{ kind: "maybe_sent" }]);
    expect(alerts).toHaveLength(1);
  });
});
