import { readFileSync } from "node:fs";
import { Api } from "../../../../src/channels/zalo/sdk/index.js";
import type { ZaloEvent } from "../../../../src/channels/zalo/sdk/index.js";

/** A sample event from test/fixtures/zalo. */
export function event<T = ZaloEvent>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/zalo/${name}.json`, import.meta.url), "utf8")) as T;
}

export interface Call {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A fetch that records each request and answers from `reply` (a JSON value, a status and body, or a thrown error).
 *
 * @example const stub = stubFetch(() => ({ error: 0, data: { message_id: "m1" } })); const api = new Api({ fetch: stub.fetch });
 */
export function stubFetch(reply: (call: Call, index: number) => unknown | { status: number; body: string } | Error) {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL, init: RequestInit = {}) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    let body: unknown = init.body;
    if (typeof init.body === "string") body = headers["content-type"]?.includes("json") ? JSON.parse(init.body) : Object.fromEntries(new URLSearchParams(init.body));
    const call: Call = { url: new URL(String(input)), method: init.method ?? "GET", headers, body };
    calls.push(call);
    const answer = reply(call, calls.length - 1);
    if (answer instanceof Error) throw answer;
    if (answer && typeof answer === "object" && "status" in answer && "body" in answer) {
      const { status, body: text } = answer as { status: number; body: string };
      return new Response(text, { status });
    }
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export const SENT = { error: 0, message: "Success", data: { message_id: "m-1", user_id: "2512523625412515000" } };

/** An Api over a stub that answers every call with success. */
export function stubApi(reply: Parameters<typeof stubFetch>[0] = () => SENT) {
  const stub = stubFetch(reply);
  return { api: new Api({ fetch: stub.fetch }), calls: stub.calls };
}
