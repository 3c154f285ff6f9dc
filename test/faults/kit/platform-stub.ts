import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A local stand-in for the outside APIs the bot calls, for the fault tests and `npm run soak`: the Zalo OA send
 * API (`/v3.0/oa/message/cs`), Zalo's token refresh (`/v4/oa/access_token`), the Graph Send API
 * (`/v21.0/me/messages`), the conversation listings a timed-out send is checked with (Zalo `/v2.0/oa/conversation`,
 * Graph `/me/conversations`: what was delivered, newest first) and a staff webhook receiver (`/staff`). It records what was *delivered*, and can be told
 * to fail a call instead (see {@link Fault}): a failed call is never recorded as delivered, because the point of
 * the tests is what the person actually got.
 */

/**
 * What the stub does with one send call. `hang` keeps the request open and never answers (the client times out);
 * the stub drops it *without delivering*. `hang-delivered` delivers it and never answers: what a platform that took
 * the message but answered too late looks like. The bot tells the two apart by the conversation listing, where the
 * stub offers one (see {@link PlatformStubOptions.refuseListing}).
 */
export type Fault = "ok" | "http500" | "http503" | "http429" | "zalo-32" | "graph613" | "hang" | "hang-delivered" | "token-expired" | "zalo-230";

/** One message the stub accepted as delivered. */
export interface Delivered {
  /** Order of acceptance, from 1. */
  seq: number;
  platform: "zalo" | "messenger";
  userId: string;
  text: string;
  /** The access token the call carried (Zalo header / Graph query). */
  token: string;
  /** When the stub took it (epoch ms): the time its conversation listing shows. */
  at: number;
}

/** Options of {@link startPlatformStub}. */
export interface PlatformStubOptions {
  /** Picks the fault of each send call; `ok` by default. */
  fault?: (call: { platform: "zalo" | "messenger"; userId: string; token: string }) => Fault;
  /** Answers a Zalo refresh: the new pair, or an error; the default hands out access-2 / refresh-2. */
  refresh?: (refreshToken: string) => Promise<{ access_token: string; refresh_token: string; expires_in: string }>;
  /** Platforms whose conversation listing is refused (an app without that permission): the bot cannot tell there. */
  refuseListing?: ("zalo" | "messenger")[];
}

/** The running stub. */
export interface PlatformStub {
  url: string;
  delivered: Delivered[];
  /** Staff webhook bodies received. */
  staff: Record<string, unknown>[];
  /** Refresh calls received (the refresh tokens they carried). */
  refreshes: string[];
  /** Calls answered with each fault (for the printed figures). */
  faults: Record<Fault, number>;
  /** Emits "delivered" with each {@link Delivered}. */
  events: EventEmitter;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * Starts the stub on a loopback port.
 *
 * @example
 * const stub = await startPlatformStub({ fault: () => (Math.random() < 0.2 ? "http500" : "ok") });
 * // ZALO_API_BASE = FB_GRAPH_BASE = ZALO_OAUTH_BASE = stub.url, STAFF_WEBHOOK_URL = `${stub.url}/staff`
 */
export async function startPlatformStub(options: PlatformStubOptions = {}): Promise<PlatformStub> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const delivered: Delivered[] = [];
  const staff: Record<string, unknown>[] = [];
  const refreshes: string[] = [];
  const faults: Record<Fault, number> = { ok: 0, http500: 0, http503: 0, http429: 0, "zalo-32": 0, graph613: 0, hang: 0, "hang-delivered": 0, "token-expired": 0, "zalo-230": 0 };
  const sockets = new Set<Socket>();

  /** What one person was delivered on a platform, newest first: the conversation as the platform lists it. */
  const listing = (platform: "zalo" | "messenger", userId: string) => delivered.filter((entry) => entry.platform === platform && entry.userId === userId).reverse();

