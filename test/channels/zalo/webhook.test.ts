import { beforeEach, describe, expect, it } from "vitest";
import { signEvent as zaloSignature } from "../../../src/channels/zalo/sdk/index.js";
import { fixture, fresh, recordZaloSends, startTestServer, serverPerTest, zaloText, type TestServer } from "../../helpers/test-server.js";

describe("POST /webhooks/zalo", () => {
  const each = serverPerTest();
  let server: TestServer;
  beforeEach(() => void (server = each.server));

  it("answers a signed text event through the cs API, with the access token header", async () => {
    const sent = recordZaloSends();
    const response = await server.postZalo(fresh(fixture("zalo/user_send_text.json")));
    expect(response.status).toBe(200);
    await server.settle();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0].token).toBe("access-1");
    expect(sent[0].body.recipient).toEqual({ user_id: "2512523625412515000" });
    expect(typeof sent[0].body.message.text).toBe("string");
  });

  it("refuses a forged signature with 401 and processes nothing", async () => {
    const sent = recordZaloSends();
    const event = zaloText("xin chào");
    expect((await server.postZalo(event, { signature: "mac=" + "0".repeat(64) })).status).toBe(401);
    expect((await server.postZalo(event, { signature: null })).status).toBe(401);
    await server.settle();
    expect(sent).toHaveLength(0);
    // The id was not consumed: the genuine delivery is still answered.
    expect((await server.postZalo(event)).status).toBe(200);
    await server.settle();
    expect(sent.length).toBeGreaterThan(0);
  });

  it("a body signed for other bytes is refused", async () => {
    const event = zaloText("xin chào");
    const raw = JSON.stringify(event);
    const signature = zaloSignature(event.app_id, raw, event.timestamp, server.config.ZALO_OA_SECRET_KEY!);
    const response = await server.postZalo(event, { raw: raw.replace("xin chào", "tạm biệt"), signature });
    expect(response.status).toBe(401);
  });

  it("the signature is over the raw bytes: a signed body of invalid UTF-8 gets 400 (not 401) and is not handled", async () => {
    const sent = recordZaloSends();
    const head = `{"app_id":"3605738391474520000","timestamp":"${Date.now()}","event_name":"user_send_text","sender":{"id":"901"},"recipient":{"id":"579745863508352884"},"message":{"msg_id":"utf8-1","text":"h`;
    const raw = Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]);
    const signature = zaloSignature("3605738391474520000", raw, JSON.parse(raw.toString("latin1")).timestamp, server.config.ZALO_OA_SECRET_KEY!);
    const response = await fetch(`${server.url}/webhooks/zalo`, { method: "POST", body: new Uint8Array(raw), headers: { "x-zevent-signature": signature } });
    expect(response.status).toBe(400);
    // Vietnamese text (multi-byte UTF-8) signed over its bytes is accepted.
    expect((await server.postZalo(zaloText("hội Lim năm nay ngày nào", "902"))).status).toBe(200);
    await server.settle();
    expect(sent.filter((s) => s.body.recipient.user_id === "901")).toHaveLength(0);
    expect(sent.filter((s) => s.body.recipient.user_id === "902").length).toBeGreaterThan(0);
  });

  it("a replayed delivery (timestamp older than ZALO_REPLAY_WINDOW_SECONDS, default 900) is answered 200 and not handled", async () => {
    const byDefault = await startTestServer({ ZALO_REPLAY_WINDOW_SECONDS: undefined });
    const strict = await startTestServer({ ZALO_REPLAY_WINDOW_SECONDS: "60" });
    try {
      const sent = recordZaloSends();
      const old = { ...zaloText("xin chào", "903", "replayed-1"), timestamp: String(Date.now() - 901_000) };
      const response = await byDefault.postZalo(old);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, handled: false });
      await byDefault.settle();
      expect(sent).toHaveLength(0);
      expect(await byDefault.services.conversations.collection.find({ userId: "903" })).toEqual([]);
      // The window is configuration: 60 s refuses what the default 900 s lets through.
      const twoMinutes = { ...zaloText("xin chào", "904"), timestamp: String(Date.now() - 120_000) };
      expect(await (await strict.postZalo(twoMinutes)).json()).toEqual({ ok: true, handled: false });
      expect(await (await byDefault.postZalo(twoMinutes)).json()).toEqual({ ok: true });
      await byDefault.settle();
      expect(sent.filter((s) => s.body.recipient.user_id === "904").length).toBeGreaterThan(0);
    } finally {
      await strict.stop();
      await byDefault.stop();
    }
  });

  it("malformed JSON → 400, too large → 413, and the server keeps serving", async () => {
    const malformed = await fetch(`${server.url}/webhooks/zalo`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(malformed.status).toBe(400);
    const huge = await fetch(`${server.url}/webhooks/zalo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "x".repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("the same msg_id delivered twice is answered once", async () => {
    const sent = recordZaloSends();
    const event = zaloText("xin chào", "111", "dup-msg-1");
    await server.postZalo(event);
    await server.postZalo(event);
    await server.settle();
    const toPerson = sent.filter((s) => s.body.recipient.user_id === "111");
    const firstCount = toPerson.length;
    expect(firstCount).toBeGreaterThan(0);
    await server.postZalo(event);
    await server.settle();
    expect(sent.filter((s) => s.body.recipient.user_id === "111")).toHaveLength(firstCount);
  });

  it("ignores the OA's own echo and receipts", async () => {
    const sent = recordZaloSends();
    expect((await server.postZalo(fresh(fixture("zalo/oa_send_text.json")))).status).toBe(200);
    await server.settle();
    expect(sent).toHaveLength(0);
  });

  it("takes images, links and locations into the conversation", async () => {
    recordZaloSends();
    for (const name of ["user_send_image", "user_send_link", "user_send_location"]) {
      expect((await server.postZalo(fresh(fixture(`zalo/${name}.json`)))).status).toBe(200);
    }
    await server.settle();
    const conversation = (await server.services.conversations.collection.find({ userId: "2512523625412515000" }))[0];
    const extras = conversation.transcript.map((line) => line.extra ?? "").join(" ");
    expect(extras).toContain("[image] https://photo-stal-1.zdn.vn/full.jpg");
    expect(extras).toContain("[link] https://www.facebook.com/some.page/posts/123");
    expect(extras).toContain("[location] 21.1717,106.0763");
  });

  it("serves the Zalo domain-verification page when configured", async () => {
    const verified = await startTestServer({ ZALO_SITE_VERIFICATION: "ABC123xyz" });
    try {
      const response = await fetch(`${verified.url}/zalo_verifierABC123xyz.html`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('content="ABC123xyz"');
      expect((await fetch(`${verified.url}/zalo_verifierWRONG.html`)).status).toBe(404);
    } finally {
      await verified.stop();
    }
  });
});
