import { beforeEach, describe, expect, it } from "vitest";
import { messengerSignature } from "../../../src/channels/messenger/signature.js";
import { fixture, sendEndpoint, messengerText, recordGraphSends, serverPerTest, type TestServer } from "../../helpers/test-server.js";

describe("/webhooks/messenger", () => {
  const each = serverPerTest();
  let server: TestServer;
  beforeEach(() => void (server = each.server));

  it("GET answers the challenge only for the right verify token", async () => {
    const ok = await fetch(`${server.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=fb-verify-token&hub.challenge=CHALLENGE_42`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("CHALLENGE_42");
    const wrong = await fetch(`${server.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=X`);
    expect(wrong.status).toBe(403);
    const noMode = await fetch(`${server.url}/webhooks/messenger?hub.verify_token=fb-verify-token&hub.challenge=X`);
    expect(noMode.status).toBe(403);
  });

  it("answers a signed text message through the Send API with the page token", async () => {
    const sent = recordGraphSends();
    expect((await server.postMessenger(fixture("messenger/text.json"))).status).toBe(200);
    await server.settle();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0].query.access_token).toBe("fb-page-token");
    expect(sent[0].body.recipient).toEqual({ id: "7012345678901234" });
    expect(sent[0].body.messaging_type).toBe("RESPONSE");
  });

  it("refuses a wrong or missing signature with 401", async () => {
    const sent = recordGraphSends();
    const body = messengerText("xin chào");
    expect((await server.postMessenger(body, { signature: "sha256=" + "0".repeat(64) })).status).toBe(401);
    expect((await server.postMessenger(body, { signature: null })).status).toBe(401);
    await server.settle();
    expect(sent).toHaveLength(0);
  });

  it("the signature is over the raw bytes: a signed body of invalid UTF-8 gets 400, not 401", async () => {
    const sent = recordGraphSends();
    const raw = Buffer.concat([Buffer.from('{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"9"},"message":{"mid":"m","text":"'), Buffer.from([0xff]), Buffer.from('"}}]}]}')]);
    const response = await fetch(`${server.url}/webhooks/messenger`, {
      method: "POST",
      body: new Uint8Array(raw),
      headers: { "content-type": "application/json", "x-hub-signature-256": messengerSignature(raw, "fb-app-secret") },
    });
    expect(response.status).toBe(400);
    await server.settle();
    expect(sent).toHaveLength(0);
  });

  it("malformed JSON (signed) → 400 and too large → 413; the server keeps serving", async () => {
    const raw = "{oops";
    expect((await server.postMessenger(undefined, { raw, signature: messengerSignature(raw, "fb-app-secret") })).status).toBe(400);
    const big = JSON.stringify({ object: "page", entry: [], pad: "x".repeat(1_200_000) });
    expect((await server.postMessenger(undefined, { raw: big })).status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("handles every messaging item of every entry in a batched body", async () => {
    const sent = recordGraphSends();
    expect((await server.postMessenger(fixture("messenger/batched.json"))).status).toBe(200);
    await server.settle();
    const recipients = sent.map((s) => s.body.recipient.id);
    expect(recipients.filter((id) => id === "7011111111111111").length).toBeGreaterThanOrEqual(2);
    expect(recipients).toContain("7022222222222222");
    // In order for one person: the reply to m_B1 is sent before the reply to m_B2.
    const conversation = await server.services.conversations.get("messenger:108512345678901:7011111111111111");
    const personLines = conversation!.transcript.filter((line) => line.from === "person").map((line) => line.text);
    expect(personLines).toEqual(["xin chào", "lớp quan họ học ở đâu"]);
  });

  it("ignores echoes", async () => {
    const sent = recordGraphSends();
    await server.postMessenger(fixture("messenger/echo.json"));
    await server.settle();
    expect(sent).toHaveLength(0);
  });

  it("a message id delivered twice is answered once", async () => {
    const sent = recordGraphSends();
    const body = messengerText("xin chào", "7099", "m_dup");
    await server.postMessenger(body);
    await server.settle();
    const count = sent.length;
    expect(count).toBeGreaterThan(0);
    await server.postMessenger(body);
    await server.settle();
    expect(sent).toHaveLength(count);
  });

  it("Get Started opens the conversation (kind start); other postbacks and quick replies are choices", async () => {
    recordGraphSends();
    await server.postMessenger(fixture("messenger/postback.json"));
    await server.postMessenger(fixture("messenger/quick_reply.json"));
    await server.settle();
    const conversation = await server.services.conversations.get("messenger:108512345678901:7012345678901234");
    const extras = conversation!.transcript.map((line) => line.extra ?? "");
    expect(extras.some((extra) => extra.startsWith("[start]"))).toBe(true);
    expect(extras).toContain("[choice] MENU_FESTIVALS");
    const menuTap = fixture<any>("messenger/postback.json");
    menuTap.entry[0].messaging[0].postback = { mid: "m_menu_tap", title: "Lễ hội", payload: "menu:festivals" };
    await server.postMessenger(menuTap);
    await server.settle();
    const after = await server.services.conversations.get("messenger:108512345678901:7012345678901234");
    expect(after!.transcript.map((line) => line.extra ?? "")).toContain("[choice] menu:festivals");
  });

  it("retries a rate-limited send (613) and a 5xx, then succeeds", async () => {
    const sends = sendEndpoint("messenger", [400, fixture("messenger/api-send-error-rate.json")], [502, "bad gateway"], [200, fixture("messenger/api-send-success.json")]);
    await server.postMessenger(messengerText("xin chào", "7100"));
    await server.settle();
    expect(sends.calls).toBeGreaterThanOrEqual(3);
  });

  it("does not retry a send outside the 24 h window", async () => {
    const sends = sendEndpoint("messenger", [400, fixture("messenger/api-send-error-window.json")]);
    await server.postMessenger(messengerText("xin chào", "7200"));
    await server.settle();
    expect(sends.calls).toBe(1);
  });
});