  const send = (platform: "zalo" | "messenger", userId: string, text: string, token: string, res: ServerResponse) => {
    const fault = options.fault?.({ platform, userId, token }) ?? "ok";
    faults[fault]++;
    const deliver = () => {
      const entry: Delivered = { seq: delivered.length + 1, platform, userId, text, token, at: Date.now() };
      delivered.push(entry);
      events.emit("delivered", entry);
      return entry;
    };
    switch (fault) {
      case "hang":
        return; // never answered; the socket is destroyed when the client gives up or the stub closes
      case "hang-delivered":
        deliver();
        return; // taken, but the answer never comes
      case "http500":
        return json(res, 500, { error: "internal" });
      case "http503":
        return json(res, 503, { error: "unavailable" });
      case "http429":
        return json(res, 429, platform === "zalo" ? { error: -32, message: "rate limit" } : { error: { code: 4, message: "rate limit" } });
      case "zalo-32":
        return platform === "zalo" ? json(res, 200, { error: -32, message: "Request exceeds the limit" }) : json(res, 400, { error: { code: 613, message: "Calls exceeded" } });
      case "graph613":
        return json(res, 400, { error: { code: 613, message: "Calls to this api have exceeded the rate limit" } });
      case "zalo-230":
        // The person has not written for 7 days: refused at once, never retried.
        return platform === "zalo" ? json(res, 200, { error: -230, message: "User has not interacted with the OA in the last 7 days" }) : json(res, 400, { error: { code: 551, message: "unavailable" } });
      case "token-expired":
        return platform === "zalo" ? json(res, 200, { error: -216, message: "Access token is invalid" }) : json(res, 400, { error: { code: 190, message: "token" } });
      default: {
        const entry = deliver();
        if (platform === "zalo") return json(res, 200, { error: 0, message: "Success", data: { message_id: `m${entry.seq}`, user_id: userId } });
        return json(res, 200, { recipient_id: userId, message_id: `mid.${entry.seq}` });
      }
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? "").split("?")[0];
      if (req.method === "POST" && path === "/v3.0/oa/message/cs") {
        const parsed = JSON.parse(body) as { recipient?: { user_id?: string }; message?: { text?: string } };
        return send("zalo", parsed.recipient?.user_id ?? "", parsed.message?.text ?? "", String(req.headers["access_token"] ?? ""), res);
      }
      if (req.method === "POST" && /^\/v\d+\.\d+\/me\/messages$/.test(path)) {
        const parsed = JSON.parse(body) as { recipient?: { id?: string }; message?: { text?: string }; sender_action?: string };
        if (parsed.sender_action) return json(res, 200, { recipient_id: parsed.recipient?.id });
        const token = new URL(req.url ?? "", "http://stub").searchParams.get("access_token") ?? "";
        return send("messenger", parsed.recipient?.id ?? "", parsed.message?.text ?? "", token, res);
      }
      if (req.method === "GET" && path === "/v2.0/oa/conversation") {
        if (options.refuseListing?.includes("zalo")) return json(res, 200, { error: -224, message: "OA has not been granted this permission" });
        const query = JSON.parse(new URL(req.url ?? "", "http://stub").searchParams.get("data") ?? "{}") as { user_id?: string; offset?: number; count?: number };
        const rows = listing("zalo", query.user_id ?? "").slice(query.offset ?? 0, (query.offset ?? 0) + (query.count ?? 10));
        return json(res, 200, { error: 0, message: "Success", data: rows.map((entry) => ({ msg_id: `m${entry.seq}`, src: 0, time: entry.at, type: "text", message: entry.text, from_id: "oa", to_id: entry.userId })) });
      }
      if (req.method === "GET" && /^\/v\d+\.\d+\/me\/conversations$/.test(path)) {
        if (options.refuseListing?.includes("messenger")) return json(res, 403, { error: { code: 10, message: "Application does not have permission for this action" } });
        const psid = new URL(req.url ?? "", "http://stub").searchParams.get("user_id") ?? "";
        const messages = listing("messenger", psid).slice(0, 25).map((entry) => ({ id: `mid.${entry.seq}`, message: entry.text, from: { id: "page" }, created_time: new Date(Math.floor(entry.at / 1000) * 1000).toISOString().replace(".000Z", "+0000") }));
        return json(res, 200, { data: [{ id: `t_${psid}`, messages: { data: messages } }] });
      }
      if (req.method === "POST" && path === "/v4/oa/access_token") {
        const refreshToken = new URLSearchParams(body).get("refresh_token") ?? "";
        refreshes.push(refreshToken);
        const answer = options.refresh ? await options.refresh(refreshToken) : { access_token: "access-2", refresh_token: "refresh-2", expires_in: "90000" };
        return json(res, 200, answer);
      }
      if (req.method === "POST" && path === "/staff") {
        staff.push(JSON.parse(body) as Record<string, unknown>);
        return json(res, 200, { ok: true });
      }
      json(res, 404, { error: "not stubbed" });
    })().catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    delivered,
    staff,
    refreshes,
    faults,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What the threaded stub has seen so far. */
export interface StubSnapshot {
  delivered: Delivered[];
  staff: Record<string, unknown>[];
  faults: Record<Fault, number>;
  refreshes: string[];
}

/** The stub running on a worker thread, failing `failRate` of send calls with one of `faults` at random. */
export interface StubThread {
  url: string;
  snapshot(): Promise<StubSnapshot>;
  close(): Promise<void>;
}

/**
 * Starts the stub on a worker thread (the flaky-send scenario: the bot shares the test's thread, and a stub on that
 * thread would answer late whenever the bot is busy, turning answered calls into timeouts).
 *
 * @example const stub = await startFlakyStubThread({ failRate: 0.2, seed: 7, faults: ["http500", "hang"] });
 */
export async function startFlakyStubThread(options: { failRate: number; seed: number; faults: Fault[]; refuseListing?: ("zalo" | "messenger")[] }): Promise<StubThread> {
  const { Worker } = await import("node:worker_threads");
  // A worker does not inherit the TypeScript loader: the bootstrap registers tsx, then loads the stub.
  const bootstrap = `(async () => { (await import("tsx/esm/api")).register(); await import(${JSON.stringify(new URL("./stub-worker.ts", import.meta.url).href)}); })()`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (message.type !== type) return;
        worker.off("message", onMessage);
        worker.off("error", reject);
        resolve(message);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
  const ready = await next("ready");
  return {
    url: String(ready.url),
    async snapshot() {
      const answer = next("snapshot");
      worker.postMessage({ type: "snapshot" });
      return (await answer) as unknown as StubSnapshot;
    },
    async close() {
      const closed = next("closed");
      worker.postMessage({ type: "close" });
      await closed;
      await worker.terminate();
    },
  };
}
