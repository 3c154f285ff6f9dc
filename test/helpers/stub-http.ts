import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A local HTTP server standing in for an outside one (a platform CDN, an S3 service); its handler can be swapped. */
export interface StubHttp {
  url: string;
  /** Every request seen: method and path. */
  requests: { method: string; path: string }[];
  handle(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): void;
  close(): Promise<void>;
}

/**
 * Starts a stub on 127.0.0.1 (an ephemeral port).
 *
 * @example const cdn = await startStub((req, res) => res.end(JPEG)); … await cdn.close();
 */
export async function startStub(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<StubHttp> {
  let current = handler;
  const requests: StubHttp["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "GET", path: req.url ?? "/" });
      current(req, res, Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    handle: (next) => void (current = next),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A tiny valid-looking JPEG (its magic number, then filler): what a phone photo starts with. */
export function jpegBytes(size = 2048, seed = 7): Buffer {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + seed) % 256;
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}
