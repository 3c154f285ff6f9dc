import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import pino from "pino";
import { loadConfig, type Config } from "../../src/config.js";
import { messengerSignature } from "../../src/channels/messenger/signature.js";
import { signEvent as zaloSignature } from "../../src/channels/zalo/sdk/index.js";
import { createApp, type App } from "../../src/server.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import type { Store } from "../../src/store/store.js";
import { Knowledge } from "../../src/shared/knowledge.js";
import { loadContent } from "../../src/content/index.js";

let shared: Knowledge | undefined;
/** Content and the trained understander, loaded once per test file (start-up work tests need not repeat). */
export function sharedKnowledge(): Knowledge {
  shared ??= new Knowledge(loadContent("content"), "vo-cuong");
  return shared;
}

/** Test credentials; the outside APIs are nock'ed at these bases. */
export const TEST_ENV = {
  LOG_LEVEL: "silent",
  STORE: "memory",
  BOT_TODAY: "2026-11-25",
  ZALO_APP_ID: "3605738391474520000",
  ZALO_APP_SECRET: "zalo-app-secret",
  ZALO_OA_SECRET_KEY: "zalo-oa-secret-key",
  ZALO_OA_ACCESS_TOKEN: "access-1",
  ZALO_OA_REFRESH_TOKEN: "refresh-1",
  ZALO_API_BASE: "https://openapi.zalo.me",
  ZALO_OAUTH_BASE: "https://oauth.zaloapp.com",
  FB_APP_SECRET: "fb-app-secret",
  FB_VERIFY_TOKEN: "fb-verify-token",
  FB_PAGE_ACCESS_TOKEN: "fb-page-token",
  FB_GRAPH_BASE: "https://graph.facebook.com",
  FB_GRAPH_VERSION: "v21.0",
  // Off here: many tests pin the app's clock and move it by hours while their events carry other times. The window
  // itself is tested with it on (test/channels/zalo/webhook.test.ts, test/channels/zalo/sdk/webhook.test.ts).
  ZALO_REPLAY_WINDOW_SECONDS: "0",
  RETRY_BASE_MS: "1",
  RETRY_ATTEMPTS: "4",
} as const;

export const ZALO_API = TEST_ENV.ZALO_API_BASE;
export const GRAPH_API = TEST_ENV.FB_GRAPH_BASE;

