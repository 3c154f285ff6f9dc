/**
 * The benchmark's own HTTP/1.1 ends, written on raw sockets as autocannon does: requests are whole byte
 * buffers prepared before the clock starts, and responses are only framed (status line, headers,
 * content-length), never parsed into objects. Node's http client and server cost the load generator and the
 * API stub ~0.7 ms of CPU per message on this 2-core machine — CPU the bot under test then did not get.
 * Used by scripts/bench.ts; no keep-alive pipelining: one request at a time per connection, like the platforms.
 */
import { connect, type Socket } from "node:net";

/** One HTTP request, ready to write. */
export function httpRequestBytes(host: string, path: string, headers: Record<string, string>, body: string): Buffer {
  const payload = Buffer.from(body);
  const head = [`POST ${path} HTTP/1.1`, `host: ${host}`, "connection: keep-alive", `content-length: ${payload.length}`];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(head.join("\r\n") + "\r\n\r\n"), payload]);
}

/**
 * Finds complete HTTP messages in `buffer` from `start`: returns the end of the first one (after its body), or -1
 * when it is not all there yet. Works for requests and responses with a content-length (or none).
 */
export function messageEnd(buffer: Buffer, start: number): number {
  const headEnd = buffer.indexOf("\r\n\r\n", start);
  if (headEnd < 0) return -1;
  const head = buffer.toString("latin1", start, headEnd).toLowerCase();
  const match = /content-length:\s*(\d+)/.exec(head);
  const end = headEnd + 4 + (match ? Number(match[1]) : 0);
  return end <= buffer.length ? end : -1;
}

/** A pool of keep-alive connections that sends prepared requests, one in flight per connection. */
export class RawClient {
  #idle: Socket[] = [];
  #waiting: Buffer[] = [];
  #open = 0;

  constructor(
    private readonly port: number,
    private readonly maxConnections: number,
  ) {}

  /** Opens `count` connections ahead (before the clock starts), as a platform's keep-alive pool would be. */
  async open(count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, () => new Promise<void>((resolve) => this.#connect(undefined, resolve))),
    );
  }

  send(request: Buffer): void {
    const socket = this.#idle.pop();
    if (socket) socket.write(request);
    else if (this.#open < this.maxConnections) this.#connect(request);
    else this.#waiting.push(request);
  }

  close(): void {
    for (const socket of this.#idle) socket.destroy();
  }

  #connect(first: Buffer | undefined, connected?: () => void): void {
    this.#open++;
    const socket = connect(this.port, "127.0.0.1", () => {
      if (!first) this.#idle.push(socket);
      connected?.();
    });
    socket.setNoDelay(true);
    let pending: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      for (let end = messageEnd(pending, start); end >= 0; end = messageEnd(pending, start)) {
        start = end;
        const next = this.#waiting.shift();
        if (next) socket.write(next);
        else this.#idle.push(socket);
      }
      pending = start < pending.length ? pending.subarray(start) : Buffer.alloc(0);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      this.#open--;
      this.#idle = this.#idle.filter((s) => s !== socket);
    });
    if (first) socket.write(first);
  }
}

/**
 * Source of the API stub's worker thread (plain JavaScript: it runs outside tsx). It answers every request
 * with a fixed Zalo/Graph success and reports, in batches, when each person's reply arrived (absolute ms).
 */
export const RAW_STUB_SOURCE = `
const { parentPort } = require("node:worker_threads");
const net = require("node:net");
const body = '{"error":0,"message":"Success","data":{"message_id":"x"},"recipient_id":"x","message_id":"m"}';
const response = Buffer.from("HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\nconnection: keep-alive\\r\\ncontent-length: " + body.length + "\\r\\n\\r\\n" + body);
${messageEnd.toString()}
let batch = [];
setInterval(() => { if (batch.length) { parentPort.postMessage({ arrivals: batch }); batch = []; } }, 5).unref();
const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  socket.on("data", (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let end = messageEnd(pending, start); end >= 0; end = messageEnd(pending, start)) {
      const at = performance.timeOrigin + performance.now();
      const m = /"(?:user_id|id)":"([^"]+)"/.exec(pending.toString("utf8", start, end));
      if (m) batch.push([m[1], at]);
      socket.write(response);
      start = end;
    }
    pending = start < pending.length ? pending.subarray(start) : Buffer.alloc(0);
  });
  socket.on("error", () => {});
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
`;
