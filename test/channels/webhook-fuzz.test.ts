import fc from "fast-check";
import nock from "nock";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordGraphSends, recordZaloSends, startTestServer, type TestServer } from "../helpers/test-server.js";

/** Odd text: any Unicode, emoji, combining marks, NUL, huge strings. */
const oddText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom("", "\u0000", "e\u0301\u0301\u0301", "🙏🏽🇻🇳", "ạaaaaaaa", "PA-2026-", "%s%n", "<script>alert(1)</script>", "a".repeat(50_000)),
);
const anyValue = fc.oneof(oddText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(oddText, { maxLength: 3 }), fc.dictionary(oddText, oddText, { maxKeys: 3 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const zaloEvent = fc.record(
  {
    app_id: fc.oneof(fc.constant("3605738391474520000"), anyValue),
    timestamp: fc.oneof(fc.constant("1764040000000"), anyValue),
    event_name: fc.oneof(fc.constantFrom("user_send_text", "user_send_image", "user_send_location", "follow", "user_submit_info", "oa_send_text", "user_seen_message", "nonsense"), anyValue),
    sender: maybe(fc.oneof(fc.record({ id: fc.oneof(oddText, anyValue) }), anyValue)),
    recipient: maybe(fc.oneof(fc.record({ id: oddText }), anyValue)),
    follower: maybe(fc.oneof(fc.record({ id: oddText }), anyValue)),
    info: maybe(fc.oneof(fc.dictionary(oddText, anyValue), anyValue)),
    message: maybe(
      fc.oneof(
        fc.record({
          msg_id: fc.oneof(oddText, anyValue),
          text: maybe(fc.oneof(oddText, anyValue)),
          attachments: maybe(fc.oneof(fc.array(fc.record({ type: fc.oneof(oddText, fc.constantFrom("image", "location", "link")), payload: maybe(fc.oneof(anyValue, fc.record({ url: anyValue, coordinates: maybe(fc.oneof(anyValue, fc.record({ latitude: anyValue, longitude: anyValue }))) }))) }), { maxLength: 3 }), anyValue)),
        }),
        anyValue,
      ),
    ),
  },
  { requiredKeys: [] },
);

const messagingItem = fc.record(
  {
    sender: maybe(fc.oneof(fc.record({ id: fc.oneof(oddText, anyValue) }), anyValue)),
    recipient: maybe(fc.oneof(fc.record({ id: oddText }), anyValue)),
    timestamp: maybe(anyValue),
    message: maybe(fc.oneof(fc.record({ mid: fc.oneof(oddText, anyValue), text: maybe(fc.oneof(oddText, anyValue)), is_echo: maybe(anyValue), quick_reply: maybe(fc.oneof(fc.record({ payload: anyValue }), anyValue)), attachments: maybe(fc.oneof(fc.array(fc.record({ type: anyValue, payload: maybe(anyValue) }), { maxLength: 2 }), anyValue)) }), anyValue)),
    postback: maybe(fc.oneof(fc.record({ payload: anyValue, title: maybe(anyValue), mid: maybe(anyValue) }), anyValue)),
  },
  { requiredKeys: [] },
);
const messengerBody = fc.record(
  {
    object: fc.oneof(fc.constant("page"), anyValue),
    entry: fc.oneof(fc.array(fc.record({ id: fc.oneof(oddText, anyValue), time: maybe(anyValue), messaging: maybe(fc.oneof(fc.array(messagingItem, { maxLength: 3 }), anyValue)) }, { requiredKeys: [] }), { maxLength: 3 }), anyValue),
  },
  { requiredKeys: [] },
);

describe("webhook fuzzing", () => {
  let server: TestServer;
  const unhandled: unknown[] = [];
  /** Error-level logs: a handler that threw on odd input is a bug even if the server survives. */
  const errors: string[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    server = await startTestServer({}, { logger: pino({ level: "error" }, { write: (line: string) => void errors.push(line) }) });
    recordZaloSends(100_000);
    recordGraphSends(100_000);
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await server.stop();
    nock.cleanAll();
  });

  it("Zalo: random signed events never crash the server; wrong input gets a 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(zaloEvent, anyValue), async (event) => {
        const response = await server.postZalo(event as object);
        expect([200, 400, 401]).toContain(response.status);
        if (typeof event !== "object" || event === null || Array.isArray(event)) expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 150 },
    );
    await server.settle();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(unhandled).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("Messenger: random signed bodies never crash the server; wrong input gets a 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(messengerBody, anyValue), async (body) => {
        const response = await server.postMessenger(body as object);
        expect([200, 400]).toContain(response.status);
        if ((body as { object?: unknown })?.object !== "page") expect(response.status).toBe(400);
      }),
      { numRuns: 150 },
    );
    await server.settle();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(unhandled).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("raw garbage bytes: 400 or 401, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), async (raw) => {
        const zalo = await fetch(`${server.url}/webhooks/zalo`, { method: "POST", headers: { "content-type": "application/json" }, body: raw });
        expect([400, 401]).toContain(zalo.status);
        const messenger = await server.postMessenger(undefined, { raw });
        expect([200, 400]).toContain(messenger.status);
      }),
      { numRuns: 100 },
    );
    expect(unhandled).toEqual([]);
  });
});
