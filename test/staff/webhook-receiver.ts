import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got: the exact bytes and headers. */
export interface Received {
  raw: string;
  headers: IncomingHttpHeaders;
}

/**
 * A real HTTP server standing in for STAFF_WEBHOOK_URL: records the raw body (the signature is checked on
 * the bytes that arrived) and answers the statuses given in turn (the last one repeats).
 */
export async function startWebhookReceiver(statuses: number[] = [200]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ raw: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/staff-hook`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
