import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FLOOD_LIMIT } from "../../src/features/flood-limit/flood-limit.js";
import { messengerText, recordGraphSends, recordZaloSends, startTestServer, zaloText, type TestServer } from "../helpers/test-server.js";

describe("flood limit and /metrics", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ METRICS_TOKEN: "m-token" });
  });
  afterEach(async () => {
    await server.stop();
    nock.cleanAll();
  });

  it("one person flooding gets one polite notice; others are still answered; nothing is lost", async () => {
    const sent = recordZaloSends(500);
    const total = FLOOD_LIMIT.messages + 15;
    await Promise.all(Array.from({ length: total }, (_, i) => server.postZalo(zaloText(`tin nhắn số ${i}`, "flooder", `flood-${i}`))));
    await server.postZalo(zaloText("xin chào", "calm-person", "calm-1"));
    await server.settle();
    const toFlooder = sent.filter((s) => s.body.recipient.user_id === "flooder").map((s) => String(s.body.message.text ?? ""));
    expect(toFlooder.filter((text) => text.includes("quá nhanh"))).toHaveLength(1);
    expect(sent.some((s) => s.body.recipient.user_id === "calm-person")).toBe(true);
    const conversation = (await server.services.conversations.collection.find({ userId: "flooder" }))[0];
    expect(conversation.transcript.filter((line) => line.from === "person")).toHaveLength(total);
  });

  it("/metrics counts messages in and out per channel, intents and duplicates, behind its token", async () => {
    recordZaloSends();
    recordGraphSends();
    const event = zaloText("xin chào", "m1", "metric-1");
    await server.postZalo(event);
    await server.postZalo(event);
    await server.postMessenger(messengerText("lễ hội lim năm nay ngày nào", "m2"));
    await server.settle();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer m-token" } })).text();
    expect(text).toMatch(/bot_messages_in_total\{channel="zalo"\} 1/);
    expect(text).toMatch(/bot_duplicates_total\{channel="zalo"\} 1/);
    expect(text).toMatch(/bot_messages_in_total\{channel="messenger"\} 1/);
    expect(text).toMatch(/bot_messages_out_total\{channel="zalo"\} [1-9]/);
    expect(text).toMatch(/bot_intents_total\{intent="greeting"\} 1/);
    expect(text).toMatch(/bot_webhook_ack_seconds_count\{channel="zalo",status="200"\} 2/);
    expect(text).toContain("bot_queue_depth 0");
    expect(text).toContain('bot_messages_handling{state="running"} 0');
    expect(text).toContain('bot_messages_handling{state="waiting"} 0');
  });
});
