import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Bot, signEvent, webhookCallback, type WebhookOptions, type ZaloEvent } from "../../../../src/channels/zalo/sdk/index.js";
import { event, stubApi } from "./helpers.js";

const SECRET = "oa-secret";
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A bot behind its webhook on an ephemeral port; `post` signs the bytes it is given. */
async function serve(setup: (bot: Bot) => void, options: Partial<WebhookOptions> = {}) {
  const { api, calls } = stubApi();
  const bot = new Bot({ api });
  setup(bot);
  const callback = webhookCallback(bot, { secretKey: SECRET, ...options });
  server = createServer((req, res) => void callback(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const post = (body: Buffer | object, signature?: string | null) => {
    const raw = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const fields = () => (Buffer.isBuffer(body) ? JSON.parse(raw.toString("latin1")) : body) as Record<string, string>;
    const mac = signature === undefined ? signEvent(fields().app_id, raw, String(fields().timestamp), SECRET) : signature;
    return fetch(url, { method: "POST", body: new Uint8Array(raw), headers: mac === null ? {} : { "x-zevent-signature": mac } });
  };
  return { post, calls };
}

const now = (name: string, at = Date.now()) => ({ ...event<ZaloEvent>(name), timestamp: String(at) });

describe("webhookCallback", () => {
  it("a signed event is handled: request_user_info goes out as the SDK's template", async () => {
    const { post, calls } = await serve((bot) =>
      bot.on("user_send_text", (ctx) => ctx.requestUserInfo({ title: "Thông tin liên hệ", subtitle: "Để cán bộ liên hệ lại", imageUrl: "https://example.org/logo.png" })),
    );
    const response = await post(now("user_send_text"));
    expect(response.status).toBe(200);
    expect(calls[0].body).toEqual({
      recipient: { user_id: "2512523625412515000" },
      message: {
        attachment: {
          type: "template",
          payload: { template_type: "request_user_info", elements: [{ title: "Thông tin liên hệ", subtitle: "Để cán bộ liên hệ lại", image_url: "https://example.org/logo.png" }] },
        },
      },
    });
  });

  it("checks the signature over the raw bytes: other bytes, a missing or forged header get 401", async () => {
    let handled = 0;
    const { post } = await serve((bot) => bot.use(() => void handled++));
    const body = now("user_send_text");
    const raw = Buffer.from(JSON.stringify(body));
    const good = signEvent(body.app_id, raw, body.timestamp, SECRET);
    // The same JSON re-serialised with other whitespace is other bytes.
    expect((await post(Buffer.from(JSON.stringify(body, null, 1)), good)).status).toBe(401);
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, "mac=" + "0".repeat(64))).status).toBe(401);
    expect(handled).toBe(0);
    expect((await post(raw, good)).status).toBe(200);
    expect(handled).toBe(1);
  });

  it("a correctly signed body that is not valid UTF-8 gets 400, not 401; unsigned garbage gets 401", async () => {
    let handled = 0;
    const { post } = await serve((bot) => bot.use(() => void handled++));
    const head = `{"app_id":"3605738391474520000","timestamp":"${Date.now()}","event_name":"user_send_text","sender":{"id":"1"},"recipient":{"id":"2"},"message":{"msg_id":"m","text":"`;
    const raw = Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('"}}')]);
    const signed = await post(raw);
    expect(signed.status).toBe(400);
    expect(await signed.json()).toEqual({ error: "Body is not valid UTF-8" });
    expect((await post(raw, "mac=" + "1".repeat(64))).status).toBe(401);
    expect(handled).toBe(0);
  });

  it("malformed JSON and non-objects get 400, a body over the limit 413", async () => {
    const { post } = await serve(() => undefined, { maxBodyBytes: 1000 });
    expect((await post(Buffer.from("{not json"), "mac=x")).status).toBe(400);
    expect((await post(Buffer.from("[1,2]"), "mac=x")).status).toBe(400);
    expect((await post({ ...now("user_send_text"), pad: "x".repeat(2000) })).status).toBe(413);
  });

  it("an event outside the replay window is answered 200 and not handled; inside it is handled", async () => {
    let handled = 0;
    const replays: number[] = [];
    const clock = 1_800_000_000_000;
    const { post } = await serve((bot) => bot.use(() => void handled++), { replayWindowSeconds: 300, now: () => clock, onReplay: (_e, age) => void replays.push(age) });
    const old = await post(now("user_send_text", clock - 301_000));
    expect(old.status).toBe(200);
    expect(await old.json()).toEqual({ ok: true, handled: false });
    expect((await post(now("user_send_text", clock + 400_000))).status).toBe(200); // from the future: also refused
    expect(handled).toBe(0);
    expect(replays).toEqual([301_000, -400_000]);
    expect((await post(now("user_send_text", clock - 299_000))).status).toBe(200);
    expect(handled).toBe(1);
  });

  it("a signed event without event_name or with a non-numeric timestamp gets 400", async () => {
    const { post } = await serve(() => undefined);
    const { event_name: _name, ...nameless } = now("user_send_text");
    expect((await post(nameless)).status).toBe(400);
    expect((await post({ ...now("user_send_text"), timestamp: "yesterday" })).status).toBe(400);
  });

  it("answers 200 after ackWithinMs even when the handler is slow; the handler still finishes", async () => {
    let finished = false;
    const { post } = await serve(
      (bot) =>
        bot.use(async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          finished = true;
        }),
      { ackWithinMs: 50 },
    );
    const started = Date.now();
    expect((await post(now("user_send_text"))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(250);
    expect(finished).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(finished).toBe(true);
  });
});