/** A running server on an ephemeral port, with helpers to post signed webhooks. */
export interface TestServer extends App {
  url: string;
  config: Config;
  postZalo(body: unknown, options?: { signature?: string | null; raw?: string }): Promise<Response>;
  postMessenger(body: unknown, options?: { signature?: string | null; raw?: string }): Promise<Response>;
  /** Waits until every delivered webhook has been handled. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real Express app over HTTP. Outside APIs must be nock'ed by the test; only loopback is let through.
 *
 * @example const server = await startTestServer(); await server.postZalo(fixture("zalo/user_send_text.json"));
 */
export async function startTestServer(
  env: Record<string, string | undefined> = {},
  options: { store?: Store; knowledge?: Knowledge; now?: () => number; logger?: import("pino").Logger } = {},
): Promise<TestServer> {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  // Each app its own INSTANCE_ID: several apps in one process (two "instances" on one Redis) would otherwise share
  // hostname:3000, and one's start-up would free the other's per-person queue places and jobs.
  const config = loadConfig({ ...TEST_ENV, INSTANCE_ID: `test-${randomUUID()}`, ...env });
  const app = await createApp(config, {
    store: options.store ?? new MemoryStore(),
    logger: options.logger ?? pino({ level: "silent" }),
    knowledge: options.knowledge ?? sharedKnowledge(),
    now: options.now,
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, raw: string, headers: Record<string, string>) =>
    fetch(url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: raw });
  return {
    ...app,
    url,
    config,
    postZalo(body, opts = {}) {
      const raw = opts.raw ?? JSON.stringify(body);
      const event = (body ?? {}) as { app_id?: unknown; timestamp?: unknown };
      const asText = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
      const signature = opts.signature === undefined ? zaloSignature(asText(event.app_id), raw, asText(event.timestamp), config.ZALO_OA_SECRET_KEY!) : opts.signature;
      return post("/webhooks/zalo", raw, signature === null ? {} : { "x-zevent-signature": signature });
    },
    postMessenger(body, opts = {}) {
      const raw = opts.raw ?? JSON.stringify(body);
      const signature = opts.signature === undefined ? messengerSignature(raw, config.FB_APP_SECRET!) : opts.signature;
      return post("/webhooks/messenger", raw, signature === null ? {} : { "x-hub-signature-256": signature });
    },
    async settle() {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await app.pipeline.idle();
      }
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

/** Reads a sample payload from test/fixtures (copied from shared/fixtures). */
export function fixture<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8")) as T;
}

/**
 * A fresh test server for each test of the calling `describe`, stopped (and nock cleared) after each.
 *
 * @example const each = serverPerTest(); it("…", async () => { await each.server.postZalo(body); });
 */
export function serverPerTest(env: Record<string, string | undefined> = {}): { server: TestServer } {
  const holder = {} as { server: TestServer };
  beforeEach(async () => {
    holder.server = await startTestServer(env);
  });
  afterEach(async () => {
    await holder.server.stop();
    nock.cleanAll();
  });
  return holder;
}

/**
 * Stubs a platform's send endpoint: the n-th call gets the n-th answer (the last one repeats); counts the calls
 * and keeps the bodies.
 *
 * @example const sends = sendEndpoint("zalo", [503, "down"], [200, fixture("zalo/api-send-success.json")]);
 */
export function sendEndpoint(channel: "zalo" | "messenger", ...answers: [number, unknown][]): { calls: number; bodies: unknown[] } {
  const seen = { calls: 0, bodies: [] as unknown[] };
  const scope = channel === "zalo" ? nock(ZALO_API).post("/v3.0/oa/message/cs") : nock(GRAPH_API).post("/v21.0/me/messages").query(true);
  scope.times(100).reply((_uri, body) => {
    const answer = answers[Math.min(seen.calls, answers.length - 1)];
    seen.calls++;
    seen.bodies.push(body);
    return answer;
  });
  return seen;
}

/** Records every Zalo cs send; answers success. Returns the list it fills. */
export function recordZaloSends(times = 50): { token: string | undefined; body: any }[] {
  const sent: { token: string | undefined; body: any }[] = [];
  nock(ZALO_API)
    .post("/v3.0/oa/message/cs")
    .times(times)
    .reply(function (_uri, body) {
      sent.push({ token: this.req.headers["access_token"] as string | undefined, body });
      return [200, fixture("zalo/api-send-success.json")];
    });
  return sent;
}

/** Records every Messenger Send API call; answers success. */
export function recordGraphSends(times = 50): { query: Record<string, string>; body: any }[] {
  const sent: { query: Record<string, string>; body: any }[] = [];
  nock(GRAPH_API)
    .post("/v21.0/me/messages")
    .query(true)
    .times(times)
    .reply(function (uri, body) {
      sent.push({ query: Object.fromEntries(new URL(uri, GRAPH_API).searchParams), body });
      return [200, fixture("messenger/api-send-success.json")];
    });
  return sent;
}

/** A sample event as Zalo would deliver it now (its timestamp inside the webhook's replay window). */
export function fresh<T extends object>(event: T, at = Date.now()): T {
  return { ...event, timestamp: String(at) };
}

/** Everything sent on Zalo to one person, as text (buttons as [title]). */
export function zaloTextTo(sent: { body: any }[], userId: string): string {
  return sent
    .filter((s) => s.body.recipient.user_id === userId)
    .map((s) => [s.body.message.text ?? "", ...(s.body.message.attachment?.payload?.buttons ?? []).map((b: any) => `[${b.title}]`)].join(" "))
    .join("\n");
}

/** A Zalo text event from a person, with a fresh msg_id. */
export function zaloText(text: string, userId = "2512523625412515000", msgId = `msg-${Math.random().toString(36).slice(2)}`) {
  const base = fixture<any>("zalo/user_send_text.json");
  return { ...base, timestamp: String(Date.now()), sender: { id: userId }, message: { msg_id: msgId, text } };
}

/** A Messenger body with one text message. */
export function messengerText(text: string, psid = "7012345678901234", mid = `m_${Math.random().toString(36).slice(2)}`) {
  return {
    object: "page",
    entry: [{ id: "108512345678901", time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: "108512345678901" }, timestamp: Date.now(), message: { mid, text } }] }],
  };
}
